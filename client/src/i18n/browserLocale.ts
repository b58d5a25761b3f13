import { LOCALES, matchLocale, type Locale } from '../../../shared/i18n/locales';

/** Before the server has answered: the first of the browser's languages we have a catalog for, else English. */
export function browserLocale(): Locale {
  const wanted = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
  for (const tag of wanted) {
    const found = matchLocale(tag, LOCALES);
    if (found) return found;
  }
  return 'en-CA';
}
