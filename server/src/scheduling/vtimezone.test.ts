import { describe, expect, it } from 'vitest';
import { observances, vtimezone, type Observance } from './vtimezone';

/**
 * Expectations written out by hand from the published rules, not read from Intl: Canada's DST from the second
 * Sunday of March 02:00 local to the first Sunday of November 02:00 local; Alberta's last change the
 * spring-forward of 2026-03-08, then UTC−6 all year (IANA tz 2026c: MDT until 2026-11-01 02:00, standard after).
 */
type Row = [kind: Observance['kind'], onsetUtc: string, fromMinutes: number, toMinutes: number, name: string];

const rows = (list: Observance[]): Row[] =>
  list.map((o) => [o.kind, o.onset.toISOString().replace(':00.000Z', 'Z'), o.offsetFrom / 60, o.offsetTo / 60, o.name]);

describe('observances: one per transition, from the one in effect at the start of the range', () => {
  it.each<[string, string, string, string, Row[]]>([
    [
      'Alberta 2025–2027: two years of MST/MDT, then UTC−6 for good from 2026-11-01',
      'America/Edmonton',
      '2025-01-01T00:00:00Z',
      '2027-12-31T00:00:00Z',
      [
        ['STANDARD', '2024-11-03T08:00Z', -360, -420, 'MST'], // 02:00 MDT, in effect on 2025-01-01
        ['DAYLIGHT', '2025-03-09T09:00Z', -420, -360, 'MDT'], // 02:00 MST
        ['STANDARD', '2025-11-02T08:00Z', -360, -420, 'MST'], // 02:00 MDT
        ['DAYLIGHT', '2026-03-08T09:00Z', -420, -360, 'MDT'], // 02:00 MST, the last clock change
        ['STANDARD', '2026-11-01T08:00Z', -360, -360, 'UTC-06:00'], // no fall-back: −06:00 is standard time now
      ],
    ],
    [
      'the Monday circle’s feed, from its first session to ten years on: nothing after 2026-11-01',
      'America/Edmonton',
      '2026-01-05T19:00:00Z',
      '2036-12-31T00:00:00Z',
      [
        ['STANDARD', '2025-11-02T08:00Z', -360, -420, 'MST'],
        ['DAYLIGHT', '2026-03-08T09:00Z', -420, -360, 'MDT'],
        ['STANDARD', '2026-11-01T08:00Z', -360, -360, 'UTC-06:00'],
      ],
    ],
    [
      'Alberta, a range after the change: the single standard observance',
      'America/Edmonton',
      '2026-11-30T18:00:00Z',
      '2027-12-27T19:00:00Z',
      [['STANDARD', '2026-11-01T08:00Z', -360, -360, 'UTC-06:00']],
    ],
    [
      'Alberta, one session years later: still that observance, found by looking back',
      'America/Edmonton',
      '2031-06-02T18:00:00Z',
      '2031-06-02T19:00:00Z',
      [['STANDARD', '2026-11-01T08:00Z', -360, -360, 'UTC-06:00']],
    ],
    [
      'Alberta, one session in the summer of 2026: daylight time, whose end lies outside the range',
      'America/Edmonton',
      '2026-10-26T18:00:00Z',
      '2026-10-26T19:00:00Z',
      [['DAYLIGHT', '2026-03-08T09:00Z', -420, -360, 'MDT']],
    ],
    [
      'Ontario 2027: still changes its clocks',
      'America/Toronto',
      '2027-01-01T00:00:00Z',
      '2027-12-31T00:00:00Z',
      [
        ['STANDARD', '2026-11-01T06:00Z', -240, -300, 'EST'], // 02:00 EDT
        ['DAYLIGHT', '2027-03-14T07:00Z', -300, -240, 'EDT'], // 02:00 EST
        ['STANDARD', '2027-11-07T06:00Z', -240, -300, 'EST'],
      ],
    ],
    [
      'Nova Scotia 2027',
      'America/Halifax',
      '2027-01-01T00:00:00Z',
      '2027-12-31T00:00:00Z',
      [
        ['STANDARD', '2026-11-01T05:00Z', -180, -240, 'AST'],
        ['DAYLIGHT', '2027-03-14T06:00Z', -240, -180, 'ADT'],
        ['STANDARD', '2027-11-07T05:00Z', -180, -240, 'AST'],
      ],
    ],
    [
      'Saskatchewan: UTC−6 all year for decades, one observance from local midnight of the first event',
      'America/Regina',
      '2027-01-04T18:00:00Z',
      '2027-12-27T19:00:00Z',
      [['STANDARD', '2027-01-04T06:00Z', -360, -360, 'CST']],
    ],
    ['UTC', 'UTC', '2027-01-04T18:00:00Z', '2027-12-27T19:00:00Z', [['STANDARD', '2027-01-04T00:00Z', 0, 0, 'UTC']]],
  ])('%s', (_label, zone, from, to, expected) => {
    expect(rows(observances(zone, new Date(from), new Date(to)))).toEqual(expected);
  });

  it('names Alberta’s settled time as the caller asks (ICU still says MDT), and keeps MST/MDT for the past', () => {
    const list = observances('America/Edmonton', new Date('2026-01-05T19:00:00Z'), new Date('2027-01-01T00:00:00Z'), { settledName: 'Alberta time' });
    expect(list.map((o) => o.name)).toEqual(['MST', 'MDT', 'Alberta time']);
  });

  it('refuses an unknown zone and a range that ends before it starts', () => {
    expect(() => observances('America/Atlantis', new Date('2027-01-01T00:00:00Z'), new Date('2027-02-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => observances('America/Edmonton', new Date('2027-02-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'))).toThrow(RangeError);
  });
});

describe('vtimezone', () => {
  it('writes each observance with its onset as local time before it, and offsets as ±hhmm', () => {
    const text = vtimezone('America/Edmonton', new Date('2026-01-05T19:00:00Z'), new Date('2036-12-31T00:00:00Z'), { settledName: 'Alberta time' });
    expect(text.split('\r\n')).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:America/Edmonton',
      'BEGIN:STANDARD',
      'DTSTART:20251102T020000',
      'TZOFFSETFROM:-0600',
      'TZOFFSETTO:-0700',
      'TZNAME:MST',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:20260308T020000',
      'TZOFFSETFROM:-0700',
      'TZOFFSETTO:-0600',
      'TZNAME:MDT',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20261101T020000',
      'TZOFFSETFROM:-0600',
      'TZOFFSETTO:-0600',
      'TZNAME:Alberta time',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('writes seconds when an offset has them (Edmonton’s local mean time until 1906)', () => {
    const text = vtimezone('America/Edmonton', new Date('1906-06-01T00:00:00Z'), new Date('1906-12-31T00:00:00Z'));
    expect(text).toContain('TZOFFSETFROM:-073352\r\nTZOFFSETTO:-0700');
  });
});

describe('the observances agree with the runtime', () => {
  // A consistency check against Intl, the data the generator reads: every three hours of the range, and the
  // seconds either side of each onset, fall in an observance whose offset is the runtime's offset then.
  it.each(['America/Edmonton', 'America/Toronto', 'America/Vancouver', 'America/St_Johns', 'Europe/London', 'Australia/Lord_Howe', 'Africa/Casablanca'])(
    '%s, 2025–2028',
    (zone) => {
      const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
      const intlMinutes = (t: number) => {
        const m = /GMT(?:([+-])(\d\d):(\d\d))?/.exec(format.formatToParts(t).find((p) => p.type === 'timeZoneName')!.value)!;
        return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
      };
      const from = Date.parse('2025-01-01T00:00:00Z');
      const to = Date.parse('2028-12-31T00:00:00Z');
      const list = observances(zone, new Date(from), new Date(to));
      const instants = list.flatMap((o) => [o.onset.getTime() - 1000, o.onset.getTime()]).filter((t) => t >= from);
      for (let t = from; t <= to; t += 3 * 3_600_000) instants.push(t);
      const wrong = instants.filter((t) => list.filter((o) => o.onset.getTime() <= t).at(-1)!.offsetTo / 60 !== intlMinutes(t));
      expect(wrong.map((t) => new Date(t).toISOString())).toEqual([]);
    },
  );
});
