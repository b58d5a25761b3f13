import { describe, expect, it } from 'vitest';
import { suppressSmallCells } from './suppression';

const cells = (...n: number[]) => n.map((count, i) => ({ key: String.fromCharCode(97 + i), count }));
const shown = (out: ReturnType<typeof suppressSmallCells>) => out.map((c) => (c.suppressed ? 'x' : c.count));

describe('suppressSmallCells', () => {
  it.each<[string, number[], number, Array<number | 'x'>]>([
    ['nothing small', [10, 20, 5], 5, [10, 20, 5]],
    ['zero is shown', [10, 0, 7], 5, [10, 0, 7]],
    ['one small cell takes the next smallest with it', [10, 3, 7], 5, [10, 'x', 'x']],
    ['two small cells protect each other', [10, 3, 1], 5, [10, 'x', 'x']],
    ['a lone small cell among zeros is withheld with the smallest other', [0, 2, 0, 40], 5, [0, 'x', 0, 'x']],
    ['a single non-zero cell that is small stays withheld', [0, 3], 5, [0, 'x']],
    ['threshold is configurable', [10, 3, 7], 3, [10, 3, 7]],
    ['threshold 10', [9, 30, 12], 10, ['x', 30, 'x']],
  ])('%s', (_name, counts, threshold, expected) => {
    expect(shown(suppressSmallCells(cells(...counts), threshold))).toEqual(expected);
  });

  it('never lets total minus the shown cells equal a single withheld cell', () => {
    for (const counts of [[10, 3, 7], [1, 50], [4, 4, 40], [6, 1, 0, 9]]) {
      const out = suppressSmallCells(cells(...counts), 5);
      expect(out.filter((c) => c.suppressed).length).not.toBe(1);
    }
  });

  it('gives shares of the total, to one decimal', () => {
    const out = suppressSmallCells(cells(41, 59), 5);
    expect(out.map((c) => c.share)).toEqual([41, 59]);
    expect(suppressSmallCells(cells(1, 2), 1).map((c) => c.share)).toEqual([33.3, 66.7]);
  });
});
