import type { AttendanceReport, Count, MilestonesReport, ReportCell } from './schemas/reports';

/** How a published count reads everywhere: the page, the charts' labels and the CSV. */
export function formatCount(count: Count, threshold: number): string {
  return count === null ? `fewer than ${threshold}` : String(count);
}

/** One CSV field: always quoted, and a value a spreadsheet would read as a formula made plain text. */
export function csvField(v: string): string {
  // Quote everything and neutralise spreadsheet formulas (a topic could start with "=").
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * The CSV export: exactly the figures on screen, already suppressed and rounded by the server. Built from the
 * same response the page renders, so it can never hold more than the page shows.
 */
export function attendanceReportCsv(r: AttendanceReport, m?: MilestonesReport): string {
  const t = r.threshold;
  const rows: string[][] = [['section', 'item', 'value']];
  const cells = (section: string, list: ReportCell[]) => list.forEach((c) => rows.push([section, c.label, formatCount(c.count, t)]));
  rows.push(['period', 'from', r.from], ['period', 'to', r.to]);
  rows.push(['summary', 'sessions held', String(r.sessionsHeld)]);
  rows.push(['summary', 'attendance', formatCount(r.attendance, t)]);
  rows.push(['summary', 'unique individuals', formatCount(r.uniqueIndividuals, t)]);
  cells('new versus returning', r.newVersusReturning);
  rows.push(['summary', 'average minutes in the circle', r.averageMinutes === null ? 'withheld' : String(r.averageMinutes)]);
  cells('attendance per session', r.bySession);
  cells('attendees by kind', r.byKind);
  cells('attendance by topic', r.byTopic);
  if (m) {
    for (const y of m.years) {
      rows.push([`reporting year ${y.year}`, 'unique individuals', formatCount(y.uniqueIndividuals, m.threshold)]);
      cells(`reporting year ${y.year} by kind`, y.byKind);
    }
    rows.push(['milestones', 'sum of yearly unique figures (not unique across years)', String(m.sumOfYearlyFigures)]);
  }
  rows.push(['note', `groups under ${t} people of one kind at one session count nowhere; counts under ${t}, zero included, are withheld; others are rounded to a multiple of ${t}`, '']);
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
