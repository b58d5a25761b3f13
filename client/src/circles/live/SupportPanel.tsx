import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorLine } from '../../ui/ErrorLine';
import { useCommand } from './useCommand';
import { useT } from '../../i18n/useT';

/** A discreet way to personal support: nobody in the circle sees the request. */
export function SupportPanel() {
  const t = useT();
  const { run, busy, error } = useCommand();
  const [status, setStatus] = useState('');

  async function ask() {
    setStatus('');
    const ack = await run('support:request', {});
    if (ack.ok) setStatus(ack.data.message);
  }

  return (
    <section className="card support" aria-labelledby="support-heading">
      <h2 id="support-heading">{t('circles.support.heading')}</h2>
      <p className="hint">{t('circles.support.hint')}</p>
      <div className="button-row">
        <button type="button" className="button secondary" disabled={busy} onClick={() => void ask()}>
          {t('circles.support.ask')}
        </button>
        <Link to="/support/request?from=circle">{t('circles.support.matched')}</Link>
        {/* A new tab, so the call goes on. */}
        <a href="/help" target="_blank" rel="noopener">
          {t('circles.support.whichHelp')}
        </a>
      </div>
      <p role="status" className="support-status">
        {status}
      </p>
      <ErrorLine inline message={error} />
    </section>
  );
}
