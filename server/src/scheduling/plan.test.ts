import { translator } from '../../../shared/i18n/catalog';
import { type Msg } from '../../../shared/i18n/translate';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { holidaysOf } from './holidays';
import { meets, planSession, planSessions, type SeriesPlan, type SessionOverride } from './plan';

const albertaHolidayOn = holidaysOf({ country: 'CA', region: 'AB' });

const window = { opensMinutesBefore: 10, closesMinutesAfterEnd: 0 };
const monday: SeriesPlan = {
  id: 'rmcc',
  kind: 'weekly',
  rule: { weekday: 1, startLocal: '12:00', durationMinutes: 60, timezone: 'America/Edmonton' },
  startsOn: '2026-01-01',
  endsOn: null,
  skipHolidays: true,
};
const none = new Map<string, SessionOverride>();

/** Local wall time read with the platform's own zone data, independently of Luxon. */
function localWall(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const p = (t: string) => parts.find((x) => x.type === t)?.value;
  return `${p('weekday')} ${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}`;
}

function override(localDate: string, o: Partial<SessionOverride>): SessionOverride {
  return {
    localDate,
    state: null,
    note: null,
    movedDate: null,
    movedStartLocal: null,
    movedDurationMinutes: null,
    hostId: null,
    backupId: null,
    sequence: 1,
    ...o,
  };
}

describe('the Monday circle, 2026–2028', () => {
  const all = planSessions(monday, '2026-01-01', '2028-12-31', none, albertaHolidayOn, window);

  it('has every Monday, each at 12:00 Edmonton, which is 18:00 or 19:00 UTC', () => {
    expect(all).toHaveLength(156); // 52 Mondays in each of 2026, 2027 and 2028
    for (const s of all) {
      expect(localWall(s.occurrence.startsAt, 'America/Edmonton')).toBe(`Mon ${s.localDate} 12:00`);
      expect([18, 19]).toContain(s.occurrence.startsAt.getUTCHours());
      expect(s.occurrence.endsAt.getTime() - s.occurrence.startsAt.getTime()).toBe(3_600_000);
      expect(s.id).toBe(`rmcc_${s.localDate}`);
    }
  });

  // Alberta general holidays that fall on a Monday in these years, from the society's list.
  const skipped = [
    ['2026-02-16', 'Family Day'],
    ['2026-05-18', 'Victoria Day'],
    ['2026-09-07', 'Labour Day'],
    ['2026-10-12', 'Thanksgiving'],
    ['2027-02-15', 'Family Day'],
    ['2027-05-24', 'Victoria Day'],
    ['2027-09-06', 'Labour Day'],
    ['2027-10-11', 'Thanksgiving'],
    ['2028-02-21', 'Family Day'],
    ['2028-05-22', 'Victoria Day'],
    ['2028-09-04', 'Labour Day'],
    ['2028-10-09', 'Thanksgiving'],
    ['2028-12-25', 'Christmas Day'],
  ] as const;

  it.each(skipped)('skips %s (%s) with a note for members', (date, name) => {
    const s = all.find((x) => x.localDate === date)!;
    expect(s.status).toBe('skipped');
    expect(s.holiday).toBe(name);
    expect(s.note).toEqual({ id: 'scheduling.note.holiday', values: { holiday: name } });
    expect(translator('en-CA')(s.note as Msg)).toBe(`No circle on ${name}`);
    expect(meets(s)).toBe(false);
  });

  it('skips exactly those dates and keeps optional holidays (Easter Monday, Heritage Day)', () => {
    expect(all.filter((s) => s.status === 'skipped').map((s) => s.localDate)).toEqual(skipped.map(([d]) => d));
    expect(all.find((s) => s.localDate === '2026-04-06')!.status).toBe('scheduled'); // Easter Monday
    expect(all.find((s) => s.localDate === '2026-08-03')!.status).toBe('scheduled'); // Heritage Day
  });

  it.each([
    ['2026-03-02', '2026-03-02T19:00:00.000Z'],
    ['2026-03-09', '2026-03-09T18:00:00.000Z'],
    ['2026-10-26', '2026-10-26T18:00:00.000Z'],
    // Alberta kept UTC−6 from 1 November 2026 (tz 2026c): no fall-back in 2026, no clock change after.
    ['2026-11-02', '2026-11-02T18:00:00.000Z'],
    ['2027-01-04', '2027-01-04T18:00:00.000Z'],
    ['2027-03-15', '2027-03-15T18:00:00.000Z'],
    ['2027-11-08', '2027-11-08T18:00:00.000Z'],
    ['2028-03-13', '2028-03-13T18:00:00.000Z'],
    ['2028-11-06', '2028-11-06T18:00:00.000Z'],
  ])('around the clock changes, %s starts at %s', (date, utc) => {
    expect(all.find((s) => s.localDate === date)!.occurrence.startsAt.toISOString()).toBe(utc);
  });

  it('runs on holidays when the series does not skip them, or staff restore the date', () => {
    const keep = planSession({ ...monday, skipHolidays: false }, '2026-02-16', undefined, albertaHolidayOn, window)!;
    expect(keep.status).toBe('scheduled');
    expect(keep.holiday).toBe('Family Day');
    const restored = planSession(monday, '2026-02-16', override('2026-02-16', { state: 'restored' }), albertaHolidayOn, window)!;
    expect(restored.status).toBe('scheduled');
  });
});

describe('moving, cancelling and skipping one session', () => {
  const overrides = new Map<string, SessionOverride>([
    ['2026-03-09', override('2026-03-09', { movedDate: '2026-03-10', movedStartLocal: '12:30', note: 'Moved to Tuesday' })],
    ['2026-11-30', override('2026-11-30', { state: 'cancelled', note: 'Staff retreat' })],
    ['2027-01-04', override('2027-01-04', { state: 'skipped', note: 'No circle the week after New Year' })],
    ['2027-06-07', override('2027-06-07', { movedDate: '2027-06-07', movedStartLocal: '08:00', movedDurationMinutes: 30 })],
  ]);
  const all = planSessions(monday, '2026-01-01', '2028-12-31', overrides, albertaHolidayOn, window);
  const on = (d: string) => all.find((s) => s.localDate === d)!;

  it.each([
    ['2026-03-09', 'moved', '2026-03-10T18:30:00.000Z', '2026-03-10T19:30:00.000Z', 'Moved to Tuesday'],
    ['2026-11-30', 'cancelled', '2026-11-30T18:00:00.000Z', '2026-11-30T19:00:00.000Z', 'Staff retreat'],
    ['2027-01-04', 'skipped', '2027-01-04T18:00:00.000Z', '2027-01-04T19:00:00.000Z', 'No circle the week after New Year'],
    ['2027-06-07', 'moved', '2027-06-07T14:00:00.000Z', '2027-06-07T14:30:00.000Z', null],
  ])('%s is %s (%s–%s)', (date, status, start, end, note) => {
    const s = on(date);
    expect(s.id).toBe(`rmcc_${date}`);
    expect(s.status).toBe(status);
    expect(s.occurrence.startsAt.toISOString()).toBe(start);
    expect(s.occurrence.endsAt.toISOString()).toBe(end);
    expect(s.note).toBe(note);
  });

  it('leaves every other session untouched', () => {
    const plain = planSessions(monday, '2026-01-01', '2028-12-31', none, albertaHolidayOn, window);
    const changed = new Set(overrides.keys());
    expect(all.filter((s) => !changed.has(s.localDate))).toEqual(plain.filter((s) => !changed.has(s.localDate)));
  });
});

describe('series bounds and pop-ups', () => {
  it('has no sessions before it starts or after it ends', () => {
    const s = { ...monday, startsOn: '2026-09-01', endsOn: '2026-09-30' };
    expect(planSessions(s, '2026-01-01', '2026-12-31', none, albertaHolidayOn, window).map((x) => x.localDate)).toEqual([
      '2026-09-07',
      '2026-09-14',
      '2026-09-21',
      '2026-09-28',
    ]);
  });

  it('a pop-up meets once, on its date, at its local time', () => {
    const popup: SeriesPlan = {
      id: 'popup-1',
      kind: 'popup',
      rule: { weekday: 4, startLocal: '16:30', durationMinutes: 90, timezone: 'America/Edmonton' },
      startsOn: '2027-07-15',
      endsOn: '2027-07-15',
      skipHolidays: false,
    };
    const all = planSessions(popup, '2027-01-01', '2027-12-31', none, albertaHolidayOn, window);
    expect(all).toHaveLength(1);
    expect(all[0]!.occurrence.startsAt.toISOString()).toBe('2027-07-15T22:30:00.000Z');
    expect(planSession(popup, '2027-07-22', undefined, albertaHolidayOn, window)).toBeNull();
  });

  it.each([['2026-12-01'], ['2026-02-30'], ['2026-13-01'], ['nonsense']])('has no session on %s', (d) => {
    expect(planSession(monday, d, undefined, albertaHolidayOn, window)).toBeNull();
  });
});

describe('property: every occurrence has the intended local wall time', () => {
  const zones = [
    'America/Edmonton',
    'America/Toronto',
    'America/St_Johns',
    'America/Regina',
    'Europe/London',
    'Australia/Lord_Howe',
    'Pacific/Auckland',
    'Asia/Kolkata',
    'America/Santiago',
  ];
  const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

  it('for random weekly rules and zones (away from the skipped hour of a spring-forward)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 5, max: 240 }),
        fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true }),
        (timezone, weekday, hour, minute, durationMinutes, from) => {
          const startLocal = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const series: SeriesPlan = { ...monday, rule: { weekday, startLocal, durationMinutes, timezone }, skipHolidays: false };
          const fromDate = from.toISOString().slice(0, 10);
          const toDate = DateTime.fromISO(fromDate).plus({ weeks: 30 }).toISODate()!;
          const sessions = planSessions(series, fromDate, toDate, none, () => null, window);
          expect(sessions.length).toBeGreaterThanOrEqual(30);
          for (const s of sessions) {
            const wall = localWall(s.occurrence.startsAt, timezone);
            // A wall time that does not exist that day (the hour skipped by a spring-forward) moves forward.
            const exists = DateTime.fromISO(`${s.localDate}T${startLocal}`, { zone: timezone }).toFormat('HH:mm') === startLocal;
            if (exists) expect(wall).toBe(`${weekdays[weekday - 1]} ${s.localDate} ${startLocal}`);
            else expect(wall.slice(0, 14)).toBe(`${weekdays[weekday - 1]} ${s.localDate}`);
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000); // 200 rules × 30 weeks of zone look-ups: seconds on a busy two-core machine
});
