import { describe, expect, it } from 'vitest';
import { buildAttendanceReport, buildInPersonReport, type RawAttendance } from './reports.service';

const row = (sessionId: string, day: string, topic: string | null, attendees: number): RawAttendance['daily'][number] => ({
  sessionId,
  day,
  topic,
  kind: 'lawyer',
  attendees,
  timedSeconds: 1800 * attendees,
  timedAttendees: attendees,
});

describe('the per-session rows of an attendance report', () => {
  it('tell apart sessions that share a day by their topic, and keep a lone session as its date', () => {
    const raw: RawAttendance = {
      daily: [
        row('rmcc_2026-11-27', '2026-11-27', 'Returning from leave', 6),
        row('popup-a_2026-11-27', '2026-11-27', 'Articling interviews', 7),
        row('popup-b_2026-11-27', '2026-11-27', null, 8),
        row('rmcc_2026-11-30', '2026-11-30', 'Billing targets', 9),
      ],
      unique: 30,
      newcomers: 10,
    };
    const report = buildAttendanceReport({ from: '2026-11-01', to: '2026-11-30' }, raw, 5, true);
    expect(report.bySession.map((c) => c.label)).toEqual([
      '2026-11-27 (Articling interviews)',
      '2026-11-27 (no topic set)',
      '2026-11-27 (Returning from leave)',
      '2026-11-30',
    ]);
  });
});

describe('the in-person side of an attendance report', () => {
  const head = (sessionId: string, total: number, lawyers: number | null, articlingStudents: number | null, volunteers: number | null) => ({
    sessionId,
    day: sessionId.slice(-10),
    topic: null,
    total,
    lawyers,
    articlingStudents,
    volunteers,
  });
  it.each([
    // [headcounts, attendance, by kind (lawyers, students, volunteers, not said), sessions held]
    ['a total only: one group, "kind not said"', [head('p-a_2026-12-01', 12, null, null, null)], 10, [null, null, null, 10], 1],
    ['split, the rest not said: only groups of 5 or more count', [head('p-a_2026-12-01', 15, 10, 2, null)], 10, [10, null, null, null], 1],
    ['every group small: the session counts nowhere', [head('p-a_2026-12-01', 12, 4, 4, 4)], null, [null, null, null, null], 0],
    [
      'two sessions add up by kind',
      [head('p-a_2026-12-01', 7, 7, null, null), head('p-b_2026-12-02', 9, 9, null, null)],
      15,
      [15, null, null, null],
      2,
    ],
  ] as const)('%s', (_what, heads, attendance, byKind, held) => {
    const r = buildInPersonReport(heads, 5);
    expect(r.attendance).toBe(attendance);
    expect(r.byKind.map((c) => c.count)).toEqual(byKind);
    expect(r.byKind.map((c) => c.label)).toEqual(['Lawyers', 'Articling students', 'Volunteers', 'Kind not said']);
    expect(r.sessionsHeld).toBe(held);
  });
});
