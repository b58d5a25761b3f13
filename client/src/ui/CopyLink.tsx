import { useRef, useState } from 'react';
import { useT } from '../i18n/useT';

/**
 * A link to pass on by hand (an invite, a password reset): shown read-only, selected on focus, with a Copy
 * button that says what happened — and, where the browser will not copy, selects it for Ctrl+C instead.
 */
export function CopyLink({ id, label, url, copiedText }: { id: string; label: string; url: string; copiedText: string }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [said, setSaid] = useState('');
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setSaid(copiedText);
    } catch {
      input.current?.select();
      setSaid(t('common.copyLink.failed'));
    }
  }
  return (
    <>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <div className="invite-copy">
          <input id={id} className="invite-link" type="text" readOnly value={url} ref={input} onFocus={(e) => e.target.select()} />
          <button type="button" className="button secondary" onClick={() => void copy()}>
            {t('common.copyLink.copy')}
          </button>
        </div>
      </div>
      <p role="status">{said}</p>
    </>
  );
}
