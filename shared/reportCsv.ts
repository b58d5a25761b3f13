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
 * same response the page renders, so it can never hold more than the page shows. Online and in-person figures
 * stand side by side, a column each; a figure one format does not have (unique individuals are counted only
 * online, where attendees have yearly pseudonyms) is blank in the other's column.
 */
export function attendanceReportCsv(r: AttendanceReport, m?: MilestonesReport): string {
  const t = r.threshold;
  const ip = r.inPerson;
  const rows: string[][] = [['section', 'item', 'online', 'in person']];
  const online = (section: string, item: string, value: string) => rows.push([section, item, value, '']);
  const cells = (section: string, list: ReportCell[]) => list.forEach((c) => online(section, c.label, formatCount(c.count, t)));
  rows.push(['period', 'from', r.from, r.from], ['period', 'to', r.to, r.to]);
  rows.push(['summary', 'sessions held', String(r.sessionsHeld), String(ip.sessionsHeld)]);
  rows.push(['summary', 'attendance', formatCount(r.attendance, t), formatCount(ip.attendance, t)]);
  online('summary', 'unique individuals', formatCount(r.uniqueIndividuals, t));
  cells('new versus returning', r.newVersusReturning);
  online('summary', 'average minutes in the circle', r.averageMinutes === null ? 'withheld' : String(r.averageMinutes));
  // Both formats' kinds, in one order; "kind not said" is in person only.
  const kinds = [...new Set([...r.byKind, ...ip.byKind].map((c) => c.key))];
  for (const key of kinds) {
    const on = r.byKind.find((c) => c.key === key);
    const off = ip.byKind.find((c) => c.key === key);
    rows.push(['attendees by kind', (on ?? off)!.label, on ? formatCount(on.count, t) : '', off ? formatCount(off.count, t) : '']);
  }
  cells('attendance by topic', r.byTopic);
  cells('attendance per session', r.bySession);
  ip.bySession.forEach((c) => rows.push(['attendance per session', c.label, '', formatCount(c.count, t)]));
  if (m) {
    for (const y of m.years) {
      online(`reporting year ${y.year}`, 'unique individuals', formatCount(y.uniqueIndividuals, m.threshold));
      y.byKind.forEach((c) => online(`reporting year ${y.year} by kind`, c.label, formatCount(c.count, m.threshold)));
    }
    online('milestones', 'sum of yearly unique figures (not unique across years)', String(m.sumOfYearlyFigures));
  }
  rows.push([
    'note',
    `groups under ${t} people of one kind at one session count nowhere (in person, the part of a headcount not split by kind is one group); counts under ${t}, zero included, are withheld; others are rounded to a multiple of ${t}`,
    '',
    '',
  ]);
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
