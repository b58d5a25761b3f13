import { useStore } from '../../store';
import { ErrorLine } from '../../ui/ErrorLine';
import { useT } from '../../i18n/useT';

/**
 * What this person should notice at once, just above the call toolbar: a lost connection, a refused join, a
 * locked circle, no host yet, being called on, and what a host just did to them. Each notice that stays can be
 * dismissed; the status line is read out politely, a host's action on you assertively.
 */
export function LiveNotices() {
  const t = useT();
  const connection = useStore((s) => s.live.connection);
  const joined = useStore((s) => s.live.joined);
  const joinError = useStore((s) => s.live.joinError);
  const locked = useStore((s) => s.live.locked);
  const called = useStore((s) => s.live.called);
  const notice = useStore((s) => s.live.notice);
  const noHost = useStore((s) => s.live.joined && !s.live.you?.isHost && !s.live.participants.some((p) => p.isHost));
  const dismiss = useStore((s) => s.dismissNotice);
  const hostChange = useStore((s) => s.live.hostChange);
  const mine = useStore((s) => s.live.hostChange !== null && s.live.hostChange.identity === s.live.you?.identity);
  const dismissHostChange = useStore((s) => s.dismissHostChange);
  const dismissCalled = useStore((s) => s.dismissCalled);
  const reconnecting = connection === 'reconnecting' || (connection === 'connected' && !joined && !joinError);
  const status =
    connection === 'reconnecting'
      ? t('circles.notices.reconnecting')
      : reconnecting
        ? t('circles.notices.joining')
        : noHost
          ? t('circles.notices.noHost')
          : '';

  return (
    <div className="live-notices">
      <p role="status" className={status ? 'toast status-toast' : 'visually-hidden'}>
        {status}
      </p>
      <ErrorLine message={joinError} />
      {notice && (
        <div role="alert" className="toast notice moderation-notice">
          <p>{notice.message}</p>
          <button type="button" className="button secondary" onClick={dismiss}>
            {t('circles.notices.dismiss')}
          </button>
        </div>
      )}
      <div role="status" className={hostChange ? 'toast host-change' : 'visually-hidden'} data-testid="host-change">
        {hostChange && (
          <>
            <p>{mine ? t('circles.notices.nowHosting') : hostChange.message}</p>
            <button type="button" className="button secondary" onClick={dismissHostChange}>
              {t('circles.notices.dismiss')}
            </button>
          </>
        )}
      </div>
      {locked && <p className="toast locked-notice">{t('circles.notices.locked')}</p>}
      <div role="status" className={called ? 'toast called' : 'visually-hidden'}>
        {called && (
          <>
            <p key={called.key}>{t('circles.notices.called')}</p>
            <button type="button" className="button secondary" onClick={dismissCalled}>
              {t('circles.notices.dismiss')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
