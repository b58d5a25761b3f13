import type { Cell } from '../../../shared/schemas/matching';

/**
 * Small-cell suppression for published match statistics (attendance reports go further: `reports/disclosure.ts`
 * also withholds zero, so that zero and small look the same):
 *
 * 1. Primary: any count from 1 to threshold − 1 is withheld (zero is shown; it identifies nobody).
 * 2. Complementary: the total is published, so a lone withheld cell could be recovered as total minus the rest.
 *    While exactly one cell is withheld, the smallest other non-zero cell is withheld too.
 *
 * Shares are of the total and are withheld with their count. Order of cells is kept.
 */
export function suppressSmallCells(counts: Array<{ key: string; count: number }>, threshold: number): Cell[] {
  const total = counts.reduce((s, c) => s + c.count, 0);
  const hidden = new Set<number>();
  counts.forEach((c, i) => {
    if (c.count > 0 && c.count < threshold) hidden.add(i);
  });
  if (hidden.size === 1) {
    let smallest = -1;
    counts.forEach((c, i) => {
      if (hidden.has(i) || c.count === 0) return;
      if (smallest === -1 || c.count < counts[smallest]!.count) smallest = i;
    });
    if (smallest !== -1) hidden.add(smallest);
  }
  return counts.map((c, i) =>
    hidden.has(i)
      ? { key: c.key, count: null, share: null, suppressed: true }
      : { key: c.key, count: c.count, share: total > 0 ? Math.round((c.count / total) * 1000) / 10 : 0, suppressed: false },
  );
}
