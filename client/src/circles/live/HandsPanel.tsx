import { useState } from 'react';
import { useStore } from '../../store';
import { ErrorLine } from '../../ui/ErrorLine';
import { nameOf, selectIsHost } from './liveSlice';
import { useCommand } from './useCommand';
import { useT } from '../../i18n/useT';

/** Raised hands in the order they went up; hosts call on the next person or lower them all (raising is in the toolbar). */
export function HandsPanel() {
  const t = useT();
  const hands = useStore((s) => s.live.hands);
  const participants = useStore((s) => s.live.participants);
  const isHost = useStore(selectIsHost);
  const [called, setCalled] = useState<string | null>(null);
  const { run, busy, error } = useCommand();

  // Only the person called on is told by the server; the host sees whom they called here.
  async function callNext() {
    const ack = await run('hand:callNext', {});
    if (ack.ok) {
      setCalled(ack.data.called ? t('circles.hands.called', { name: nameOf(participants, ack.data.called) ?? t('circles.someone') }) : t('circles.hands.nobody'));
    }
  }

  return (
    <section className="card hands" aria-labelledby="hands-heading">
      <h2 id="hands-heading">
        {t.rich('circles.hands.heading', { count: hands.length, tally: (chunks) => <span key="tally" className="count">{chunks}</span> })}
      </h2>
      <ol aria-label={t('circles.hands.list')} className="hand-queue">
        {hands.map((h) => (
          <li key={h.identity}>{nameOf(participants, h.identity) ?? t('circles.someone')}</li>
        ))}
      </ol>
      {hands.length === 0 && <p className="hint">{t('circles.hands.none')}</p>}
      {isHost && (
        <div className="button-row">
          <button type="button" className="button secondary" disabled={busy || hands.length === 0} onClick={() => void callNext()}>
            {t('circles.hands.callNext')}
          </button>
          <button type="button" className="button secondary" disabled={busy || hands.length === 0} onClick={() => void run('hand:lowerAll', {}).then(() => setCalled(null))}>
            {t('circles.hands.lowerAll')}
          </button>
        </div>
      )}
      {isHost && (
        <p role="status" className={called ? 'hint' : 'visually-hidden'}>
          {called ?? ''}
        </p>
      )}
      <ErrorLine inline message={error} />
    </section>
  );
}
