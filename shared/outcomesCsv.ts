import { csvField } from './reportCsv';
import type { MatchCount, Milestone, OutcomesReport, RequestShare } from './schemas/outcomes';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** How a matching count reads on the page, in the charts' labels and in the CSV. */
export function formatMatchCount(count: MatchCount, threshold: number): string {
  return count === null ? `fewer than ${threshold}` : String(count);
}

/** A share as it reads: "42.9 %", or why there is none. */
export function formatShare(s: RequestShare, base: MatchCount): string {
  if (s.share !== null) return `${s.share} %`;
  return base === 0 ? 'no requests' : 'withheld';
}

/** When a milestone was reached, as precisely as the report allows: "March 2026", "2022", or before the platform. */
export function milestoneWhen(m: Milestone): string {
  if (m.year === null) return 'before Red Mug (year not recorded)';
  return m.month === null ? String(m.year) : `${MONTHS[m.month - 1]} ${m.year}`;
}

/** "100th", "400th": every milestone is a multiple of a hundred. */
export const milestoneName = (m: Pick<Milestone, 'count'>) => `${m.count}th match`;

/**
 * The outcomes CSV: exactly the figures on screen, as the server withheld and rounded them, one figure per row
 * (section, year, item, value) so a spreadsheet can pivot it. Built from the response the page renders.
 */
export function outcomesCsv(r: OutcomesReport): string {
  const t = r.threshold;
  const rows: string[][] = [['section', 'year', 'item', 'value']];
  for (const y of r.years) {
    const year = String(y.year);
    rows.push(['matches', year, 'matches made', formatMatchCount(y.matches, t)]);
    if (y.fromHistory) rows.push(['matches', year, 'includes history entered by staff', 'yes']);
    rows.push(['requests', year, 'requests for a matched peer', formatMatchCount(y.requests, t)]);
    rows.push(['requests', year, 'career-related requests', formatMatchCount(y.careerRelated.count, t)]);
    rows.push(['requests', year, 'career-related share', formatShare(y.careerRelated, y.requests)]);
    rows.push(['requests', year, 'requests from articling students', formatMatchCount(y.articlingStudents.count, t)]);
    rows.push(['requests', year, 'articling students share', formatShare(y.articlingStudents, y.requests)]);
    rows.push(['circles', year, 'people supported through the circles', y.peopleSupported === null ? `fewer than ${r.circleThreshold}` : String(y.peopleSupported)]);
  }
  for (const m of r.milestones) rows.push(['milestones', m.year === null ? '' : String(m.year), milestoneName(m), milestoneWhen(m)]);
  rows.push(['summary', '', 'matches to date', formatMatchCount(r.totalMatches, t)]);
  if (r.matchesWithoutYear !== 0) rows.push(['summary', '', 'matches before Red Mug with no year on record', formatMatchCount(r.matchesWithoutYear, t)]);
  rows.push(['summary', '', `people supported: sum of the yearly figures ${r.from}–${r.to} (not unique across years)`, String(r.peopleSupportedSumOfYears)]);
  rows.push([
    'note',
    '',
    t > 1
      ? `match and request counts from 1 to ${t - 1} are withheld, with another beside any that a total would give away; no share is computed from a withheld count`
      : 'no match or request count is withheld (threshold 1)',
    '',
  ]);
  rows.push(['note', '', `people supported: counted once per reporting year; groups under ${r.circleThreshold} count nowhere; under ${r.circleThreshold} (zero included) withheld, others rounded to a multiple of ${r.circleThreshold}`, '']);
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
