import { useStore } from '../../store';
import { ErrorLine } from '../../ui/ErrorLine';

/**
 * What everyone should notice at once: a lost connection, a refused join, a locked circle, who is up next, and
 * (only for the person affected) what a host just did.
 */
export function LiveNotices() {
  const connection = useStore((s) => s.live.connection);
  const joined = useStore((s) => s.live.joined);
  const joinError = useStore((s) => s.live.joinError);
  const locked = useStore((s) => s.live.locked);
  const called = useStore((s) => s.live.called);
  const notice = useStore((s) => s.live.notice);
  const dismiss = useStore((s) => s.dismissNotice);
  const reconnecting = connection === 'reconnecting' || (connection === 'connected' && !joined && !joinError);

  return (
    <div className="live-notices">
      <p role="status" className={reconnecting ? 'reconnecting' : 'visually-hidden'}>
        {connection === 'reconnecting' ? 'Reconnecting…' : reconnecting ? 'Joining the circle…' : ''}
      </p>
      <ErrorLine message={joinError} />
      {notice && (
        <div role="alert" className="notice moderation-notice">
          <p>{notice.message}</p>
          <button type="button" className="button secondary" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
      {locked && <p className="locked-notice">Locked: no new people can join</p>}
      <p role="status" className={called ? 'called' : 'visually-hidden'}>
        {called ? `${called.displayName}, you're up` : ''}
      </p>
    </div>
  );
}
