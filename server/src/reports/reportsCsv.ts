import type { Locale } from '../../../shared/i18n/locales';
import type { Translate } from '../../../shared/i18n/translate';
import { csvField } from '../../../shared/reportCsv';
import type { MatchCount, Milestone, OutcomesReport, RequestShare } from '../../../shared/schemas/outcomes';
import type { AttendanceReport, Count, MilestonesReport, ReportCell } from '../../../shared/schemas/reports';

/**
 * The attendance and outcomes reports as CSV files staff download, in the requesting person's language as the audit
 * log's CSV is (shared/auditCsv.ts): the header row, section and item names, "fewer than 5", notes. Figures stay
 * plain digits (a spreadsheet reads them as numbers in any language); a share or a month reads in the locale.
 * Built from the same report the page shows, already suppressed and rounded by the server, so a file never holds
 * more than the page. Cell labels (kinds, "No topic set") come translated in the report itself; topics and titles
 * are staff's own words, as typed.
 */
export interface CsvWords {
  /** The request's translator, with the program's values (`{programShort}`). */
  t: Translate;
  locale: Locale;
}

const csv = (rows: string[][]) => rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';

/** A published count: its digits, or "fewer than N" when withheld. */
const countText = (t: Translate, count: Count | MatchCount, threshold: number) => (count === null ? t('reports.csv.fewerThan', { threshold }) : String(count));

/**
 * The attendance CSV: online and in-person figures side by side, a column each; a figure one format does not have
 * (unique individuals are counted only online) is blank in the other's column. The milestones report, when given,
 * adds each reporting year.
 */
export function attendanceCsv(r: AttendanceReport, m: MilestonesReport | undefined, { t }: CsvWords): string {
  const n = r.threshold;
  const ip = r.inPerson;
  const count = (c: Count, threshold = n) => countText(t, c, threshold);
  const rows: string[][] = [
    [t('reports.csv.attendance.col.section'), t('reports.csv.attendance.col.item'), t('reports.csv.attendance.col.online'), t('reports.csv.attendance.col.inPerson')],
  ];
  const online = (section: string, item: string, value: string) => rows.push([section, item, value, '']);
  const cells = (section: string, list: ReportCell[]) => list.forEach((c) => online(section, c.label, count(c.count)));
  const period = t('reports.csv.attendance.period');
  const summary = t('reports.csv.attendance.summary');
  rows.push([period, t('reports.csv.attendance.from'), r.from, r.from], [period, t('reports.csv.attendance.to'), r.to, r.to]);
  rows.push([summary, t('reports.csv.attendance.sessionsHeld'), String(r.sessionsHeld), String(ip.sessionsHeld)]);
  rows.push([summary, t('reports.csv.attendance.attendance'), count(r.attendance), count(ip.attendance)]);
  online(summary, t('reports.csv.attendance.uniqueIndividuals'), count(r.uniqueIndividuals));
  cells(t('reports.csv.attendance.newVersusReturning'), r.newVersusReturning);
  online(summary, t('reports.csv.attendance.averageMinutes'), r.averageMinutes === null ? t('reports.csv.withheld') : String(r.averageMinutes));
  // Both formats' kinds, in one order; "kind not said" is in person only.
  const byKind = t('reports.csv.attendance.byKind');
  for (const key of new Set([...r.byKind, ...ip.byKind].map((c) => c.key))) {
    const on = r.byKind.find((c) => c.key === key);
    const off = ip.byKind.find((c) => c.key === key);
    rows.push([byKind, (on ?? off)!.label, on ? count(on.count) : '', off ? count(off.count) : '']);
  }
  cells(t('reports.csv.attendance.byTopic'), r.byTopic);
  const bySession = t('reports.csv.attendance.bySession');
  cells(bySession, r.bySession);
  ip.bySession.forEach((c) => rows.push([bySession, c.label, '', count(c.count)]));
  if (m) {
    for (const y of m.years) {
      // A year as its digits ("2026"), never as a number in the locale ("2 026").
      const year = String(y.year);
      online(t('reports.csv.attendance.year', { year }), t('reports.csv.attendance.uniqueIndividuals'), count(y.uniqueIndividuals, m.threshold));
      y.byKind.forEach((c) => online(t('reports.csv.attendance.yearByKind', { year }), c.label, count(c.count, m.threshold)));
    }
    online(t('reports.csv.attendance.milestones'), t('reports.csv.attendance.sumOfYears'), String(m.sumOfYearlyFigures));
  }
  rows.push([t('reports.csv.note'), t('reports.csv.attendance.note', { threshold: n }), '', '']);
  return csv(rows);
}

/** A share as it reads: "42.9 %" / "42,9 %", or why there is none. */
function shareText(t: Translate, s: RequestShare, base: MatchCount): string {
  if (s.share !== null) return t('reports.csv.share', { share: s.share });
  return t(base === 0 ? 'reports.csv.noRequests' : 'reports.csv.withheld');
}

/** When a milestone was reached, as precisely as the report allows: "March 2026" / "mars 2026", "2022", or before the platform. */
function milestoneWhen(w: CsvWords, m: Milestone): string {
  if (m.year === null) return w.t('reports.csv.outcomes.beforePlatform');
  if (m.month === null) return String(m.year);
  return new Intl.DateTimeFormat(w.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(m.year, m.month - 1, 15));
}

/**
 * The outcomes CSV: one figure per row (section, year, item, value) so a spreadsheet can pivot it, in the
 * requesting person's language.
 */
export function outcomesReportCsv(r: OutcomesReport, w: CsvWords): string {
  const { t } = w;
  const n = r.threshold;
  const count = (c: MatchCount) => countText(t, c, n);
  const rows: string[][] = [[t('reports.csv.outcomes.col.section'), t('reports.csv.outcomes.col.year'), t('reports.csv.outcomes.col.item'), t('reports.csv.outcomes.col.value')]];
  const matches = t('reports.csv.outcomes.matches');
  const requests = t('reports.csv.outcomes.requests');
  for (const y of r.years) {
    const year = String(y.year);
    rows.push([matches, year, t('reports.csv.outcomes.matchesMade'), count(y.matches)]);
    if (y.fromHistory) rows.push([matches, year, t('reports.csv.outcomes.fromHistory'), t('reports.csv.yes')]);
    rows.push([requests, year, t('reports.csv.outcomes.requestsMade'), count(y.requests)]);
    rows.push([requests, year, t('reports.csv.outcomes.careerRelated'), count(y.careerRelated.count)]);
    rows.push([requests, year, t('reports.csv.outcomes.careerRelatedShare'), shareText(t, y.careerRelated, y.requests)]);
    rows.push([requests, year, t('reports.csv.outcomes.articlingStudents'), count(y.articlingStudents.count)]);
    rows.push([requests, year, t('reports.csv.outcomes.articlingStudentsShare'), shareText(t, y.articlingStudents, y.requests)]);
    rows.push([t('reports.csv.outcomes.circles'), year, t('reports.csv.outcomes.peopleSupported'), countText(t, y.peopleSupported, r.circleThreshold)]);
  }
  for (const m of r.milestones) {
    rows.push([t('reports.csv.outcomes.milestones'), m.year === null ? '' : String(m.year), t('reports.csv.outcomes.milestone', { count: m.count }), milestoneWhen(w, m)]);
  }
  const summary = t('reports.csv.outcomes.summary');
  rows.push([summary, '', t('reports.csv.outcomes.toDate'), count(r.totalMatches)]);
  if (r.matchesWithoutYear !== 0) rows.push([summary, '', t('reports.csv.outcomes.withoutYear'), count(r.matchesWithoutYear)]);
  rows.push([summary, '', t('reports.csv.outcomes.sumOfYears', { from: String(r.from), to: String(r.to) }), String(r.peopleSupportedSumOfYears)]);
  const note = t('reports.csv.note');
  rows.push([note, '', n > 1 ? t('reports.csv.outcomes.noteWithheld', { max: n - 1 }) : t('reports.csv.outcomes.noteNothingWithheld'), '']);
  rows.push([note, '', t('reports.csv.outcomes.notePeople', { threshold: r.circleThreshold }), '']);
  return csv(rows);
}
