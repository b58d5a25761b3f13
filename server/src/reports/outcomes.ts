import type { MatchCount, Milestone, OutcomesQuery, OutcomesReport, OutcomesYear, RequestShare } from '../../../shared/schemas/outcomes';
import type { HistoryYear } from '../matching/history.repository';
import { publishCount } from './disclosure';

export const MILESTONE_STEP = 100;

/** What the stores give the outcomes report, before any disclosure control. Exported for the unit tests. */
export interface RawOutcomes {
  /** This year in the program's zone: the last year shown when none is asked for. */
  thisYear: number;
  /** Staff-entered yearly totals from before the platform. */
  history: readonly HistoryYear[];
  /** Matches before the platform with no year on record (MATCHES_BEFORE_PLATFORM while there is no history). */
  unrecorded: number;
  /** Every match made on Red Mug, in the order it was accepted, as its year and month in the program's zone. */
  accepted: ReadonlyArray<{ year: number; month: number }>;
  /** Requests made on Red Mug, per year of arrival (in the program's zone). */
  requests: ReadonlyArray<{ year: number; requests: number; careerRelated: number; articlingStudents: number }>;
  /** Lawyers and articling students counted at the circles, per reporting year (attendance's yearly reach). */
  reach: ReadonlyArray<{ year: number; people: number }>;
}

/**
 * Complementary small-cell suppression over linked tables (matching's rule, `suppressSmallCells`, generalised):
 * every count from 1 to threshold − 1 is withheld; then, wherever a relation (cells that add up: the parts of a
 * year and the year, the years and their total) has exactly one withheld cell — which the others would give away
 * — its smallest shown non-zero cell is withheld too, until no relation has a lone withheld cell. Zero is shown.
 * Each relation lists the parts and the total it adds up to, so a lone withheld part beside a zero rest also
 * withholds the total. Returns the withheld cells' indexes.
 */
export function suppressLinked(values: readonly number[], relations: ReadonlyArray<readonly number[]>, threshold: number): Set<number> {
  const hidden = new Set<number>();
  if (threshold <= 1) return hidden;
  values.forEach((v, i) => {
    if (v > 0 && v < threshold) hidden.add(i);
  });
  for (let changed = true; changed; ) {
    changed = false;
    for (const relation of relations) {
      if (relation.filter((i) => hidden.has(i)).length !== 1) continue;
      let partner = -1;
      for (const i of relation) {
        if (hidden.has(i) || values[i]! === 0) continue;
        if (partner === -1 || values[i]! < values[partner]!) partner = i;
      }
      if (partner !== -1) {
        hidden.add(partner);
        changed = true;
      }
    }
  }
  return hidden;
}

/** A grid of named cells and the relations between them, so the report reads cells by name, not by index. */
class Cells {
  readonly values: number[] = [];
  readonly relations: number[][] = [];
  private readonly index = new Map<string, number>();
  add(name: string, value: number): void {
    this.index.set(name, this.values.length);
    this.values.push(value);
  }
  relate(...names: string[]): void {
    this.relations.push(names.map((n) => this.index.get(n)!));
  }
  publish(threshold: number): (name: string) => MatchCount {
    const hidden = suppressLinked(this.values, this.relations, threshold);
    return (name) => {
      const i = this.index.get(name)!;
      return hidden.has(i) ? null : this.values[i]!;
    };
  }
}

function shareOf(count: MatchCount, base: MatchCount): RequestShare {
  // No share from a withheld base, and none of an empty year.
  if (count === null || base === null || base === 0) return { count, share: null };
  return { count, share: Math.round((count / base) * 1000) / 10 };
}

/**
 * The outcomes report from raw figures: matches per year and the milestone timeline, the yearly shares of requests
 * that are career-related and from articling students, and the people the circles supported per year. Matches and
 * requests go through `suppressLinked` (matching's rule) over every year on record, whatever years are asked
 * for, so asking for different ranges cannot uncover a cell; people go through the attendance rule
 * (`publishCount`: withheld under N, zero included, otherwise rounded to a multiple of N).
 */
export function buildOutcomes(q: OutcomesQuery, raw: RawOutcomes, t: { threshold: number; circleThreshold: number }): OutcomesReport {
  const history = new Map(raw.history.map((h) => [h.year, h]));
  const platformMatches = new Map<number, number>();
  for (const a of raw.accepted) platformMatches.set(a.year, (platformMatches.get(a.year) ?? 0) + 1);
  const requests = new Map(raw.requests.map((r) => [r.year, r]));
  const reach = new Map(raw.reach.map((r) => [r.year, r.people]));
  const dataYears = [...new Set([...history.keys(), ...platformMatches.keys(), ...requests.keys(), ...reach.keys()])].sort((a, b) => a - b);

  const to = q.to ?? Math.max(raw.thisYear, q.from ?? raw.thisYear);
  const from = q.from ?? Math.max(Math.min(dataYears[0] ?? to, to), to - 49);
  const shown = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const years = [...new Set([...dataYears, ...shown])].sort((a, b) => a - b);

  const cells = new Cells();
  const sum = { m: raw.unrecorded, b: 0, c: 0, a: 0 };
  for (const y of years) {
    const h = history.get(y);
    const r = requests.get(y);
    const m = (h?.matches ?? 0) + (platformMatches.get(y) ?? 0);
    const b = (h?.requests ?? 0) + (r?.requests ?? 0);
    const c = (h?.careerRelated ?? 0) + (r?.careerRelated ?? 0);
    const a = (h?.articlingStudents ?? 0) + (r?.articlingStudents ?? 0);
    cells.add(`m${y}`, m);
    cells.add(`b${y}`, b);
    cells.add(`c${y}`, c);
    cells.add(`cr${y}`, b - c);
    cells.add(`a${y}`, a);
    cells.add(`ar${y}`, b - a);
    cells.relate(`c${y}`, `cr${y}`, `b${y}`);
    cells.relate(`a${y}`, `ar${y}`, `b${y}`);
    sum.m += m;
    sum.b += b;
    sum.c += c;
    sum.a += a;
  }
  cells.add('mU', raw.unrecorded);
  cells.add('mT', sum.m);
  // Totals over all years are cells too: the statistics page publishes its own, and each is a sum of the years.
  for (const [name, value] of [['bT', sum.b], ['cT', sum.c], ['crT', sum.b - sum.c], ['aT', sum.a], ['arT', sum.b - sum.a]] as const) cells.add(name, value);
  cells.relate(...years.map((y) => `m${y}`), 'mU', 'mT');
  for (const col of ['b', 'c', 'cr', 'a', 'ar']) cells.relate(...years.map((y) => `${col}${y}`), `${col}T`);
  cells.relate('cT', 'crT', 'bT');
  cells.relate('aT', 'arT', 'bT');
  const published = cells.publish(t.threshold);

  const rows: OutcomesYear[] = shown.map((y) => {
    const base = published(`b${y}`);
    return {
      year: y,
      matches: published(`m${y}`),
      fromHistory: history.has(y),
      requests: base,
      careerRelated: shareOf(published(`c${y}`), base),
      articlingStudents: shareOf(published(`a${y}`), base),
      peopleSupported: publishCount(reach.get(y) ?? 0, t.circleThreshold),
    };
  });

  return {
    from,
    to,
    threshold: t.threshold,
    circleThreshold: t.circleThreshold,
    totalMatches: published('mT'),
    matchesWithoutYear: published('mU'),
    milestones: milestones(raw, years, t.threshold),
    nextMilestone: (Math.floor(sum.m / MILESTONE_STEP) + 1) * MILESTONE_STEP,
    years: rows,
    // The sum of what is shown, never of raw counts, so it tells nothing the years do not.
    peopleSupportedSumOfYears: rows.reduce((s, r) => s + (r.peopleSupported ?? 0), 0),
  };
}

/**
 * Every hundredth match, in order: first those with no year on record, then year by year the staff-entered history
 * (before the platform, so first within its year) and the matches made here. A match made here is dated by its
 * month only where that month had at least `threshold` matches, so a date never points at a month of one or two
 * matches (and never at a day); otherwise by its year.
 */
function milestones(raw: RawOutcomes, years: readonly number[], threshold: number): Milestone[] {
  const perMonth = new Map<string, number>();
  for (const a of raw.accepted) perMonth.set(`${a.year}-${a.month}`, (perMonth.get(`${a.year}-${a.month}`) ?? 0) + 1);
  const byYear = new Map<number, Array<{ year: number; month: number }>>();
  for (const a of raw.accepted) byYear.set(a.year, [...(byYear.get(a.year) ?? []), a]);

  const out: Milestone[] = [];
  let made = 0;
  const reach = (n: number, at: (k: number) => Omit<Milestone, 'count'>) => {
    // `at(k)`: where the k-th match (0-based) of this block falls.
    for (let next = (Math.floor(made / MILESTONE_STEP) + 1) * MILESTONE_STEP; next <= made + n; next += MILESTONE_STEP) {
      out.push({ count: next, ...at(next - made - 1) });
    }
    made += n;
  };
  reach(raw.unrecorded, () => ({ source: 'unrecorded', year: null, month: null }));
  const history = new Map(raw.history.map((h) => [h.year, h.matches]));
  for (const y of years) {
    reach(history.get(y) ?? 0, () => ({ source: 'history', year: y, month: null }));
    const here = byYear.get(y) ?? [];
    reach(here.length, (k) => {
      const m = here[k]!;
      return { source: 'platform', year: y, month: (perMonth.get(`${y}-${m.month}`) ?? 0) >= threshold ? m.month : null };
    });
  }
  return out;
}
