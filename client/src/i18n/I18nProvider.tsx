import { useEffect, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { MESSAGES } from '../../../shared/i18n/catalog';
import { langOf } from '../../../shared/i18n/locales';
import { useStore } from '../store';

/**
 * Every page renders inside this: react-intl with the person's locale and its catalog. It also keeps the page's
 * `lang` (screen readers pick their voice from it) and the program's accent colour in step.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const locale = useStore((s) => s.locale);
  const accent = useStore((s) => s.program?.accentColour);
  useEffect(() => {
    document.documentElement.lang = langOf(locale);
  }, [locale]);
  useEffect(() => {
    if (accent) document.documentElement.style.setProperty('--program-accent', accent);
  }, [accent]);
  return (
    <IntlProvider locale={locale} defaultLocale="en-CA" messages={MESSAGES[locale]} onError={reportMissing}>
      {children}
    </IntlProvider>
  );
}

// The catalog test and the type checker keep ids complete; anything else is a real formatting error.
function reportMissing(err: { code: string; message: string }) {
  if (err.code !== 'MISSING_TRANSLATION') console.error(err.message);
}
