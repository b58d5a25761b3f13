import { useId, useState } from 'react';
import { SessionResponse } from '../../../shared/schemas/auth';
import { LOCALE_NAMES, langOf, type Locale } from '../../../shared/i18n/locales';
import { messageOf } from '../api/ApiError';
import { apiPut } from '../api/apiRequest';
import { useStore } from '../store';
import { useT } from './useT';

/**
 * The language switch on every page: each language named in itself (and marked with its `lang`, so a screen
 * reader says "Français" in French). Signed in, the choice is kept on the account; signed out, in a cookie.
 */
export function LanguageSwitcher() {
  const t = useT();
  const id = useId();
  const locale = useStore((s) => s.locale);
  const offered = useStore((s) => s.program?.locales ?? []);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (offered.length < 2) return null;

  const choose = async (next: Locale) => {
    if (next === locale) return;
    setBusy(true);
    setError(null);
    try {
      const res = await apiPut('/api/auth/locale', { locale: next }, SessionResponse);
      useStore.getState().setSession(res);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('common.language')}</label>
      <select id={id} value={locale} disabled={busy} onChange={(e) => void choose(e.target.value as Locale)}>
        {offered.map((l) => (
          <option key={l} value={l} lang={langOf(l)}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </div>
  );
}
