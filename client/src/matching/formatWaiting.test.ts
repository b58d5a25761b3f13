import { describe, expect, it } from 'vitest';
import { formatCell, formatWaiting } from './formatWaiting';

describe('formatWaiting', () => {
  it.each([
    [0, 'under an hour'],
    [1, '1 hour'],
    [47, '47 hours'],
    [48, '2 days'],
    [24 * 9 + 5, '9 days'],
  ])('%i hours → %s', (h, text) => {
    expect(formatWaiting(h)).toBe(text);
  });
});

describe('formatCell', () => {
  it.each([
    [{ count: null, share: null, suppressed: true }, 5, 'fewer than 5'],
    [{ count: 12, share: 41.4, suppressed: false }, 5, '12 (41.4 %)'],
    [{ count: 0, share: 0, suppressed: false }, 10, '0 (0 %)'],
  ])('%o → %s', (cell, t, text) => {
    expect(formatCell(cell, t)).toBe(text);
  });
});
