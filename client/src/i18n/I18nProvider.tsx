import { useEffect, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { langOf } from '../../../shared/i18n/locales';
import { useStore } from '../store';
import { catalogNow, loadCatalog } from './catalogs';

/**
 * Every page renders inside this: react-intl with the person's locale and its catalog. A language's catalog is
 * fetched when it is first wanted; until it arrives the page stays in the language it was in (main.tsx fetches the
 * first one before the first render). It also keeps the page's `lang` (screen readers pick their voice from it)
 * and the program's accent colour in step.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const wanted = useStore((s) => s.locale);
  const accent = useStore((s) => s.program?.accentColour);
  const [shown, setShown] = useState(() => catalogNow(wanted));
  useEffect(() => {
    let current = true;
    loadCatalog(wanted).then(
      (messages) => current && setShown({ locale: wanted, messages }),
      // Not arrived (offline for a moment): the page stays in the language it has, and asks again on the next change.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [wanted]);
  const locale = shown?.locale ?? wanted;
  useEffect(() => {
    document.documentElement.lang = langOf(locale);
  }, [locale]);
  useEffect(() => {
    if (accent) document.documentElement.style.setProperty('--program-accent', accent);
  }, [accent]);
  return (
    <IntlProvider locale={locale} defaultLocale="en-CA" messages={shown?.messages ?? {}} onError={reportMissing}>
      {children}
    </IntlProvider>
  );
}

// The catalog test and the type checker keep ids complete; anything else is a real formatting error.
function reportMissing(err: { code: string; message: string }) {
  if (err.code !== 'MISSING_TRANSLATION') console.error(err.message);
}
