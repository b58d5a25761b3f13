import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventRepeatingFreq, ICalEventStatus, ICalWeekday, type ICalCalendar } from 'ical-generator';
import { DateTime } from 'luxon';
import { occurrenceOn, type DropInWindow } from '../circles/schedule';
import type { SeriesRow } from '../circles/circles.repository';
import { meets, occurrenceDates } from './plan';
import { planOf, type LoadedSession } from './sessions';

/**
 * iCalendar feeds. A weekly series is one recurring event (DTSTART;TZID with its VTIMEZONE, RRULE) with EXDATE for
 * skipped dates and RECURRENCE-ID overrides for sessions that were moved, cancelled, or have their own topic or
 * host. UIDs are stable (the series id); SEQUENCE grows with every change. Events carry the join page link,
 * never a LiveKit token.
 */
const WEEKDAYS = [ICalWeekday.MO, ICalWeekday.TU, ICalWeekday.WE, ICalWeekday.TH, ICalWeekday.FR, ICalWeekday.SA, ICalWeekday.SU];
const PRODID = { company: 'Red Mug', product: 'Red Mug circles', language: 'EN' };

export interface FeedContext {
  origin: string;
  now: Date;
  window: DropInWindow;
  /** Personal feeds mark the person's own assignments. */
  assignmentOf?: (s: LoadedSession) => 'host' | 'backup' | null;
}

export function newCalendar(name: string): ICalCalendar {
  return ical({ name, prodId: PRODID, timezone: { name: null, generator: getVtimezoneComponent } });
}

const joinUrl = (origin: string, sessionId: string) => `${origin}/circles/${encodeURIComponent(sessionId)}/join`;
const local = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone });

function describe(series: SeriesRow, s: LoadedSession | null, ctx: FeedContext): string {
  const lines: string[] = [];
  if (s?.topic ?? series.default_topic) lines.push(`Topic: ${s?.topic ?? series.default_topic}`);
  if (s?.planned.note) lines.push(s.planned.note);
  if (s?.planned.hostId) lines.push('Hosted by a red mug volunteer.');
  const mine = s && ctx.assignmentOf?.(s);
  if (mine) lines.push(mine === 'host' ? 'You are the host.' : 'You are the backup host.');
  lines.push(series.description || 'Drop in, no RSVP. Nothing is recorded.');
  if (s) lines.push(`Join: ${joinUrl(ctx.origin, s.planned.id)}`);
  return lines.join('\n');
}

function summary(series: SeriesRow, s: LoadedSession | null): string {
  const topic = s?.topicSet ? s.topic : null;
  return topic ? `${series.title}: ${topic}` : series.title;
}

function where(series: SeriesRow, url: string): string {
  return series.format === 'in_person' && series.location ? series.location : url;
}

/** Adds one series (and the loaded sessions that differ from its rule) to a calendar. */
export function addSeries(cal: ICalCalendar, series: SeriesRow, sessions: LoadedSession[], ctx: FeedContext): void {
  const zone = series.timezone;
  const uid = `${series.id}@redmug`;
  const plan = planOf(series);
  if (series.kind === 'popup') {
    const s = sessions.find((x) => x.series.id === series.id);
    if (s) addSingle(cal, s, ctx, uid);
    return;
  }
  const firstDate = occurrenceDates(plan, plan.startsOn, DateTime.fromISO(plan.startsOn).plus({ days: 7 }).toISODate()!)[0];
  const first = firstDate ? occurrenceOn(plan.rule, firstDate, ctx.window) : null;
  if (!first) return;
  const own = sessions.filter((s) => s.series.id === series.id);
  const skipped = own.filter((s) => s.planned.status === 'skipped');
  const base = series.sequence;
  const url = `${ctx.origin}/`;
  cal.createEvent({
    id: uid,
    sequence: base,
    stamp: ctx.now,
    start: local(first.startsAt, zone),
    end: local(first.endsAt, zone),
    timezone: zone,
    summary: summary(series, null),
    description: describe(series, null, ctx),
    location: where(series, url),
    url,
    repeating: {
      freq: ICalEventRepeatingFreq.WEEKLY,
      byDay: [WEEKDAYS[series.weekday - 1]!],
      ...(plan.endsOn ? { until: DateTime.fromISO(plan.endsOn, { zone }).endOf('day').toJSDate() } : {}),
      ...(skipped.length > 0
        ? { exclude: skipped.map((s) => local(occurrenceOn(plan.rule, s.planned.localDate, ctx.window)!.startsAt, zone)), excludeTimezone: zone }
        : {}),
    },
  });
  for (const s of own) {
    if (s.planned.status === 'skipped') continue;
    const differs = s.planned.status !== 'scheduled' || s.topicSet || s.planned.hostId !== null || ctx.assignmentOf?.(s);
    if (!differs) continue;
    const original = occurrenceOn(plan.rule, s.planned.localDate, ctx.window)!;
    addSingle(cal, s, ctx, uid, local(original.startsAt, zone));
  }
}

function addSingle(cal: ICalCalendar, s: LoadedSession, ctx: FeedContext, uid: string, recurrenceId?: DateTime): void {
  const zone = s.series.timezone;
  const url = joinUrl(ctx.origin, s.planned.id);
  cal.createEvent({
    id: uid,
    ...(recurrenceId ? { recurrenceId } : {}),
    sequence: s.series.sequence + s.planned.sequence,
    stamp: ctx.now,
    start: local(s.planned.occurrence.startsAt, zone),
    end: local(s.planned.occurrence.endsAt, zone),
    timezone: zone,
    summary: meets(s.planned) ? summary(s.series, s) : `Cancelled: ${summary(s.series, s)}`,
    description: describe(s.series, s, ctx),
    location: where(s.series, url),
    url,
    status: meets(s.planned) ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
  });
}

/** "Add to calendar" for one session: a standalone event with its own UID. */
export function sessionCalendar(s: LoadedSession, ctx: FeedContext): string {
  const cal = newCalendar(s.series.title);
  addSingle(cal, s, ctx, `${s.planned.id}@redmug`);
  return cal.toString();
}

