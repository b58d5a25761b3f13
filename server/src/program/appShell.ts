import type { Request } from 'express';
import type { Locale } from '../../../shared/i18n/locales';
import { langOf } from '../../../shared/i18n/locales';
import { LOCALE_COOKIE, type I18n } from '../i18n/i18n';

/** One cookie's value from a Cookie header (the shell is served outside the API's cookie parser). */
function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The client's index.html as this program serves it, per locale: `<html lang>` in the reader's language and the
 * program's name as the title before any script runs (a screen reader picks its voice from the first `lang` it
 * reads), and the favicon's mug in the accent colour. The client keeps both in step afterwards.
 */
export function appShell(indexHtml: string, i18n: I18n): { html(locale: Locale): string; localeOf(req: Request): Locale } {
  const byLocale = new Map<Locale, string>();
  const accent = encodeURIComponent(i18n.program.accentColour);
  return {
    html(locale) {
      let page = byLocale.get(locale);
      if (!page) {
        page = indexHtml
          .replace(/<html\b[^>]*>/i, `<html lang="${langOf(locale)}">`)
          .replace(/<title>[^<]*<\/title>/i, `<title>${escapeHtml(i18n.programText(i18n.program.name, locale))}</title>`)
          .replace(/%23b3261e/gi, accent);
        byLocale.set(locale, page);
      }
      return page;
    },
    // Signed-in people's choice is in the cookie too (PUT /api/auth/locale sets both); the page corrects itself.
    localeOf: (req) => i18n.resolve({ cookie: cookieValue(req.headers.cookie, LOCALE_COOKIE), acceptLanguage: req.headers['accept-language'] }),
  };
}
