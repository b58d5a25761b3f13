import { DateTime } from 'luxon';
import { CAREER_RELATED_CATEGORIES, type HistoryResponse, type HistoryYearBody, type OutcomesQuery, type OutcomesReport } from '../../../shared/schemas/outcomes';
import type { PublicUser } from '../../../shared/schemas/auth';
import { attendanceRepository } from '../attendance/attendance.repository';
import type { AttendanceService } from '../attendance/attendance.service';
import { record } from '../audit/audit.repository';
import type { Clock } from '../clock';
import { matchesBeforePlatform, matchHistoryRepository } from '../matching/history.repository';
import { matchingRepository } from '../matching/matching.repository';
import type { Db } from '../store/db';
import { currentLocale, type I18n } from '../i18n/i18n';
import { buildOutcomes, type RawOutcomes } from './outcomes';
import { outcomesReportCsv } from './reportsCsv';

/** Kinds of attendee the circles support; volunteers host and support, staff are never counted. */
const SUPPORTED_KINDS = new Set(['lawyer', 'articling_student']);

export type OutcomesService = ReturnType<typeof createOutcomesService>;

/**
 * The outcomes report to funders, from what the platform already counts: accepted matches and requests (category
 * and caller kind only) from matching, the yearly reach from attendance, and the history staff entered. Only
 * aggregates leave this file, through `buildOutcomes`.
 */
export function createOutcomesService(deps: {
  db: Db;
  clock: Clock;
  attendance: Pick<AttendanceService, 'rollup'>;
  /** Matching's small-cell threshold (STATS_SMALL_CELL_THRESHOLD). */
  threshold: number;
  /** Attendance's (REPORT_SMALL_CELL_THRESHOLD). */
  circleThreshold: number;
  /** MATCHES_BEFORE_PLATFORM: used while staff have entered no yearly history. */
  matchesBeforePlatform: number;
  /** The program's own zone: matches and requests fall in the year (and month) they happened there. */
  zone: string;
  /** The program's words: the CSV is in the request's language. */
  i18n: I18n;
}) {
  const matching = matchingRepository(deps.db);
  const history = matchHistoryRepository(deps.db);
  const attendance = attendanceRepository(deps.db);
  const local = (at: Date) => DateTime.fromJSDate(new Date(at), { zone: deps.zone });

  return {
    async report(q: OutcomesQuery): Promise<OutcomesReport> {
      // The reach counts people first seen in a countable group, which the roll-up notes.
      await deps.attendance.rollup();
      const [past, accepted, requests, reach] = await Promise.all([history.years(), matching.acceptedTimes(), matching.requestFacts(), attendance.reach()]);
      const perYear = new Map<number, { year: number; requests: number; careerRelated: number; articlingStudents: number }>();
      for (const r of requests) {
        const year = local(r.created_at).year;
        const y = perYear.get(year) ?? { year, requests: 0, careerRelated: 0, articlingStudents: 0 };
        y.requests += 1;
        if ((CAREER_RELATED_CATEGORIES as readonly string[]).includes(r.category)) y.careerRelated += 1;
        if (r.caller_kind === 'articling_student') y.articlingStudents += 1;
        perYear.set(year, y);
      }
      const people = new Map<number, number>();
      for (const r of reach) if (SUPPORTED_KINDS.has(r.kind)) people.set(r.year, (people.get(r.year) ?? 0) + r.people);
      const raw: RawOutcomes = {
        thisYear: local(deps.clock.now()).year,
        history: past,
        // With history entered, its years hold what came before: nothing is left without a year.
        unrecorded: past.length > 0 ? 0 : matchesBeforePlatform(past, deps.matchesBeforePlatform),
        accepted: accepted.map((at) => ({ year: local(at).year, month: local(at).month })),
        requests: [...perYear.values()],
        reach: [...people].map(([year, n]) => ({ year, people: n })),
      };
      return buildOutcomes(q, raw, { threshold: deps.threshold, circleThreshold: deps.circleThreshold });
    },

    /** The report as a CSV file, header row and words in the request's language, with the years it covers. */
    async csv(q: OutcomesQuery): Promise<{ from: number; to: number; text: string }> {
      const locale = currentLocale() ?? deps.i18n.defaultLocale;
      const report = await this.report(q);
      return { from: report.from, to: report.to, text: outcomesReportCsv(report, { t: deps.i18n.t(locale), locale }) };
    },

    /** The yearly totals staff entered, as entered: staff's own aggregate figures, for the form that edits them. */
    async history(): Promise<HistoryResponse> {
      return { years: await history.years() };
    },

    /** Sets one year of history; audited like every staff change. */
    async setHistoryYear(staff: PublicUser, body: HistoryYearBody): Promise<HistoryResponse> {
      const now = deps.clock.now();
      await deps.db.transaction(async (tx) => {
        await matchHistoryRepository(tx).put(body, now);
        await record(tx, { actorId: staff.id, action: 'outcomes.history_set', targetType: 'match_history_year', targetId: String(body.year), at: now });
      });
      return { years: await history.years() };
    },
  };
}
