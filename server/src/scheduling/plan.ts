import { DateTime } from 'luxon';
import { msg, type Msg } from '../../../shared/i18n/translate';
import type { HolidayLookup } from './holidays';
import { instanceAt, occurrenceOn, type DropInWindow, type Occurrence, type WeeklyRule } from './schedule';
import { sessionIdOf } from './sessionId';

/**
 * Pure planning: which sessions a series has between two dates, after holidays, skips, cancellations and moves.
 * A session keeps the id of its original occurrence even when moved, so links and calendar UIDs stay stable.
 */
export interface SeriesPlan {
  id: string;
  kind: 'weekly' | 'popup';
  rule: WeeklyRule;
  /** First local date with a session (a pop-up's only date). */
  startsOn: string;
  /** Last local date with a session (ended or paused series), or null. */
  endsOn: string | null;
  skipHolidays: boolean;
}

export interface SessionOverride {
  localDate: string;
  state: 'cancelled' | 'skipped' | 'restored' | null;
  note: string | null;
  movedDate: string | null;
  movedStartLocal: string | null;
  movedDurationMinutes: number | null;
  hostId: string | null;
  backupId: string | null;
  sequence: number;
}

export type SessionStatus = 'scheduled' | 'moved' | 'cancelled' | 'skipped';

export interface PlannedSession {
  id: string;
  seriesId: string;
  /** The original occurrence date: the session's identity. */
  localDate: string;
  status: SessionStatus;
  /**
   * Shown to members when the circle does not meet or was moved: staff's words as typed, or (a holiday skip) a
   * message rendered in each reader's locale ("No circle on Family Day").
   */
  note: string | Msg | null;
  /** The general holiday (the program's region) on the original date, whether or not it is skipped. */
  holiday: string | null;
  /** When it meets (after a move). */
  occurrence: Occurrence;
  hostId: string | null;
  backupId: string | null;
  sequence: number;
}

/** Original occurrence dates of a series between two local dates, inclusive. */
export function occurrenceDates(series: SeriesPlan, from: string, to: string): string[] {
  const first = maxDate(from, series.startsOn);
  const last = series.endsOn ? minDate(to, series.endsOn) : to;
  if (first > last) return [];
  if (series.kind === 'popup') return series.startsOn >= first && series.startsOn <= last ? [series.startsOn] : [];
  const start = DateTime.fromISO(first, { zone: 'UTC' });
  let day = start.plus({ days: (series.rule.weekday - start.weekday + 7) % 7 });
  const dates: string[] = [];
  while (day.toISODate()! <= last) {
    dates.push(day.toISODate()!);
    day = day.plus({ weeks: 1 });
  }
  return dates;
}

/** Whether `localDate` is an original occurrence of the series. */
export function isOccurrenceDate(series: SeriesPlan, localDate: string): boolean {
  return occurrenceDates(series, localDate, localDate)[0] === localDate;
}

/** One session of a series on its original date, with overrides and holidays applied; null if there is none. */
export function planSession(
  series: SeriesPlan,
  localDate: string,
  override: SessionOverride | undefined,
  holidays: HolidayLookup,
  window: DropInWindow,
): PlannedSession | null {
  if (!DateTime.fromISO(localDate).isValid || !isOccurrenceDate(series, localDate)) return null;
  const original =
    series.kind === 'popup'
      ? instanceAt(localDate, series.rule.startLocal, series.rule.durationMinutes, series.rule.timezone, window)
      : occurrenceOn(series.rule, localDate, window);
  if (!original) return null;
  const holiday = holidays(localDate);
  let status: SessionStatus = 'scheduled';
  let note: string | Msg | null = override?.note ?? null;
  let occurrence = original;
  if (override?.state === 'cancelled') status = 'cancelled';
  else if (override?.state === 'skipped') status = 'skipped';
  else if (holiday && series.skipHolidays && override?.state !== 'restored') {
    status = 'skipped';
    note = msg('scheduling.note.holiday', { holiday });
  }
  if (status === 'scheduled' && override?.movedDate && override.movedStartLocal) {
    const moved = instanceAt(
      override.movedDate,
      override.movedStartLocal,
      override.movedDurationMinutes ?? series.rule.durationMinutes,
      series.rule.timezone,
      window,
    );
    if (moved) {
      occurrence = moved;
      status = 'moved';
    }
  }
  return {
    id: sessionIdOf(series.id, localDate),
    seriesId: series.id,
    localDate,
    status,
    note,
    holiday,
    occurrence,
    hostId: override?.hostId ?? null,
    backupId: override?.backupId ?? null,
    sequence: override?.sequence ?? 0,
  };
}

/** Sessions whose original date lies between `from` and `to` (local dates, inclusive), in date order. */
export function planSessions(
  series: SeriesPlan,
  from: string,
  to: string,
  overrides: ReadonlyMap<string, SessionOverride>,
  holidays: HolidayLookup,
  window: DropInWindow,
): PlannedSession[] {
  return occurrenceDates(series, from, to)
    .map((d) => planSession(series, d, overrides.get(d), holidays, window))
    .filter((s): s is PlannedSession => s !== null);
}

/** Whether people can drop in: not cancelled, not skipped. */
export function meets(s: PlannedSession): boolean {
  return s.status === 'scheduled' || s.status === 'moved';
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
