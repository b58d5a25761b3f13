import { z } from 'zod';

/**
 * The languages Red Mug has catalogs for, as BCP 47 tags. A program offers some of them (its config says which,
 * and which is its default). Adding a language: a folder under `messages/`, a line here and in `catalog.ts`.
 */
export const LOCALES = ['en-CA', 'fr-CA'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** Each language's own name, in that language: the switcher shows it as the language's speakers read it. */
export const LOCALE_NAMES: Record<Locale, string> = { 'en-CA': 'English', 'fr-CA': 'Français' };

/** The `lang` attribute for a locale (`fr-CA`, so screen readers switch to a French voice). */
export const langOf = (locale: Locale): string => locale;

/** The offered locale a tag such as `fr`, `fr-FR` or `en-US` asks for: the same tag, else the same language. */
export function matchLocale(tag: string, offered: readonly Locale[]): Locale | null {
  const t = tag.trim().toLowerCase();
  if (!t || t === '*') return null;
  const exact = offered.find((l) => l.toLowerCase() === t);
  if (exact) return exact;
  const lang = t.split('-')[0];
  return offered.find((l) => l.toLowerCase().split('-')[0] === lang) ?? null;
}

/**
 * The best offered locale for an `Accept-Language` header (RFC 9110 §12.5.4: by q-value, then order), or null when
 * none of the listed languages is offered.
 */
export function negotiateLocale(header: string | undefined, offered: readonly Locale[]): Locale | null {
  if (!header) return null;
  const ranges = header
    .split(',')
    .slice(0, 20)
    .map((part, i) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  for (const r of ranges) {
    const found = matchLocale(r.tag, offered);
    if (found) return found;
  }
  return null;
}
