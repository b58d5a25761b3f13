import type { MessageId } from '../../../shared/i18n/catalog';
import type { Locale } from '../../../shared/i18n/locales';
import type { T } from '../i18n/useT';

/** A label table (value → message id, shared/schemas/matching.ts) as the options a field shows, in the reader's words. */
export function labelsIn<K extends string>(t: T, table: Record<K, MessageId>): Record<K, string> {
  return Object.fromEntries((Object.entries(table) as Array<[K, MessageId]>).map(([k, id]) => [k, t(id)])) as Record<K, string>;
}

/** "Lawyer", "Articling student"; "Unknown" when none was recorded; a kind this client does not know, as sent. */
export const callerKindIn = (t: T, kind: string | null): string => t('matching.callerKind', { kind: kind ?? 'unknown' });

/** "December 2, 2026" / "2 décembre 2026": a day, in the reader's locale and zone. */
export const dayIn = (locale: Locale, iso: string): string => new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(iso));

/** A day and a time, in the reader's locale and zone. */
export const momentIn = (locale: Locale, iso: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
