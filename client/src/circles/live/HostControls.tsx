import { useState } from 'react';
import { useStore } from '../../store';
import { ErrorLine } from '../../ui/ErrorLine';
import { selectIsHost } from './liveSlice';
import { useCommand } from './useCommand';
import { useT } from '../../i18n/useT';

/** Closing the circle to newcomers, and ending it for everyone (after a second, deliberate click). */
export function HostControls() {
  const t = useT();
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
      <h2 id="host-heading">{t('circles.host.heading')}</h2>
      <div className="button-row">
        <button type="button" className="toggle" aria-pressed={locked} disabled={busy} onClick={() => void lock()}>
          <span className="toggle-dot" aria-hidden="true" />
          {t(locked ? 'circles.host.unlock' : 'circles.host.lock')}
        </button>
        {confirming ? (
          <>
            <button type="button" className="button leave" disabled={busy} onClick={() => void end()}>
              {t('circles.host.confirmEnd')}
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              {t('circles.host.keepGoing')}
            </button>
          </>
        ) : (
          <button type="button" className="button secondary" disabled={busy} onClick={() => setConfirming(true)}>
            {t('circles.host.end')}
          </button>
        )}
      </div>
      <ErrorLine inline message={error} />
    </section>
  );
}
