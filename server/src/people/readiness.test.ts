import { describe, expect, it } from 'vitest';
import { lapsesAt, readinessFrom, readinessToday } from './readiness';

/** Instants in Alberta (UTC−6 all year from 2026-11-01; UTC−7 in winter before). */
const at = (iso: string) => new Date(iso);

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
    const r = readinessFrom({ training, undertaking }, at(now));
    expect(r.current).toBe(current);
    expect(r.missing).toEqual(missing);
  });

  it('counts through the day before the first anniversary, and names the earlier one', () => {
    const r = readinessFrom({ training: '2026-03-10', undertaking: '2026-11-30' }, at('2026-11-30T18:00:00Z'));
    expect(r.training.validUntil).toBe('2027-03-09');
    expect(r.undertaking.validUntil).toBe('2027-11-29');
    expect(r.validUntil).toBe('2027-03-09');
  });

  it('a 29 February counts through 27 February the next year', () => {
    expect(readinessFrom({ training: '2028-02-29', undertaking: '2028-02-29' }, at('2028-06-01T18:00:00Z')).validUntil).toBe('2029-02-27');
  });

  it.each([
    ['more than a month left', '2026-01-05', 'current'],
    ['its last day a month from today', '2025-12-31', 'due'],
    ['its last day today', '2025-12-01', 'due'],
    ['past it', '2025-11-30', 'lapsed'],
  ] as const)('due within a month: %s → %s', (_label, on, state) => {
    expect(readinessFrom({ training: on, undertaking: on }, at('2026-11-30T18:00:00Z')).training.state).toBe(state);
  });

  it('lapses at midnight in Alberta, whichever offset the zone had then', () => {
    expect(lapsesAt('2026-01-15').toISOString()).toBe('2027-01-15T06:00:00.000Z');
    expect(lapsesAt('2025-01-15').toISOString()).toBe('2026-01-15T07:00:00.000Z');
    expect(readinessToday(at('2026-12-01T05:59:00Z'))).toBe('2026-11-30');
  });
});
