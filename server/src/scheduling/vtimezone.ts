import { DateTime, IANAZone } from 'luxon';

/**
 * VTIMEZONE components (RFC 5545 §3.6.5) written from the zone data this process runs on, so a calendar feed
 * tells subscribers the same offsets the server used to place its events. A bundled copy of the rules goes stale
 * the day a government changes them (Alberta's permanent UTC−6 from 2026-11-01); Intl (read through luxon) is
 * the runtime's own IANA data and is updated with it.
 *
 * Intl offers offsets, not transitions, so the transitions are found by probing: the offset every four days across
 * the range, and each change narrowed to its second by bisection. One component per observance the range
 * touches, each with its real onset (no RRULEs): exact wherever the data is, and compact enough (about twenty
 * components for ten years of a zone that still changes its clocks, one for a zone that does not).
 */

/** One observance: the zone's offset from `onset` until the next observance's onset. */
export interface Observance {
  kind: 'STANDARD' | 'DAYLIGHT';
  /** The instant it takes effect. */
  onset: Date;
  /** Seconds east of UTC before and from the onset. */
  offsetFrom: number;
  offsetTo: number;
  /** TZNAME: informational only; clients place events by the offsets. */
  name: string;
}

export interface VtimezoneOptions {
  /**
   * What to call the zone's time once it has stopped changing clocks, where the runtime still names it as
   * daylight time (ICU's CLDR names say "MDT" for Alberta's permanent UTC−6). Default: the plain offset,
   * "UTC-06:00".
   */
  settledName?: string;
}

const SECOND = 1000;
const DAY = 86_400 * SECOND;
/**
 * The probe step. Two transitions closer together than this that cancel out would go unseen. The closest pairs in
 * any zone from 1990 to 2045 are a week apart (north-east Brazil in 2000, Gaza's Ramadan pauses predicted for the
 * 2040s), so four days leaves a margin.
 */
const STEP = 4 * DAY;
/** How far to look on either side of a transition for its seasonal partner. */
const SEASON = 400 * DAY;
/** How far before the range to look for the observance in effect at its start. */
const MAX_LOOKBACK_YEARS = 10;

interface Transition {
  at: number;
  from: number;
  to: number;
}

/**
 * The observances that place every instant in [from, to] in `zone`: the one in effect at `from` (with its real
 * onset, found up to ten years back) and every one that starts after it until `to`. For a zone that has
 * kept one offset for ten years before `from` and keeps it until `to`, a single STANDARD observance whose onset
 * is local midnight of `from`'s date.
 *
 * STANDARD or DAYLIGHT: an offset raised and lowered again within a year (or raised again a year after being
 * lowered) is daylight time; any other offset is standard time. A zone that raised its offset for the summer and
 * then did not lower it where last year's rule would have (same month, same nth or last weekday, same wall time)
 * has made its daylight time its standard time: the DAYLIGHT observance ends there and a STANDARD one with the
 * same offset begins. IANA models Alberta's 2026 change that way (MDT until 2026-11-01 02:00, then −06 standard),
 * but Intl cannot show a change that leaves the offset alone (Node 24.21, ICU with tz 2026c, reports −06:00 and
 * the name "MDT" on both sides of 2026-11-01 02:00), so this is inferred from the zone's own history: it is no
 * copy of the rule, and a runtime that labels the change differently still yields the same offsets.
 */
export function observances(zone: string, from: Date, to: Date, options: VtimezoneOptions = {}): Observance[] {
  const tz = IANAZone.create(zone);
  if (!tz.isValid) throw new RangeError(`Unknown time zone: ${zone}`);
  const start = Math.floor(from.getTime() / SECOND) * SECOND;
  const end = Math.ceil(to.getTime() / SECOND) * SECOND;
  if (!(end >= start)) throw new RangeError('The range must end at or after its start');
  const offset = (t: number) => Math.round(tz.offset(t) * 60);
  const yearOf = (t: number) => new Date(t).getUTCFullYear();
  const lastYear = yearOf(end + SEASON);
  const scannedUntil = Date.UTC(lastYear + 1, 0, 1);

  // Reach back until the observance in effect at `from` and the one before it are known (to classify it).
  let firstYear = yearOf(start - SEASON);
  let transitions = transitionsIn(zone, offset, firstYear, lastYear);
  while (transitions.filter((t) => t.at <= start).length < 2 && yearOf(start) - firstYear < MAX_LOOKBACK_YEARS) {
    firstYear -= 1;
    transitions = [...transitionsIn(zone, offset, firstYear, firstYear), ...transitions];
  }

  const all: Array<Omit<Observance, 'name'>> = transitions.map((t, i) => ({
    kind: isDaylight(transitions, i) ? 'DAYLIGHT' : 'STANDARD',
    onset: new Date(t.at),
    offsetFrom: t.from,
    offsetTo: t.to,
  }));
  const settled = settledAt(transitions, scannedUntil);
  if (settled !== null) all.push({ kind: 'STANDARD', onset: new Date(settled.at), offsetFrom: settled.offset, offsetTo: settled.offset });

  const inEffect = all.filter((o) => o.onset.getTime() <= start).at(-1) ?? sinceMidnight(start, offset(start));
  return [inEffect, ...all.filter((o) => o.onset.getTime() > start && o.onset.getTime() <= end)].map((o) => ({
    ...o,
    name: nameOf(tz, o, options),
  }));
}

/** The VTIMEZONE component for `zone` covering [from, to], lines joined with CRLF. */
export function vtimezone(zone: string, from: Date, to: Date, options: VtimezoneOptions = {}): string {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  for (const o of observances(zone, from, to, options)) {
    lines.push(
      `BEGIN:${o.kind}`,
      // RFC 5545: the onset as local time in the offset in effect before it.
      `DTSTART:${localStamp(o.onset.getTime(), o.offsetFrom)}`,
      `TZOFFSETFROM:${utcOffset(o.offsetFrom)}`,
      `TZOFFSETTO:${utcOffset(o.offsetTo)}`,
      `TZNAME:${text(o.name)}`,
      `END:${o.kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/**
 * Offset changes by zone and UTC calendar year. Zone data cannot change while the process runs, and a feed asks
 * for the same years every time it is fetched: each year is probed once (bounded by zones in use × years asked).
 */
const byYear = new Map<string, Transition[]>();

function transitionsIn(zone: string, offset: (t: number) => number, firstYear: number, lastYear: number): Transition[] {
  const out: Transition[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const key = `${zone} ${year}`;
    let found = byYear.get(key);
    if (!found) {
      found = scan(offset, Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1));
      byYear.set(key, found);
    }
    out.push(...found);
  }
  return out;
}

/** Offset changes in (a, b], each at the first second of its new offset. */
function scan(offset: (t: number) => number, a: number, b: number): Transition[] {
  const out: Transition[] = [];
  let t = a;
  let o = offset(t);
  while (t < b) {
    const next = Math.min(t + STEP, b);
    const on = offset(next);
    if (on !== o) out.push({ at: bisect(offset, t, next, o), from: o, to: on });
    t = next;
    o = on;
  }
  return out;
}

/** The first second in (lo, hi] whose offset differs from `before`, the offset at `lo`. */
function bisect(offset: (t: number) => number, lo: number, hi: number, before: number): number {
  while (hi - lo > SECOND) {
    const mid = lo + Math.floor((hi - lo) / (2 * SECOND)) * SECOND;
    if (offset(mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** A raise that is undone within a season, or that redoes one undone a season before. */
function isDaylight(ts: Transition[], i: number): boolean {
  const t = ts[i]!;
  if (t.to <= t.from) return false;
  const next = ts[i + 1];
  const prev = ts[i - 1];
  return (next !== undefined && next.to < t.to && next.at - t.at < SEASON) || (prev !== undefined && prev.from >= t.to && t.at - prev.at < SEASON);
}

/**
 * Where a zone that stopped changing its clocks after raising them (the last transition a raise, the one before
 * it the matching fall-back) would have fallen back by last year's rule, when that moment is inside the data
 * scanned and nothing happened; null otherwise.
 */
function settledAt(ts: Transition[], scannedUntil: number): { at: number; offset: number } | null {
  const last = ts.at(-1);
  const prev = ts.at(-2);
  if (!last || !prev || last.to <= last.from || prev.from !== last.to || prev.to !== last.from || last.at - prev.at >= SEASON) return null;
  const wall = DateTime.fromMillis(prev.at + prev.from * SECOND, { zone: 'UTC' });
  const nth = Math.ceil(wall.day / 7);
  const isLast = wall.day + 7 > wall.daysInMonth!;
  const month = wall.plus({ years: 1 }).startOf('month');
  const firstSame = month.plus({ days: (wall.weekday - month.weekday + 7) % 7 });
  let day = firstSame.plus({ weeks: nth - 1 });
  if (isLast) while (day.plus({ weeks: 1 }).month === month.month) day = day.plus({ weeks: 1 });
  const at = day.set({ hour: wall.hour, minute: wall.minute, second: wall.second }).toMillis() - last.to * SECOND;
  return at > last.at && at <= scannedUntil ? { at, offset: last.to } : null;
}

/** One observance for a zone with no change in the ten years before `start`: from local midnight that day. */
function sinceMidnight(start: number, offset: number): Omit<Observance, 'name'> {
  const midnight = DateTime.fromMillis(start + offset * SECOND, { zone: 'UTC' }).startOf('day').toMillis() - offset * SECOND;
  return { kind: 'STANDARD', onset: new Date(midnight), offsetFrom: offset, offsetTo: offset };
}

/**
 * The runtime's own short name (MST, EDT, CST), unless it contradicts the observance: a standard observance that
 * ICU still calls daylight or summer time takes the settled name, because "MDT" for a zone that has no daylight
 * time any more would mislead anyone who reads it.
 */
function nameOf(tz: IANAZone, o: Omit<Observance, 'name'>, options: VtimezoneOptions): string {
  const at = o.onset.getTime();
  const plain = `UTC${utcOffset(o.offsetTo, ':')}`;
  const long = tz.offsetName(at, { format: 'long', locale: 'en-US' }) ?? '';
  if (o.kind === 'STANDARD' && /daylight|summer/i.test(long)) return options.settledName ?? plain;
  return tz.offsetName(at, { format: 'short', locale: 'en-US' }) || plain;
}

/** "-0700", "+0530", "-073352" (seconds only when there are any); "-07:00" with a separator. */
function utcOffset(seconds: number, separator = ''): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  const two = (n: number) => String(n).padStart(2, '0');
  const hm = `${two(Math.floor(abs / 3600))}${separator}${two(Math.floor((abs % 3600) / 60))}`;
  return `${sign}${hm}${abs % 60 ? `${separator}${two(abs % 60)}` : ''}`;
}

/** Local date-time "YYYYMMDDTHHMMSS" of an instant at a given offset. */
function localStamp(at: number, offset: number): string {
  return DateTime.fromMillis(at + offset * SECOND, { zone: 'UTC' }).toFormat("yyyyMMdd'T'HHmmss");
}

/** RFC 5545 TEXT escaping. */
function text(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}
