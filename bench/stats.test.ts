import { describe, expect, it } from 'vitest';
import { percentile, slope, summarize } from './stats';

describe('bench statistics', () => {
  it.each([
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99, 10],
    [[7], 99, 7],
  ])('percentile(%j, %i) = %i', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it('summarizes unsorted samples', () => {
    expect(summarize([5, 1, 4, 2, 3])).toEqual({ count: 5, p50: 3, p95: 5, p99: 5, max: 5 });
    expect(summarize([]).count).toBe(0);
  });

  it('fits the slope of memory against connections', () => {
    expect(slope([[200, 1_000_000 + 200 * 5000], [800, 1_000_000 + 800 * 5000], [1600, 1_000_000 + 1600 * 5000]])).toBeCloseTo(5000);
    expect(slope([[1, 3], [2, 1], [3, 2]])).toBeCloseTo(-0.5);
    expect(slope([[1, 1]])).toBeNaN();
    expect(slope([[2, 1], [2, 5]])).toBeNaN();
  });
});
