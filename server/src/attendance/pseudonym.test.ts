import { describe, expect, it } from 'vitest';
import { attendancePseudonym } from './pseudonym';

const SECRET = 'unit-test-secret-0123456789abcdef-xyz';
const USER = '6f1c1c3e-2f7a-4a55-9d55-0c1a2b3c4d5e';

describe('attendance pseudonyms', () => {
  it('are stable within a reporting year, so unique counts work', () => {
    expect(attendancePseudonym(SECRET, 2026, USER)).toBe(attendancePseudonym(SECRET, 2026, USER));
  });
  it('differ across years and secrets, so people are not linked across years', () => {
    expect(attendancePseudonym(SECRET, 2026, USER)).not.toBe(attendancePseudonym(SECRET, 2027, USER));
    expect(attendancePseudonym(`${SECRET}!`, 2026, USER)).not.toBe(attendancePseudonym(SECRET, 2026, USER));
  });
  it('never contain the user id', () => {
    expect(attendancePseudonym(SECRET, 2026, USER)).not.toContain(USER.slice(0, 8));
  });
});
