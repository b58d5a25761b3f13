import type { Translate } from '../../../shared/i18n/translate';

/** "3 hours", "2 days", "1 day": how long a request has waited, in the unit staff triage by. */
export function formatWaiting(t: Translate, hours: number): string {
  if (hours < 1) return t('matching.waiting.hours', { hours: 0 });
  if (hours < 48) return t('matching.waiting.hours', { hours });
  return t('matching.waiting.days', { days: Math.floor(hours / 24) });
}

/** "fewer than 5" for a withheld count, otherwise the count with its share of the total. */
export function formatCell(t: Translate, cell: { count: number | null; share: number | null; suppressed: boolean }, threshold: number): string {
  if (cell.suppressed || cell.count === null) return t('matching.stats.fewerThan', { threshold });
  return t('matching.stats.cell', { count: cell.count, share: cell.share ?? 0 });
}
