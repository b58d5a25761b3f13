import { describe, expect, it } from 'vitest';
import { attendancePseudonym, newYearSeed } from './pseudonym';

const SECRET = 'unit-test-secret-0123456789abcdef-xyz';
const USER = '6f1c1c3e-2f7a-4a55-9d55-0c1a2b3c4d5e';
const SEED_2026 = newYearSeed();

describe('attendance pseudonyms', () => {
  it('are stable within a reporting year (one seed), so unique counts work', () => {
    expect(attendancePseudonym(SECRET, SEED_2026, USER)).toBe(attendancePseudonym(SECRET, SEED_2026, USER));
  });
  it('differ across years (seeds) and secrets, so people are not linked across years', () => {
    expect(attendancePseudonym(SECRET, SEED_2026, USER)).not.toBe(attendancePseudonym(SECRET, newYearSeed(), USER));
    expect(attendancePseudonym(`${SECRET}!`, SEED_2026, USER)).not.toBe(attendancePseudonym(SECRET, SEED_2026, USER));
  });
  it('need the seed: a year whose seed is gone cannot be recomputed from the secret and the user id', () => {
    // Every fresh seed gives another pseudonym: without the destroyed one there is nothing to try but guessing 256 bits.
    const seen = new Set(Array.from({ length: 20 }, () => attendancePseudonym(SECRET, newYearSeed(), USER)));
    expect(seen.size).toBe(20);
  });
  it('never contain the user id', () => {
    expect(attendancePseudonym(SECRET, SEED_2026, USER)).not.toContain(USER.slice(0, 8));
  });
});
