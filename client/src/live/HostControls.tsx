import { useState } from 'react';
import { useStore } from '../store';
import { selectIsHost } from './liveSlice';
import { useCommand } from './useCommand';

/** Closing the circle to newcomers, and ending it for everyone (after a second, deliberate click). */
export function HostControls() {
  const isHost = useStore(selectIsHost);
  const locked = useStore((s) => s.live.locked);
  const { run, busy } = useCommand();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!isHost) return null;

  async function lock() {
    setError(null);
    const ack = await run('circle:lock', { locked: !locked });
    if (!ack.ok) setError(ack.message);
  }
  async function end() {
    setError(null);
    setConfirming(false);
    const ack = await run('circle:end', {});
    if (!ack.ok) setError(ack.message);
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
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </section>
  );
}
