import { useState } from 'react';
import { useStore } from '../../store';
import { ErrorLine } from '../../ui/ErrorLine';
import { selectIsHost } from './liveSlice';
import { useCommand } from './useCommand';

/** Closing the circle to newcomers, and ending it for everyone (after a second, deliberate click). */
export function HostControls() {
  const isHost = useStore(selectIsHost);
  const locked = useStore((s) => s.live.locked);
  const { run, busy, error } = useCommand();
  const [confirming, setConfirming] = useState(false);
  if (!isHost) return null;

  async function lock() {
    await run('circle:lock', { locked: !locked });
  }
  async function end() {
    setConfirming(false);
    await run('circle:end', {});
  }

  return (
    <section className="card host-controls" aria-labelledby="host-heading">
      <h2 id="host-heading">Hosting</h2>
      <div className="button-row">
        <button type="button" className="toggle" aria-pressed={locked} disabled={busy} onClick={() => void lock()}>
          <span className="toggle-dot" aria-hidden="true" />
          {locked ? 'Unlock circle' : 'Lock circle'}
        </button>
        {confirming ? (
          <>
            <button type="button" className="button leave" disabled={busy} onClick={() => void end()}>
              Confirm ending the circle
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              Keep the circle going
            </button>
          </>
        ) : (
          <button type="button" className="button secondary" disabled={busy} onClick={() => setConfirming(true)}>
            End circle for everyone
          </button>
        )}
      </div>
      <ErrorLine inline message={error} />
    </section>
  );
}
