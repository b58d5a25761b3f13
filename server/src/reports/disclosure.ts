import type { Count, ReportCell } from '../../../shared/schemas/reports';

/**
 * Disclosure control for every count of people we publish, in the page, the charts and the CSV alike:
 *
 * 0. Before anything is added up, a group — the people of one kind at one session — smaller than the threshold
 *    counts as nobody (`countableGroups`; the SQL for unique people and the yearly reach does the same). So a
 *    small circle and an empty one give the same inputs, and no combination of periods or tables can tell them
 *    apart: an articling student alone at a pop-up changes no figure at all.
 * 1. A count under the threshold, zero included, is withheld ("fewer than N"): zero and small look the same.
 * 2. Shown counts are rounded to the nearest multiple of the threshold. Every published number is then a
 *    multiple of the threshold, so no published number and no difference of two published numbers — across
 *    tables, periods or any other filter — can equal a count from 1 to N − 1.
 * 3. Within a table whose total is published, a lone withheld cell gets a partner (`publishTable`), so the
 *    total minus the other cells does not even bound it tightly.
 *
 * With a threshold of 1 nothing is withheld or rounded (used by tests that need exact counts).
 */
export function publishCount(n: number, threshold: number): Count {
  if (threshold <= 1) return n;
  if (n < threshold) return null;
  return Math.max(threshold, Math.round(n / threshold) * threshold);
}

/**
 * A table of counts whose total is published elsewhere. Rule 3 treats zero like any count under the threshold
 * (unlike `suppressSmallCells` for matching, which shows zeros): were a partner hidden only beside a small count,
 * "one cell withheld" would mean zero and "two withheld" small, and the two would look different again.
 */
export function publishTable(
  rows: Array<{ key: string; label?: string; count: number }>,
  threshold: number,
): ReportCell[] {
  const hidden = new Set<number>();
  if (threshold > 1) {
    rows.forEach((r, i) => {
      if (r.count < threshold) hidden.add(i);
    });
    if (hidden.size === 1) {
      let smallest = -1;
      rows.forEach((r, i) => {
        if (!hidden.has(i) && (smallest === -1 || r.count < rows[smallest]!.count)) smallest = i;
      });
      if (smallest !== -1) hidden.add(smallest);
    }
  }
  return rows.map((r, i) => ({
    key: r.key,
    label: r.label ?? r.key,
    count: hidden.has(i) ? null : publishCount(r.count, threshold),
  }));
}

/** Rule 0: only groups (one kind at one session) of at least `threshold` people are counted anywhere. */
export function countableGroups<T extends { attendees: number }>(rows: readonly T[], threshold: number): T[] {
  return rows.filter((r) => r.attendees >= threshold);
}
