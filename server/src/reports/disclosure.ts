import type { Count, ReportCell } from '../../../shared/schemas/reports';
import { suppressSmallCells } from '../matching/suppression';

/**
 * Disclosure control for every count of people we publish, in the page, the charts and the CSV alike:
 *
 * 1. A count from 1 to threshold − 1 is withheld (zero is shown; it identifies nobody).
 * 2. Shown counts are rounded to the nearest multiple of the threshold. Every published number is then 0 or a
 *    multiple of the threshold, so no published number and no difference of two published numbers — across
 *    tables, periods or any other filter — can equal a withheld count.
 * 3. Within a table whose total is published, a lone withheld cell gets a partner (`suppressSmallCells`), so the
 *    total minus the other cells does not even bound it tightly.
 *
 * With a threshold of 1 nothing is withheld or rounded (used by tests that need exact counts).
 */
export function publishCount(n: number, threshold: number): Count {
  if (n === 0) return 0;
  if (n < threshold) return null;
  return Math.max(threshold, Math.round(n / threshold) * threshold);
}

export function publishTable(
  rows: Array<{ key: string; label?: string; count: number }>,
  threshold: number,
): ReportCell[] {
  const hidden = suppressSmallCells(rows, threshold);
  return rows.map((r, i) => ({
    key: r.key,
    label: r.label ?? r.key,
    count: hidden[i]!.suppressed ? null : publishCount(r.count, threshold),
  }));
}
