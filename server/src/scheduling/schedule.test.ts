import { describe, expect, it } from 'vitest';
import { isWindowOpen, nextOccurrence, occurrenceOn, type WeeklyRule } from './schedule';

const monday: WeeklyRule = { weekday: 1, startLocal: '12:00', durationMinutes: 60, timezone: 'America/Edmonton' };
const window = { opensMinutesBefore: 10, closesMinutesAfterEnd: 0 };

/**
 * Monday noon, Alberta time, as UTC instants written out by hand from the published rule (never recomputed with
 * the runtime's zone data, which is what is under test): MST (UTC−7) until Sunday 8 March 2026 02:00, MDT (UTC−6)
 * from then, and UTC−6 all year from 1 November 2026, when Alberta stopped changing its clocks (tz 2026c).
 */
describe('nextOccurrence: Monday noon in Alberta across the clock changes', () => {
  it.each([
    ['winter 2026, the week before spring-forward', '2026-03-04T00:00:00Z', '2026-03-09T18:00:00Z'],
    ['winter 2026, a Monday morning', '2026-03-02T16:00:00Z', '2026-03-02T19:00:00Z'],
    ['Sunday of spring-forward 2026', '2026-03-08T12:00:00Z', '2026-03-09T18:00:00Z'],
    ['summer', '2026-07-01T00:00:00Z', '2026-07-06T18:00:00Z'],
    ['the last Monday under the old rule', '2026-10-25T12:00:00Z', '2026-10-26T18:00:00Z'],
    ['1 November 2026: no fall-back any more', '2026-11-01T12:00:00Z', '2026-11-02T18:00:00Z'],
    ['the Monday after, before noon', '2026-11-02T15:00:00Z', '2026-11-02T18:00:00Z'],
    ['the first Monday of 2027', '2027-01-03T12:00:00Z', '2027-01-04T18:00:00Z'],
    ['March 2027: no spring-forward either', '2027-03-10T00:00:00Z', '2027-03-15T18:00:00Z'],
    ['November 2027', '2027-11-03T00:00:00Z', '2027-11-08T18:00:00Z'],
    ['New Year\'s Eve 2027, late in Edmonton', '2028-01-01T06:55:00Z', '2028-01-03T18:00:00Z'],
    ['a leap day', '2028-02-29T12:00:00Z', '2028-03-06T18:00:00Z'],
  ])('%s (at %s) → %s', (_label, now, expectedStart) => {
    const occ = nextOccurrence(monday, new Date(now), window);
    expect(occ.startsAt.toISOString()).toBe(new Date(expectedStart).toISOString());
    expect(occ.endsAt.getTime() - occ.startsAt.getTime()).toBe(60 * 60_000);
  });

  it.each([
    // [now, expected start] — in progress, just ended, just before opening
    ['2026-11-30T18:30:00Z', '2026-11-30T18:00:00Z'],
    ['2026-11-30T19:00:00Z', '2026-12-07T18:00:00Z'],
    ['2026-11-30T17:49:59Z', '2026-11-30T18:00:00Z'],
    ['2026-10-26T18:59:59Z', '2026-10-26T18:00:00Z'],
    ['2026-10-26T19:00:00Z', '2026-11-02T18:00:00Z'],
    ['2026-03-02T19:59:59Z', '2026-03-02T19:00:00Z'],
  ])('at %s the current or next circle starts %s', (now, start) => {
    expect(nextOccurrence(monday, new Date(now), window).startsAt.toISOString()).toBe(new Date(start).toISOString());
  });

  it('every Monday of 2026–2028 starts at noon Alberta time: 19:00Z before 8 March 2026, 18:00Z from then on', () => {
    // The expected instants come from the rule above by plain UTC date arithmetic, not from any zone data.
    const expected: string[] = [];
    for (let day = Date.UTC(2026, 0, 5); day < Date.UTC(2029, 0, 1); day += 7 * 86_400_000) {
      expected.push(new Date(day + (day < Date.UTC(2026, 2, 8) ? 19 : 18) * 3_600_000).toISOString());
    }
    const actual: string[] = [];
    for (let occ = nextOccurrence(monday, new Date('2026-01-01T00:00:00Z'), window); occ.startsAt < new Date('2029-01-01T00:00:00Z'); ) {
      actual.push(occ.startsAt.toISOString());
      occ = nextOccurrence(monday, new Date(occ.closesAt.getTime() + 1), window);
    }
    expect(expected).toHaveLength(156);
    expect(actual).toEqual(expected);
  });
});

describe('drop-in window: 11:50 to 13:00 Alberta time on 30 November 2026', () => {
  const occ = occurrenceOn(monday, '2026-11-30', window)!;
  it.each([
    ['2026-11-30T17:49:59Z', false],
    ['2026-11-30T17:50:00Z', true],
    ['2026-11-30T18:59:59Z', true],
    ['2026-11-30T19:00:00Z', false],
  ])('at %s open is %s', (now, open) => {
    expect(isWindowOpen(occ, new Date(now))).toBe(open);
  });

  it('is configurable', () => {
    const wide = occurrenceOn(monday, '2026-11-30', { opensMinutesBefore: 30, closesMinutesAfterEnd: 15 })!;
    expect(wide.opensAt.toISOString()).toBe('2026-11-30T17:30:00.000Z');
    expect(wide.closesAt.toISOString()).toBe('2026-11-30T19:15:00.000Z');
  });

  it.each([['2026-12-01'], ['2026-02-30'], ['not-a-date']])('has no occurrence on %s', (d) => {
    expect(occurrenceOn(monday, d, window)).toBeNull();
  });
});
