import { describe, expect, it } from 'vitest';
import { lapsesAt, readinessFrom, readinessToday } from './readiness';

/** Instants written by hand in Alberta (UTC−6 all year from 2026-11-01; UTC−7 in winter before), the built-in program's zone. */
const at = (iso: string) => new Date(iso);
const EDMONTON = 'America/Edmonton';
/** Nova Scotia's program: UTC−4 in winter (AST), UTC−3 in summer (ADT). */
const HALIFAX = 'America/Halifax';

describe('whether a volunteer is current', () => {
  it.each([
    ['both signed today', '2026-11-30', '2026-11-30', '2026-11-30T18:00:00Z', true, []],
    ['nothing on record', null, null, '2026-11-30T18:00:00Z', false, ['training', 'undertaking']],
    ['no undertaking', '2026-06-01', null, '2026-11-30T18:00:00Z', false, ['undertaking']],
    ['training the day before its anniversary, 23:59 in Alberta', '2025-12-01', '2026-11-30', '2026-12-01T05:59:00Z', true, []],
    ['training on its anniversary, midnight in Alberta', '2025-12-01', '2026-11-30', '2026-12-01T06:00:00Z', false, ['training']],
    ['undertaking lapsed months ago', '2026-11-01', '2025-03-02', '2026-11-30T18:00:00Z', false, ['undertaking']],
    ['a date after today is not on record yet', '2026-12-01', '2026-11-30', '2026-11-30T18:00:00Z', false, ['training']],
  ] as const)('%s', (_label, training, undertaking, now, current, missing) => {
    const r = readinessFrom({ training, undertaking }, at(now), EDMONTON);
    expect(r.current).toBe(current);
    expect(r.missing).toEqual(missing);
  });

  it('counts through the day before the first anniversary, and names the earlier one', () => {
    const r = readinessFrom({ training: '2026-03-10', undertaking: '2026-11-30' }, at('2026-11-30T18:00:00Z'), EDMONTON);
    expect(r.training.validUntil).toBe('2027-03-09');
    expect(r.undertaking.validUntil).toBe('2027-11-29');
    expect(r.validUntil).toBe('2027-03-09');
  });

  it('a 29 February counts through 27 February the next year', () => {
    expect(readinessFrom({ training: '2028-02-29', undertaking: '2028-02-29' }, at('2028-06-01T18:00:00Z'), EDMONTON).validUntil).toBe('2029-02-27');
  });

  it.each([
    ['more than a month left', '2026-01-05', 'current'],
    ['its last day a month from today', '2025-12-31', 'due'],
    ['its last day today', '2025-12-01', 'due'],
    ['past it', '2025-11-30', 'lapsed'],
  ] as const)('due within a month: %s → %s', (_label, on, state) => {
    expect(readinessFrom({ training: on, undertaking: on }, at('2026-11-30T18:00:00Z'), EDMONTON).training.state).toBe(state);
  });

  it('lapses at midnight in Alberta, whichever offset the zone had then', () => {
    expect(lapsesAt('2026-01-15', EDMONTON).toISOString()).toBe('2027-01-15T06:00:00.000Z');
    expect(lapsesAt('2025-01-15', EDMONTON).toISOString()).toBe('2026-01-15T07:00:00.000Z');
    expect(readinessToday(at('2026-12-01T05:59:00Z'), EDMONTON)).toBe('2026-11-30');
  });

  it('in another program, lapses at midnight in its own zone: Halifax, two hours ahead of Alberta in winter', () => {
    // Midnight in Halifax on 1 December 2026 is 04:00Z (AST, UTC−4); in Alberta it is still 22:00 on 30 November.
    expect(lapsesAt('2025-12-01', HALIFAX).toISOString()).toBe('2026-12-01T04:00:00.000Z');
    // Summer: ADT, UTC−3.
    expect(lapsesAt('2025-07-01', HALIFAX).toISOString()).toBe('2026-07-01T03:00:00.000Z');
    expect(readinessToday(at('2026-12-01T03:59:00Z'), HALIFAX)).toBe('2026-11-30');
    expect(readinessToday(at('2026-12-01T04:00:00Z'), HALIFAX)).toBe('2026-12-01');
    expect(readinessToday(at('2026-12-01T04:00:00Z'), EDMONTON)).toBe('2026-11-30');
    const dates = { training: '2025-12-01', undertaking: '2026-11-30' };
    expect(readinessFrom(dates, at('2026-12-01T03:59:00Z'), HALIFAX)).toMatchObject({ current: true, missing: [] });
    expect(readinessFrom(dates, at('2026-12-01T04:00:00Z'), HALIFAX)).toMatchObject({ current: false, missing: ['training'] });
    // The same instant in Alberta: still the day before the anniversary.
    expect(readinessFrom(dates, at('2026-12-01T04:00:00Z'), EDMONTON).current).toBe(true);
    // Signed "today" in Halifax just after its midnight: on record there, a future date in Alberta.
    expect(readinessFrom({ training: '2026-12-01', undertaking: '2026-12-01' }, at('2026-12-01T04:30:00Z'), HALIFAX).current).toBe(true);
    expect(readinessFrom({ training: '2026-12-01', undertaking: '2026-12-01' }, at('2026-12-01T04:30:00Z'), EDMONTON).missing).toEqual(['training', 'undertaking']);
  });
});
