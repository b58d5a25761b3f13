import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outcomesCsv } from '../../../shared/outcomesCsv';
import { buildOutcomes, suppressLinked, type RawOutcomes } from './outcomes';
import { societyOutcomes, times } from './outcomes.fixture';

const T = { threshold: 5, circleThreshold: 5 };
const none: RawOutcomes = { thisYear: 2026, history: [], unrecorded: 0, accepted: [], requests: [], reach: [] };

describe('complementary suppression over linked tables', () => {
  it.each([
    // values, relations, withheld
    [[3, 10, 12, 25], [[0, 1, 2, 3]], [0, 1]],
    [[0, 10, 10], [[0, 1, 2]], []],
    // Two withheld parts beside their shown total: neither can be told.
    [[3, 4, 7], [[0, 1, 2]], [0, 1]],
    // A lone small part beside a zero rest: the total it equals is small too.
    [[3, 0, 3], [[0, 1, 2]], [0, 2]],
    // Withholding a partner in one relation spreads to the next one it is in.
    [[2, 18, 20, 6, 8], [[0, 1, 2], [0, 3, 4]], [0, 1, 3]],
  ])('%j related as %j withholds %j', (values, relations, hidden) => {
    expect([...suppressLinked(values, relations, 5)].sort((a, b) => a - b)).toEqual(hidden);
  });

  it('withholds every small count and never leaves one withheld cell alone in a relation that has a shown non-zero cell', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 12 }).chain((values) =>
          fc.tuple(
            fc.constant(values),
            fc.array(fc.uniqueArray(fc.nat({ max: values.length - 1 }), { minLength: 1, maxLength: values.length }), { maxLength: 6 }),
            fc.integer({ min: 2, max: 10 }),
          ),
        ),
        ([values, relations, t]) => {
          const hidden = suppressLinked(values, relations, t);
          values.forEach((v, i) => {
            if (v > 0 && v < t) expect(hidden.has(i)).toBe(true);
            if (v === 0) expect(hidden.has(i)).toBe(false);
          });
          for (const r of relations) {
            if (r.filter((i) => hidden.has(i)).length === 1) expect(r.every((i) => hidden.has(i) || values[i] === 0)).toBe(true);
          }
        },
      ),
    );
  });
});

describe('the outcomes report', () => {
  const society = societyOutcomes;

  it('counts matches per year, history and platform together, and dates every hundredth match', () => {
    const r = buildOutcomes({}, society, T);
    expect(r).toMatchObject({ from: 2021, to: 2026, totalMatches: 406, matchesWithoutYear: 0, nextMilestone: 500 });
    expect(r.years.map((y) => [y.year, y.matches, y.fromHistory])).toEqual([
      [2021, 150, true],
      [2022, 160, true],
      [2023, 85, true],
      [2024, 0, false],
      [2025, 0, false],
      [2026, 11, false],
    ]);
    expect(r.milestones).toEqual([
      { count: 100, source: 'history', year: 2021, month: null },
      { count: 200, source: 'history', year: 2022, month: null },
      { count: 300, source: 'history', year: 2022, month: null },
      // 396–398 in February, 399–404 in March (six matches: the month can be named).
      { count: 400, source: 'platform', year: 2026, month: 3 },
    ]);
  });

  it('names only the year of a milestone whose month had fewer matches than the threshold', () => {
    const r = buildOutcomes({}, { ...society, history: society.history.map((h) => (h.year === 2023 ? { ...h, matches: 87 } : h)) }, T);
    // 398–400 in February, three matches: the month would point at too few.
    expect(r.milestones.at(-1)).toEqual({ count: 400, source: 'platform', year: 2026, month: null });
  });

  it('gives the yearly shares of career-related requests and of requests from articling students', () => {
    const r = buildOutcomes({ from: 2023, to: 2023 }, society, T);
    expect(r.years).toEqual([
      {
        year: 2023,
        matches: 85,
        fromHistory: true,
        requests: 70,
        careerRelated: { count: 30, share: 42.9 },
        articlingStudents: { count: 9, share: 12.9 },
        peopleSupported: null,
      },
    ]);
  });

  it('counts people supported with the attendance rule: withheld under the threshold, rounded above it', () => {
    const r = buildOutcomes({ from: 2025, to: 2026 }, society, T);
    expect(r.years.map((y) => y.peopleSupported)).toEqual([105, null]);
    expect(r.peopleSupportedSumOfYears).toBe(105);
  });

  it('withholds small years, and the cells that would give them away, over every year whatever is asked for', () => {
    const small: RawOutcomes = {
      ...none,
      accepted: [...times(4, 2025, 6), ...times(12, 2026, 1)],
      requests: [
        { year: 2025, requests: 40, careerRelated: 18, articlingStudents: 6 },
        { year: 2026, requests: 20, careerRelated: 8, articlingStudents: 2 },
      ],
    };
    const r = buildOutcomes({}, small, T);
    // Four matches in 2025 are withheld; 2026 too, or the total (16, shown) would give 2025 away.
    expect(r.totalMatches).toBe(16);
    expect(r.years.map((y) => [y.year, y.matches])).toEqual([
      [2025, null],
      [2026, null],
    ]);
    // Two articling students in 2026: withheld with the rest of that year (18), then 2025's 6 (or the all-years
    // total of 8 would give 2026 away), and 2025's rest with it.
    expect(r.years.map((y) => [y.requests, y.careerRelated, y.articlingStudents])).toEqual([
      [40, { count: 18, share: 45 }, { count: null, share: null }],
      [20, { count: 8, share: 40 }, { count: null, share: null }],
    ]);
    // Asking for 2026 alone uncovers nothing.
    const one = buildOutcomes({ from: 2026, to: 2026 }, small, T);
    expect(one.years).toEqual([r.years[1]]);
    // No milestone yet, and the 2025 ones would not be dated by month (4 matches in June).
    expect(r.milestones).toEqual([]);
  });

  it('computes no share from a withheld base, and none for a year without requests', () => {
    const r = buildOutcomes({}, { ...none, requests: [{ year: 2026, requests: 3, careerRelated: 3, articlingStudents: 0 }] }, T);
    expect(r.years).toEqual([
      expect.objectContaining({ requests: null, careerRelated: { count: null, share: null }, articlingStudents: { count: 0, share: null } }),
    ]);
    const empty = buildOutcomes({}, none, T);
    expect(empty).toMatchObject({ from: 2026, to: 2026, totalMatches: 0, milestones: [], nextMilestone: 100 });
    expect(empty.years[0]).toMatchObject({ requests: 0, careerRelated: { count: 0, share: null } });
  });

  it('puts matches with no year on record first in the timeline', () => {
    const r = buildOutcomes({}, { ...none, unrecorded: 399, accepted: times(5, 2026, 11) }, T);
    expect(r).toMatchObject({ totalMatches: 404, matchesWithoutYear: 399 });
    expect(r.milestones.map((m) => [m.count, m.source, m.year, m.month])).toEqual([
      [100, 'unrecorded', null, null],
      [200, 'unrecorded', null, null],
      [300, 'unrecorded', null, null],
      [400, 'platform', 2026, 11],
    ]);
  });

  it('exports exactly the figures of the report, withheld ones as "fewer than N"', () => {
    const csv = outcomesCsv(buildOutcomes({ from: 2025, to: 2026 }, society, T));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('"section","year","item","value"');
    expect(lines).toContain('"matches","2026","matches made","11"');
    expect(lines).toContain('"requests","2026","career-related share","40 %"');
    expect(lines).toContain('"requests","2026","requests from articling students","5"');
    expect(lines).toContain('"circles","2025","people supported through the circles","105"');
    expect(lines).toContain('"circles","2026","people supported through the circles","fewer than 5"');
    expect(lines).toContain('"milestones","2026","400th match","March 2026"');
    expect(lines).toContain('"milestones","2022","300th match","2022"');
    expect(lines).toContain('"summary","","matches to date","406"');
  });
});
