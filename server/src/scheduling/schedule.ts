import { DateTime, IANAZone } from 'luxon';

/**
 * Pure schedule maths. The source of truth is the series' zone and local wall time, so noon stays noon
 * across daylight-saving changes; instants are derived from it for each date.
 */
export interface WeeklyRule {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local wall time, "HH:mm". */
  startLocal: string;
  durationMinutes: number;
  /** IANA zone, e.g. America/Edmonton. */
  timezone: string;
}

export interface DropInWindow {
  opensMinutesBefore: number;
  closesMinutesAfterEnd: number;
}

export interface Occurrence {
  /** The local calendar date, "YYYY-MM-DD", in the series' zone. */
  localDate: string;
  startsAt: Date;
  endsAt: Date;
  opensAt: Date;
  closesAt: Date;
}

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

function parseStart(startLocal: string): { hour: number; minute: number } {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(startLocal);
  if (!m) throw new RangeError(`Invalid local start time: ${startLocal}`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** The occurrence on `localDate`, or null when the rule has none that day (wrong weekday or bad date). */
export function occurrenceOn(rule: WeeklyRule, localDate: string, window: DropInWindow): Occurrence | null {
  const day = DateTime.fromISO(localDate, { zone: rule.timezone });
  if (!day.isValid || day.toISODate() !== localDate || day.weekday !== rule.weekday) return null;
  return instanceAt(localDate, rule.startLocal, rule.durationMinutes, rule.timezone, window);
}

/**
 * One meeting at a local date and wall time in `zone`, whatever the weekday (a moved session, a pop-up). The
 * `localDate` of the result is the date it meets on. Null for an impossible date.
 */
export function instanceAt(
  localDate: string,
  startLocal: string,
  durationMinutes: number,
  zone: string,
  window: DropInWindow,
): Occurrence | null {
  const day = DateTime.fromISO(localDate, { zone });
  if (!day.isValid || day.toISODate() !== localDate) return null;
  const { hour, minute } = parseStart(startLocal);
  const start = day.set({ hour, minute, second: 0, millisecond: 0 });
  const end = start.plus({ minutes: durationMinutes });
  return {
    localDate,
    startsAt: start.toJSDate(),
    endsAt: end.toJSDate(),
    opensAt: start.minus({ minutes: window.opensMinutesBefore }).toJSDate(),
    closesAt: end.plus({ minutes: window.closesMinutesAfterEnd }).toJSDate(),
  };
}

/** The first occurrence whose drop-in window has not yet closed at `now` (the one in progress, or the next). */
export function nextOccurrence(rule: WeeklyRule, now: Date, window: DropInWindow): Occurrence {
  const local = DateTime.fromJSDate(now, { zone: rule.timezone }).startOf('day');
  const ahead = (rule.weekday - local.weekday + 7) % 7;
  // Today's (or this week's) date may already be closed; then the one a week later is next.
  for (const offset of [ahead - 7, ahead, ahead + 7]) {
    if (offset < -1) continue; // only yesterday can still be open (a circle running past midnight)
    const date = local.plus({ days: offset }).toISODate();
    if (!date) continue;
    const occ = occurrenceOn(rule, date, window);
    if (occ && occ.closesAt.getTime() > now.getTime()) return occ;
  }
  throw new Error('unreachable: a weekly rule always has an occurrence within two weeks');
}

export function isWindowOpen(occ: Occurrence, now: Date): boolean {
  const t = now.getTime();
  return t >= occ.opensAt.getTime() && t < occ.closesAt.getTime();
}

/** An instant as wall-clock time in `zone`, "YYYY-MM-DDTHH:mm". */
export function wallClock(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}
