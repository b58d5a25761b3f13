import './knocks.css';
import { useStore } from '../../store';
import { ErrorLine } from '../../ui/ErrorLine';
import { selectIsHost } from './liveSlice';
import { useCommand } from './useCommand';

/**
 * For hosts: people knocking at the locked circle, each with the name they chose, to let in or decline. A new
 * knock is read out politely; the panel is there only while someone waits.
 */
export function KnocksPanel() {
  const isHost = useStore(selectIsHost);
  const knocks = useStore((s) => s.live.knocks);
  const { run, busy, error } = useCommand();
  if (!isHost) return null;
  const newest = knocks[knocks.length - 1];

  return (
    <>
      <p role="status" className="visually-hidden">
        {newest ? `${newest.displayName} would like to join the circle.` : ''}
      </p>
      {knocks.length > 0 && (
        <section className="card knocks" aria-labelledby="knocks-heading" data-testid="knocks">
          <h2 id="knocks-heading">At the door</h2>
          <ul aria-label="People asking to join">
            {knocks.map((k) => (
              <li key={k.identity} className="knock">
                <p>
                  Someone would like to join: <strong>{k.displayName}</strong>
                </p>
                <div className="button-row">
                  <button
                    type="button"
                    className="button primary"
                    disabled={busy}
                    aria-label={`Let in ${k.displayName}`}
                    onClick={() => void run('knock:admit', { identity: k.identity })}
                  >
                    Let in
                  </button>
                  <button
                    type="button"
                    className="button secondary"
                    disabled={busy}
                    aria-label={`Decline ${k.displayName}`}
                    onClick={() => void run('knock:decline', { identity: k.identity })}
                  >
                    Decline
                  </button>
                </div>
              </li>
            ))}
          </ul>
          <ErrorLine inline message={error} />
        </section>
      )}
    </>
  );
}
