import { formatCount } from '../../../shared/i18n/formatTime';
import type { Locale } from '../../../shared/i18n/locales';
import type { Translate } from '../../../shared/i18n/translate';
import type { Milestone, RequestShare } from '../../../shared/schemas/outcomes';

/**
 * How the reports' figures read on the page and in the charts, in the reader's language: a withheld count says so
 * in words, every other number goes through Intl. (The CSV files are written by the server in the reader's language:
 * server/src/reports/reportsCsv.ts.)
 */
export type Words = Translate & { locale: Locale };

/** "fewer than 5" for a withheld count; otherwise the count, "1,440" / "1 440". */
export function countText(t: Words, count: number | null, threshold: number): string {
  return count === null ? t('reports.fewerThan', { threshold }) : formatCount(t.locale, count);
}

/**
 * The number a message's plural is chosen by, for a count that may be withheld: "fewer than 5 matches" reads like
 * five of them.
 */
export const pluralOf = (count: number | null, threshold: number): number => count ?? threshold;

/** A share as it reads: "42.9 %" / "42,9 %", or why there is none. */
export function shareText(t: Words, s: RequestShare, base: number | null): string {
  if (s.share !== null) return t('reports.percent', { share: s.share });
  return base === 0 ? t('reports.outcomes.noRequests') : t('reports.outcomes.shareWithheld');
}

/** "100th match" / "100e jumelage". */
export const milestoneNameText = (t: Words, m: Pick<Milestone, 'count'>): string => t('reports.outcomes.milestone', { n: m.count });

/** When a milestone was reached, as precisely as the report allows: "March 2026" / "mars 2026", "2022", or before the platform. */
export function milestoneWhenText(t: Words, m: Pick<Milestone, 'year' | 'month'>): string {
  if (m.year === null) return t('reports.outcomes.beforePlatform');
  if (m.month === null) return String(m.year);
  return new Intl.DateTimeFormat(t.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(m.year, m.month - 1, 1));
}

/** A calendar day ("2026-01-01") as it reads: "January 1, 2026" / "1er janvier 2026". */
export function dayText(locale: Locale, day: string): string {
  const text = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  // French writes the first of the month as an ordinal.
  return locale.startsWith('fr') ? text.replace(/^1 /, '1er ') : text;
}
