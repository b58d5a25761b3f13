import type {
  AttendanceReport,
  AuditCsvQuery,
  AuditLogEntry,
  AuditLogResponse,
  AuditQuery,
  InPersonReport,
  MilestonesReport,
  ReportQuery,
} from '../../../shared/schemas/reports';
import { attendanceRepository } from '../attendance/attendance.repository';
import type { AttendanceService } from '../attendance/attendance.service';
import type { HeadcountService } from '../attendance/headcount.service';
import type { HeadcountRow } from '../attendance/headcount.repository';
import { actionsInLog, allEntries, auditPage, placeOf } from '../audit/audit.repository';
import { auditEntries, cursorOf, placeFromCursor, type AuditReading } from '../audit/auditView';
import { auditLogCsv } from '../../../shared/auditCsv';
import type { MessageId } from '../../../shared/i18n/catalog';
import { translator } from '../../../shared/i18n/catalog';
import { type Translate } from '../../../shared/i18n/translate';
import { currentLocale, type I18n } from '../i18n/i18n';
import type { DropInWindow } from '../scheduling/schedule';
import type { Db } from '../store/db';
import { countableGroups, publishCount, publishTable } from './disclosure';
import { attendanceCsv } from './reportsCsv';

/**
 * The report's own words (kinds, "New this reporting year", "No topic set") come in the request's language: the
 * service renders them with the request's translator; the pure builders default to English (the unit tests).
 */
const ENGLISH: Translate = translator('en-CA');

export const KIND_IDS: Record<string, MessageId> = {
  lawyer: 'reports.kind.lawyer',
  articling_student: 'reports.kind.articling_student',
  volunteer: 'reports.kind.volunteer',
};
const KINDS = Object.keys(KIND_IDS);
/** In person, the part of a total the host did not split by kind is a group of its own. */
export const UNSAID_KIND = { key: 'unspecified', id: 'reports.kind.unspecified' } as const;
const kindLabel = (t: Translate, k: string) => (KIND_IDS[k] ? t(KIND_IDS[k]) : k);

/** An in-person session's recorded headcount, as the reports read it (numbers only). */
export type RawHeadcount = Omit<HeadcountRow, 'recordedAt'>;

/**
 * The in-person side of a report, by the same disclosure rules as the online side: each headcount becomes groups
 * (one kind at one session, the unsplit rest as "kind not said"), groups under the threshold count as nobody, and
 * every count is published through `publishCount`/`publishTable`.
 */
export function buildInPersonReport(headcounts: readonly RawHeadcount[], threshold: number, t: Translate = ENGLISH): InPersonReport {
  const groups = headcounts.flatMap((h) => {
    const parts = { lawyer: h.lawyers ?? 0, articling_student: h.articlingStudents ?? 0, volunteer: h.volunteers ?? 0 };
    const unsaid = Math.max(0, h.total - parts.lawyer - parts.articling_student - parts.volunteer);
    return [...Object.entries(parts), [UNSAID_KIND.key, unsaid] as const].map(([kind, attendees]) => ({
      sessionId: h.sessionId,
      day: h.day,
      topic: h.topic,
      kind,
      attendees,
    }));
  });
  const sessions = new Map<string, { day: string; topic: string | null; count: number }>();
  const kinds = new Map<string, number>([...KINDS, UNSAID_KIND.key].map((k) => [k, 0]));
  let attendance = 0;
  for (const g of countableGroups(groups, threshold)) {
    const s = sessions.get(g.sessionId) ?? { day: g.day, topic: g.topic, count: 0 };
    s.count += g.attendees;
    sessions.set(g.sessionId, s);
    kinds.set(g.kind, (kinds.get(g.kind) ?? 0) + g.attendees);
    attendance += g.attendees;
  }
  const bySession = sessionRows(sessions, t);
  return {
    sessionsHeld: bySession.length,
    attendance: publishCount(attendance, threshold),
    byKind: publishTable(
      [
        ...KINDS.map((k) => ({ key: k, label: kindLabel(t, k), count: kinds.get(k) ?? 0 })),
        { key: UNSAID_KIND.key, label: t(UNSAID_KIND.id), count: kinds.get(UNSAID_KIND.key) ?? 0 },
      ],
      threshold,
    ),
    bySession: publishTable(bySession, threshold),
  };
}

/** Sessions with anyone counted, in order of day, each named by `sessionLabel`. */
function sessionRows(sessions: Map<string, { day: string; topic: string | null; count: number }>, t: Translate) {
  return [...sessions.entries()]
    .filter(([, s]) => s.count > 0)
    .sort(([a, x], [b, y]) => x.day.localeCompare(y.day) || a.localeCompare(b))
    .map(([key, s], _i, all) => ({ key, label: sessionLabel(s, all.filter(([, o]) => o.day === s.day).length > 1, t), count: s.count }));
}

/** What SQL gives us for a period, before any disclosure control. Exported for the suppression property tests. */
export interface RawAttendance {
  daily: Array<{ sessionId: string; day: string; topic: string | null; kind: string; attendees: number; timedSeconds: number; timedAttendees: number }>;
  unique: number;
  newcomers: number;
}

/**
 * Turns raw figures into what staff see. Groups smaller than the threshold are dropped first (`countableGroups`;
 * `unique` and `newcomers` come from SQL that drops them too), then every count of people goes through
 * `publishCount`/`publishTable`. Sessions held counts only sessions with a countable group, so it does not tell
 * a small circle from an empty one either.
 */
export function buildAttendanceReport(
  q: ReportQuery,
  raw: RawAttendance,
  threshold: number,
  uniqueComplete: boolean,
  headcounts: readonly RawHeadcount[] = [],
  t: Translate = ENGLISH,
): AttendanceReport {
  const sessions = new Map<string, { day: string; topic: string | null; count: number }>();
  const kinds = new Map<string, number>(KINDS.map((k) => [k, 0]));
  const topics = new Map<string, number>();
  let attendance = 0;
  let seconds = 0;
  let timed = 0;
  for (const r of countableGroups(raw.daily, threshold)) {
    const s = sessions.get(r.sessionId) ?? { day: r.day, topic: r.topic, count: 0 };
    s.count += r.attendees;
    sessions.set(r.sessionId, s);
    kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + r.attendees);
    const topic = r.topic ?? t('reports.noTopic');
    topics.set(topic, (topics.get(topic) ?? 0) + r.attendees);
    attendance += r.attendees;
    seconds += r.timedSeconds;
    timed += r.timedAttendees;
  }
  const bySession = sessionRows(sessions, t);
  return {
    from: q.from,
    to: q.to,
    threshold,
    sessionsHeld: bySession.length,
    attendance: publishCount(attendance, threshold),
    uniqueIndividuals: publishCount(raw.unique, threshold),
    newVersusReturning: publishTable(
      [
        { key: 'new', label: t('reports.newcomers.new'), count: raw.newcomers },
        { key: 'returning', label: t('reports.newcomers.returning'), count: raw.unique - raw.newcomers },
      ],
      threshold,
    ),
    // An average over fewer people than the threshold says too much about each of them.
    averageMinutes: timed >= threshold && timed > 0 ? Math.round(seconds / timed / 60) : null,
    bySession: publishTable(bySession, threshold),
    byKind: publishTable(KINDS.map((k) => ({ key: k, label: kindLabel(t, k), count: kinds.get(k) ?? 0 })), threshold),
    byTopic: publishTable(
      [...topics.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => ({ key, count })),
      threshold,
    ),
    uniqueComplete,
    inPerson: buildInPersonReport(headcounts, threshold, t),
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;

/** Reports are computed in SQL over the attendance store; only aggregates leave this file. */
/** The most entries one CSV export holds (years of a society's log); the newest first. */
export const AUDIT_CSV_MAX = 50_000;

export function createReportsService(deps: {
  db: Db;
  attendance: AttendanceService;
  /** In-person circles' recorded headcounts; without it, the in-person side of a report is empty. */
  headcounts?: Pick<HeadcountService, 'between'>;
  threshold: number;
  window: DropInWindow;
  /** The program's words and zone: every label is rendered in the request's language, the log read in the program's zone. */
  i18n: I18n;
}) {
  const { threshold } = deps;
  const store = attendanceRepository(deps.db);
  const locale = () => currentLocale() ?? deps.i18n.defaultLocale;
  const words = () => deps.i18n.t(locale());
  const reading = (): AuditReading => ({ locale: locale(), t: words(), zone: deps.i18n.program.weeklyCircle.zone });
  return {
    async attendance(q: ReportQuery): Promise<AttendanceReport> {
      await deps.attendance.rollup();
      const raw: RawAttendance = { daily: await store.daily(q.from, q.to), ...(await store.people(q.from, q.to, threshold)) };
      const headcounts = (await deps.headcounts?.between(q.from, q.to)) ?? [];
      return buildAttendanceReport(q, raw, threshold, q.from >= deps.attendance.retainedFrom(), headcounts, words());
    },

    async milestones(): Promise<MilestonesReport> {
      const rows = await store.reach();
      const t = words();
      const years = [...new Set(rows.map((r) => r.year))].map((year) => {
        const of = rows.filter((r) => r.year === year);
        const total = of.reduce((s, r) => s + r.people, 0);
        return {
          year,
          uniqueIndividuals: publishCount(total, threshold),
          byKind: publishTable(KINDS.map((k) => ({ key: k, label: kindLabel(t, k), count: of.find((r) => r.kind === k)?.people ?? 0 })), threshold),
        };
      });
      // The sum of what is published, never of raw counts, so it reveals nothing the years do not.
      return { threshold, years, sumOfYearlyFigures: years.reduce((s, y) => s + (y.uniqueIndividuals ?? 0), 0) };
    },

    /**
     * The attendance CSV for a period, with every reporting year's figures (the milestones): what the page shows,
     * header row and words in the request's language.
     */
    async attendanceCsv(q: ReportQuery): Promise<string> {
      const [report, milestones] = [await this.attendance(q), await this.milestones()];
      return attendanceCsv(report, milestones, { t: words(), locale: locale() });
    },

    /**
     * One page of the audit log: who (staff or host, by first name and role) did what, when, to which target —
     * never who was present.
     */
    async auditLog(q: AuditQuery): Promise<AuditLogResponse> {
      const page = await auditPage(deps.db, {
        action: q.action,
        limit: q.limit,
        before: q.before ? placeFromCursor(q.before) : undefined,
        after: q.after ? placeFromCursor(q.after) : undefined,
      });
      const [entries, actions] = await Promise.all([auditEntries(deps.db, page.lines, deps.window, reading()), actionsInLog(deps.db)]);
      const first = page.lines[0];
      const last = page.lines.at(-1);
      return {
        entries,
        actions,
        newer: page.hasNewer && first ? cursorOf(placeOf(first)) : null,
        older: page.hasOlder && last ? cursorOf(placeOf(last)) : null,
      };
    },

    /** Every entry (of one action, if asked), newest first, as the page reads them: the CSV export's rows. */
    async auditExport(q: AuditCsvQuery): Promise<AuditLogEntry[]> {
      return auditEntries(deps.db, await allEntries(deps.db, { action: q.action, max: AUDIT_CSV_MAX }), deps.window, reading());
    },

    /** The CSV export itself, header row and words in the request's language (`shared/auditCsv.ts`). */
    async auditCsv(q: AuditCsvQuery): Promise<string> {
      return auditLogCsv(await this.auditExport(q), words());
    },
  };
}

/**
 * A session as a report row names it: its date, and where several sessions fall on one day, its topic too (the
 * preset one, staff's own words), so three circles on 27 November read as three different rows.
 */
function sessionLabel(s: { day: string; topic: string | null }, sharesItsDay: boolean, t: Translate): string {
  if (!sharesItsDay) return s.day;
  return s.topic === null ? t('reports.sessionNoTopic', { day: s.day }) : t('reports.sessionWithTopic', { day: s.day, topic: s.topic });
}
