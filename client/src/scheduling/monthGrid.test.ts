import { describe, expect, it } from 'vitest';
import { monthGrid } from './MonthView';

describe('monthGrid', () => {
  it.each([
    // [year, month, leading blanks (Monday first), days]
    [2026, 2, 6, 28], // 1 Feb 2026 is a Sunday
    [2026, 6, 0, 30], // 1 June 2026 is a Monday
    [2028, 2, 1, 29], // leap year; 1 Feb 2028 is a Tuesday
  ])('%i-%i starts after %i blanks and has %i days', (y, m, lead, days) => {
    const cells = monthGrid(y, m);
    expect(cells.length % 7).toBe(0);
    expect(cells.findIndex((c) => c !== null)).toBe(lead);
    expect(cells.filter((c) => c !== null)).toHaveLength(days);
    expect(cells[lead]).toBe(`${y}-${String(m).padStart(2, '0')}-01`);
  });
});
