import { DateTime } from 'luxon';
import type { PublicUser } from '../../../shared/schemas/auth';
import { LocalDate } from '../../../shared/schemas/scheduling';
import type { Queryable } from '../store/db';
import { programHolidayOn } from './holidays';
import { meets, planSession, planSessions, type PlannedSession, type SeriesPlan } from './plan';
import { wallClock, type DropInWindow, type WeeklyRule } from './schedule';
import { schedulingRepository, venueOf, type OverrideRow, type SeriesRow } from './scheduling.repository';
import { parseSessionId } from './sessionId';

/** A planned session with what the store adds: its topic and whether an assigned host declined. */
export interface LoadedSession {
  series: SeriesRow;
  planned: PlannedSession;
  /** This session's topic, or the series' default. */
  topic: string | null;
  /** Staff set a topic for this session. */
  topicSet: boolean;
  hostDeclined: boolean;
  backupDeclined: boolean;
}

export function ruleOf(s: SeriesRow): WeeklyRule {
  return { weekday: s.weekday, startLocal: s.start_local, durationMinutes: s.duration_minutes, timezone: s.timezone };
}

export function planOf(s: SeriesRow): SeriesPlan {
  return {
    id: s.id,
    kind: s.kind,
    rule: ruleOf(s),
    startsOn: s.starts_on,
    endsOn: s.kind === 'popup' ? s.starts_on : s.ends_on,
    skipHolidays: s.skip_holidays,
  };
}

/** The series' drop-in window, each side falling back to the configured default. */
export function windowOf(s: SeriesRow, fallback: DropInWindow): DropInWindow {
  return {
    opensMinutesBefore: s.dropin_opens_minutes_before ?? fallback.opensMinutesBefore,
    closesMinutesAfterEnd: s.dropin_closes_minutes_after_end ?? fallback.closesMinutesAfterEnd,
  };
}

/**
 * Whether a person may attend a series' sessions. Auditors may attend none: they read the audit log only, and an
 * auditor in a circle would be an observer nobody there agreed to. Volunteers and staff may attend any; a volunteer meeting is
 * theirs alone. An early-career circle is
 * for articling students and lawyers called within `audience_max_years`; a lawyer whose year of call is unknown is
 * let in, because a drop-in circle that turns away the people it is for does more harm than one that seats an
 * extra senior lawyer.
 */
export function mayAttend(user: PublicUser, s: Pick<SeriesRow, 'audience' | 'audience_max_years'>, now: Date): boolean {
  if (user.role === 'auditor') return false;
  // The informal volunteer meetings: every volunteer account, current or not (a meeting is where a lapsed volunteer
  // hears about renewing), and staff; never members. The red mug and host rights there still need readiness.
  if (s.audience === 'volunteers') return user.role === 'volunteer' || user.role === 'staff';
  if (user.role !== 'member') return true;
  if (s.audience === 'articling_students') return user.memberKind === 'articling_student';
  if (s.audience === 'early_career' && user.memberKind === 'lawyer' && user.yearOfCall !== null && s.audience_max_years !== null) {
    return now.getUTCFullYear() - user.yearOfCall <= s.audience_max_years;
  }
  return true;
}

function loaded(series: SeriesRow, planned: PlannedSession, topic: string | undefined, o: OverrideRow | undefined): LoadedSession {
  return {
    series,
    planned,
    topic: topic ?? series.default_topic,
    topicSet: topic !== undefined,
    hostDeclined: o?.hostDeclined ?? false,
    backupDeclined: o?.backupDeclined ?? false,
  };
}

/** Sessions of these series whose original date lies between two local dates, in order of start. */
export async function loadSessions(
  db: Queryable,
  series: SeriesRow[],
  from: string,
  to: string,
  window: DropInWindow,
): Promise<LoadedSession[]> {
  const repo = schedulingRepository(db);
  const ids = series.map((s) => s.id);
  const [overrides, topics] = await Promise.all([repo.overrides(ids, from, to), repo.topics(ids, from, to)]);
  const key = (seriesId: string, d: string) => `${seriesId} ${d}`;
  const byKey = new Map(overrides.map((o) => [key(o.seriesId, o.localDate), o]));
  const topicOf = new Map(topics.map((t) => [key(t.seriesId, t.localDate), t.topic]));
  const out: LoadedSession[] = [];
  for (const s of series) {
    const own = new Map(overrides.filter((o) => o.seriesId === s.id).map((o) => [o.localDate, o]));
    for (const p of planSessions(planOf(s), from, to, own, programHolidayOn, windowOf(s, window))) {
      out.push(loaded(s, p, topicOf.get(key(s.id, p.localDate)), byKey.get(key(s.id, p.localDate))));
    }
  }
  return out.sort((a, b) => a.planned.occurrence.startsAt.getTime() - b.planned.occurrence.startsAt.getTime());
}

/** One session by id, whatever its series' status; null when no such occurrence exists. */
export async function loadSession(
  db: Queryable,
  sessionId: string,
  window: DropInWindow,
  /** Also a weekly session after its series was paused or ended (to tell its host it will not meet). */
  opts: { pastSeriesEnd?: boolean } = {},
): Promise<LoadedSession | null> {
  const parsed = parseSessionId(sessionId);
  if (!parsed || !LocalDate.safeParse(parsed.localDate).success) return null;
  const repo = schedulingRepository(db);
  const series = await repo.seriesById(parsed.seriesId);
  if (!series) return null;
  const o = await repo.override(series.id, parsed.localDate);
  const plan = planOf(series);
  if (opts.pastSeriesEnd && series.kind === 'weekly') plan.endsOn = null;
  const planned = planSession(plan, parsed.localDate, o ?? undefined, programHolidayOn, windowOf(series, window));
  if (!planned) return null;
  const topic = await repo.topicOn(series.id, parsed.localDate);
  return loaded(series, planned, topic ?? undefined, o ?? undefined);
}

/** The sessions of these series that meet and have not closed yet at `now`, soonest first, up to `weeks` ahead. */
export async function upcomingSessions(db: Queryable, series: SeriesRow[], now: Date, weeks: number, window: DropInWindow): Promise<LoadedSession[]> {
  const from = DateTime.fromJSDate(now, { zone: 'UTC' }).minus({ days: 2 }).toISODate()!;
  const to = DateTime.fromJSDate(now, { zone: 'UTC' }).plus({ weeks }).toISODate()!;
  const all = await loadSessions(db, series, from, to, window);
  return all.filter((s) => meets(s.planned) && s.planned.occurrence.closesAt.getTime() > now.getTime());
}

/**
 * What every view of a session says, whoever looks (the home page, the schedule): which session, its topic,
 * when it meets (also as wall-clock times in the series' zone) and where.
 */
export function sessionBasics(s: LoadedSession) {
  const { series, planned } = s;
  const { startsAt, endsAt } = planned.occurrence;
  return {
    id: planned.id,
    seriesId: series.id,
    title: series.title,
    topic: s.topic,
    timezone: series.timezone,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    wallClock: { startsAt: wallClock(startsAt, series.timezone), endsAt: wallClock(endsAt, series.timezone) },
    hosted: planned.hostId !== null,
    format: series.format,
    location: series.location,
    venue: venueOf(series),
  };
}
