import { LOCALES, Locale, matchLocale } from '../../../shared/i18n/locales';

/**
 * Before the server has answered: the language the page was served in (server/src/program/appShell.ts writes the
 * locale it resolved, from the person's cookie, their browser and the program's default, into `<html lang>`), so the
 * first render speaks the language the shell announced. A shell served as built (Vite's dev server: `lang="en"`,
 * not one of our locales) leaves it to the browser's languages.
 */
export function initialLocale(): Locale {
  const served = typeof document === 'undefined' ? undefined : Locale.safeParse(document.documentElement.lang);
  return served?.success ? served.data : browserLocale();
}

/** The first of the browser's languages we have a catalog for, else English. */
function browserLocale(): Locale {
  const wanted = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
  for (const tag of wanted) {
    const found = matchLocale(tag, LOCALES);
    if (found) return found;
  }
  return 'en-CA';
}
