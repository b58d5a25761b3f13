import { useStore } from '../../store';
import { ErrorLine } from '../../ui/ErrorLine';
import { nameOf, selectHandRaised, selectIsHost } from './liveSlice';
import { useCommand } from './useCommand';

/** Raised hands in the order they went up; hosts call on the next person or lower them all. */
export function HandsPanel() {
  const hands = useStore((s) => s.live.hands);
  const participants = useStore((s) => s.live.participants);
  const isHost = useStore(selectIsHost);
  const raised = useStore(selectHandRaised);
  const { run, busy, error } = useCommand();

  async function act(event: 'hand:raise' | 'hand:lower' | 'hand:callNext' | 'hand:lowerAll') {
    await run(event, {});
  }

  return (
    <section className="card hands" aria-labelledby="hands-heading">
      <h2 id="hands-heading">
        Raised hands <span className="count">({hands.length})</span>
      </h2>
      <button
        type="button"
        className="toggle hand-toggle"
        aria-pressed={raised}
        disabled={busy}
        onClick={() => void act(raised ? 'hand:lower' : 'hand:raise')}
      >
        <span aria-hidden="true">✋</span> {raised ? 'Lower hand' : 'Raise hand'}
      </button>
      <ol aria-label="Raised hands" className="hand-queue">
        {hands.map((h) => (
          <li key={h.identity}>{nameOf(participants, h.identity)}</li>
        ))}
      </ol>
      {hands.length === 0 && <p className="hint">No hands up.</p>}
      {isHost && (
        <div className="button-row">
          <button type="button" className="button secondary" disabled={busy || hands.length === 0} onClick={() => void act('hand:callNext')}>
            Call on next
          </button>
          <button type="button" className="button secondary" disabled={busy || hands.length === 0} onClick={() => void act('hand:lowerAll')}>
            Lower all hands
          </button>
        </div>
      )}
      <ErrorLine inline message={error} />
    </section>
  );
}
