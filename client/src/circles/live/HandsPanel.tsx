import { useState } from 'react';
import { useStore } from '../../store';
import { ErrorLine } from '../../ui/ErrorLine';
import { nameOf, selectIsHost } from './liveSlice';
import { useCommand } from './useCommand';

/** Raised hands in the order they went up; hosts call on the next person or lower them all (raising is in the toolbar). */
export function HandsPanel() {
  const hands = useStore((s) => s.live.hands);
  const participants = useStore((s) => s.live.participants);
  const isHost = useStore(selectIsHost);
  const [called, setCalled] = useState<string | null>(null);
  const { run, busy, error } = useCommand();

  // Only the person called on is told by the server; the host sees whom they called here.
  async function callNext() {
    const ack = await run('hand:callNext', {});
    if (ack.ok) setCalled(ack.data.called ? `You called on ${nameOf(participants, ack.data.called)}.` : 'Nobody had a hand up.');
  }

  return (
    <section className="card hands" aria-labelledby="hands-heading">
      <h2 id="hands-heading">
        Raised hands <span className="count">({hands.length})</span>
      </h2>
      <ol aria-label="Raised hands" className="hand-queue">
        {hands.map((h) => (
          <li key={h.identity}>{nameOf(participants, h.identity)}</li>
        ))}
      </ol>
      {hands.length === 0 && <p className="hint">No hands up.</p>}
      {isHost && (
        <div className="button-row">
          <button type="button" className="button secondary" disabled={busy || hands.length === 0} onClick={() => void callNext()}>
            Call on next
          </button>
          <button type="button" className="button secondary" disabled={busy || hands.length === 0} onClick={() => void run('hand:lowerAll', {}).then(() => setCalled(null))}>
            Lower all hands
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
