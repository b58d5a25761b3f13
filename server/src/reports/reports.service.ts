import type { AttendanceReport, MilestonesReport, ReportQuery } from '../../../shared/schemas/reports';
import type { AttendanceService } from '../attendance/attendance.service';
import type { Db } from '../store/db';
import { publishCount, publishTable } from './disclosure';

export const KIND_LABELS: Record<string, string> = {
  lawyer: 'Lawyers',
  articling_student: 'Articling students',
  volunteer: 'Volunteers',
};
const KINDS = Object.keys(KIND_LABELS);

/** What SQL gives us for a period, before any disclosure control. Exported for the suppression property tests. */
export interface RawAttendance {
  daily: Array<{ sessionId: string; day: string; topic: string | null; kind: string; attendees: number; timedSeconds: number; timedAttendees: number }>;
  unique: number;
  newcomers: number;
}

/** Turns raw figures into what staff see; every count of people goes through `publishCount`/`publishTable`. */
export function buildAttendanceReport(q: ReportQuery, raw: RawAttendance, threshold: number, uniqueComplete: boolean): AttendanceReport {
  const sessions = new Map<string, { day: string; topic: string | null; count: number }>();
  const kinds = new Map<string, number>(KINDS.map((k) => [k, 0]));
  const topics = new Map<string, number>();
  let attendance = 0;
  let seconds = 0;
  let timed = 0;
  for (const r of raw.daily) {
    const s = sessions.get(r.sessionId) ?? { day: r.day, topic: r.topic, count: 0 };
    s.count += r.attendees;
    sessions.set(r.sessionId, s);
    kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + r.attendees);
    const topic = r.topic ?? 'No topic set';
    topics.set(topic, (topics.get(topic) ?? 0) + r.attendees);
    attendance += r.attendees;
    seconds += r.timedSeconds;
    timed += r.timedAttendees;
  }
  const bySession = [...sessions.entries()]
    .filter(([, s]) => s.count > 0)
    .sort(([a, x], [b, y]) => x.day.localeCompare(y.day) || a.localeCompare(b))
    .map(([key, s]) => ({ key, label: s.day, count: s.count }));
  return {
    from: q.from,
    to: q.to,
    threshold,
    sessionsHeld: bySession.length,
    attendance: publishCount(attendance, threshold),
    uniqueIndividuals: publishCount(raw.unique, threshold),
    newVersusReturning: publishTable(
      [
        { key: 'new', label: 'New this reporting year', count: raw.newcomers },
        { key: 'returning', label: 'Returning', count: raw.unique - raw.newcomers },
      ],
      threshold,
    ),
    // An average over fewer people than the threshold says too much about each of them.
    averageMinutes: timed >= threshold && timed > 0 ? Math.round(seconds / timed / 60) : null,
    bySession: publishTable(bySession, threshold),
    byKind: publishTable(KINDS.map((k) => ({ key: k, label: KIND_LABELS[k], count: kinds.get(k) ?? 0 })), threshold),
    byTopic: publishTable(
      [...topics.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => ({ key, count })),
      threshold,
    ),
    uniqueComplete,
  };
}

/** Reports are computed in SQL over the attendance store; only aggregates leave this file. */
export function createReportsService(deps: { db: Db; attendance: AttendanceService; threshold: number }) {
  const { db, threshold } = deps;
  return {
    async attendance(q: ReportQuery): Promise<AttendanceReport> {
      await deps.attendance.rollup();
      const daily = await db.query<{ session_id: string; day: string; topic: string | null; kind: string; attendees: number; timed_seconds: string; timed_attendees: number }>(
        `SELECT session_id, to_char(session_day, 'YYYY-MM-DD') AS day, topic, kind, attendees, timed_seconds, timed_attendees
           FROM attendance_daily WHERE session_day BETWEEN $1 AND $2`,
        [q.from, q.to],
      );
      // A person is counted once per reporting year (pseudonyms do not link years).
      const [people] = await db.query<{ unique: string; newcomers: string }>(
        `SELECT count(DISTINCT s.reporting_year || ':' || s.pseudonym) AS unique,
                count(DISTINCT CASE WHEN r.first_seen_on BETWEEN $1 AND $2 THEN s.reporting_year || ':' || s.pseudonym END) AS newcomers
           FROM attendance_spans s
           JOIN attendance_reach r ON r.reporting_year = s.reporting_year AND r.pseudonym = s.pseudonym
          WHERE s.session_day BETWEEN $1 AND $2`,
        [q.from, q.to],
      );
      const raw: RawAttendance = {
        daily: daily.map((r) => ({
          sessionId: r.session_id,
          day: r.day,
          topic: r.topic,
          kind: r.kind,
          attendees: Number(r.attendees),
          timedSeconds: Number(r.timed_seconds),
          timedAttendees: Number(r.timed_attendees),
        })),
        unique: Number(people?.unique ?? 0),
        newcomers: Number(people?.newcomers ?? 0),
      };
      return buildAttendanceReport(q, raw, threshold, q.from >= deps.attendance.retainedFrom());
    },

    async milestones(): Promise<MilestonesReport> {
      const rows = await db.query<{ reporting_year: number; kind: string; n: string }>(
        'SELECT reporting_year, kind, count(*) AS n FROM attendance_reach GROUP BY reporting_year, kind ORDER BY reporting_year',
      );
      const years = [...new Set(rows.map((r) => Number(r.reporting_year)))].map((year) => {
        const of = rows.filter((r) => Number(r.reporting_year) === year);
        const total = of.reduce((s, r) => s + Number(r.n), 0);
        return {
          year,
          uniqueIndividuals: publishCount(total, threshold),
          byKind: publishTable(KINDS.map((k) => ({ key: k, label: KIND_LABELS[k], count: Number(of.find((r) => r.kind === k)?.n ?? 0) })), threshold),
        };
      });
      // The sum of what is published, never of raw counts, so it reveals nothing the years do not.
      return { threshold, years, sumOfYearlyFigures: years.reduce((s, y) => s + (y.uniqueIndividuals ?? 0), 0) };
    },
  };
}
