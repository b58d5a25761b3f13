import { describe, expect, it } from 'vitest';
import { isWindowOpen, nextOccurrence, occurrenceOn, type WeeklyRule } from './schedule';

const monday: WeeklyRule = { weekday: 1, startLocal: '12:00', durationMinutes: 60, timezone: 'America/Edmonton' };
const window = { opensMinutesBefore: 10, closesMinutesAfterEnd: 0 };

describe('nextOccurrence: Monday noon in Alberta across the clock changes', () => {
  // 2026: DST starts Sun 8 March, ends Sun 1 November. 2027: 14 March, 7 November.
  it.each([
    ['winter, the week before spring-forward', '2026-03-04T00:00:00Z', '2026-03-02T19:00:00Z', '2026-03-09T18:00:00Z'],
    ['Sunday of spring-forward', '2026-03-08T12:00:00Z', '2026-03-09T18:00:00Z', null],
    ['summer', '2026-07-01T00:00:00Z', '2026-07-06T18:00:00Z', null],
    ['Sunday of fall-back', '2026-11-01T12:00:00Z', '2026-11-02T19:00:00Z', null],
    ['the Monday after fall-back, before noon', '2026-11-02T15:00:00Z', '2026-11-02T19:00:00Z', null],
    ['the week after spring-forward 2027', '2027-03-10T00:00:00Z', '2027-03-15T18:00:00Z', null],
    ['the week of fall-back 2027', '2027-11-03T00:00:00Z', '2027-11-08T19:00:00Z', null],
  ])('%s', (_label, now, expectedStart, laterStart) => {
    const occ = nextOccurrence(monday, new Date(now), window);
    // "now" before that Monday's window closes gives that Monday; otherwise a week on.
    const expected = new Date(expectedStart) > new Date(now) ? expectedStart : laterStart;
    expect(occ.startsAt.toISOString()).toBe(new Date(expected!).toISOString());
    expect(occ.endsAt.getTime() - occ.startsAt.getTime()).toBe(60 * 60_000);
  });

  it.each([
    // [now, expected start] — in progress, just ended, just before opening
    ['2026-11-30T19:30:00Z', '2026-11-30T19:00:00Z'],
    ['2026-11-30T20:00:00Z', '2026-12-07T19:00:00Z'],
    ['2026-11-30T18:49:59Z', '2026-11-30T19:00:00Z'],
  ])('at %s the current or next circle starts %s', (now, start) => {
    expect(nextOccurrence(monday, new Date(now), window).startsAt.toISOString()).toBe(new Date(start).toISOString());
  });

  it('every Monday of 2026–2028 starts at 12:00 Edmonton, which is 18:00 or 19:00 UTC', () => {
    let now = new Date('2026-01-01T00:00:00Z');
    let count = 0;
    while (now < new Date('2029-01-01T00:00:00Z')) {
      const occ = nextOccurrence(monday, now, window);
      // Checked with the platform's own zone data, independently of the library under test.
      const parts = new Intl.DateTimeFormat('en-US', {
        timeZone: 'America/Edmonton',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).formatToParts(occ.startsAt);
      const local = ['weekday', 'hour', 'minute'].map((t) => parts.find((p) => p.type === t)?.value).join(' ');
      expect(local).toBe('Mon 12 00');
      expect([18, 19]).toContain(occ.startsAt.getUTCHours());
      now = new Date(occ.closesAt.getTime() + 1);
      count++;
    }
    expect(count).toBe(157);
  });
});

describe('drop-in window', () => {
  const occ = occurrenceOn(monday, '2026-11-30', window)!;
  it.each([
    ['2026-11-30T18:49:59Z', false],
    ['2026-11-30T18:50:00Z', true],
    ['2026-11-30T19:59:59Z', true],
    ['2026-11-30T20:00:00Z', false],
  ])('at %s open is %s', (now, open) => {
    expect(isWindowOpen(occ, new Date(now))).toBe(open);
  });

  it('is configurable', () => {
    const wide = occurrenceOn(monday, '2026-11-30', { opensMinutesBefore: 30, closesMinutesAfterEnd: 15 })!;
    expect(wide.opensAt.toISOString()).toBe('2026-11-30T18:30:00.000Z');
    expect(wide.closesAt.toISOString()).toBe('2026-11-30T20:15:00.000Z');
  });

  it.each([['2026-12-01'], ['2026-02-30'], ['not-a-date']])('has no occurrence on %s', (d) => {
    expect(occurrenceOn(monday, d, window)).toBeNull();
  });
});
