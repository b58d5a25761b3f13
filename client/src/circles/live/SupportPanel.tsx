import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorLine } from '../../ui/ErrorLine';
import { useCommand } from './useCommand';

/** A discreet way to personal support: nobody in the circle sees the request. */
export function SupportPanel() {
  const { run, busy, error } = useCommand();
  const [status, setStatus] = useState('');

  async function ask() {
    setStatus('');
    const ack = await run('support:request', {});
    if (ack.ok) setStatus(ack.data.message);
  }

  return (
    <section className="card support" aria-labelledby="support-heading">
      <h2 id="support-heading">Something more personal?</h2>
      <p className="hint">Only staff see this. Nobody in the circle is told. Peer support is never advice.</p>
      <div className="button-row">
        <button type="button" className="button secondary" disabled={busy} onClick={() => void ask()}>
          Ask for one-on-one support
        </button>
        <Link to="/support/request?from=circle">Request matched peer support</Link>
        {/* A new tab, so the call goes on. */}
        <a href="/help" target="_blank" rel="noopener">
          Which kind of help fits? (opens in a new tab)
        </a>
      </div>
      <p role="status" className="support-status">
        {status}
      </p>
      <ErrorLine inline message={error} />
    </section>
  );
}
