import { describe, expect, it } from 'vitest';
import { buildAttendanceReport, type RawAttendance } from './reports.service';

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
