import ical, { ICalEventRepeatingFreq, ICalEventStatus, ICalWeekday, type ICalCalendar, type ICalDateTimeValue } from 'ical-generator';
import { DateTime } from 'luxon';
import { meets, occurrenceDates } from './plan';
import { occurrenceOn, type DropInWindow } from './schedule';
import type { VenueView } from '../../../shared/schemas/venue';
import { venueOf, type SeriesRow } from './scheduling.repository';
import { planOf, type LoadedSession } from './sessions';
import { vtimezone } from './vtimezone';
import type { Locale } from '../../../shared/i18n/locales';
import type { Msg, Translate } from '../../../shared/i18n/translate';

/**
 * iCalendar feeds. A weekly series is one recurring event (DTSTART;TZID with its VTIMEZONE, RRULE) with EXDATE for
 * skipped dates and RECURRENCE-ID overrides for sessions that were moved, cancelled, or have their own topic or
 * host. UIDs are stable (the series id); SEQUENCE grows with every change. Events carry the join page link,
 * never a LiveKit token. Each VTIMEZONE is written from the zone data the server itself runs on (./vtimezone), so
 * a client that reads it places every event where the server does.
 *
 * Words: what the feed itself says (the calendar's name, "Cancelled: ", "Topic: ", "Drop in…", holiday notes, the
 * zone's TZNAME once it stopped changing clocks) comes from the `feed` catalog in one locale per feed, `ctx.t`;
 * what staff typed (titles, topics, notes, descriptions, venues) goes as typed. Which locale is the caller's
 * choice (scheduling.routes.ts): a personal feed its owner's, a series feed the request's, `?lang=` either.
 * iCalendar's LANGUAGE parameter is not written (ical-generator has none for SUMMARY or DESCRIPTION); PRODID
 * names the language.
 */
const WEEKDAYS = [ICalWeekday.MO, ICalWeekday.TU, ICalWeekday.WE, ICalWeekday.TH, ICalWeekday.FR, ICalWeekday.SA, ICalWeekday.SU];
/** The software's name, not the program's: PRODID says which product wrote the file (RFC 5545 §3.7.3). */
const prodId = (locale: Locale) => ({ company: 'Red Mug', product: 'Red Mug circles', language: locale.slice(0, 2).toUpperCase() });

export interface FeedContext {
  origin: string;
  now: Date;
  window: DropInWindow;
  /** Personal feeds mark the person's own assignments. */
  assignmentOf?: (s: LoadedSession) => 'host' | 'backup' | null;
  /** The feed's words, in its locale (with the program's values). */
  t: Translate;
  locale: Locale;
  /**
   * TZNAME for a zone once it has stopped changing clocks, where the runtime's names still say daylight time (ICU
   * calls Alberta's permanent UTC−6 "MDT"): the program's own name for its zone ("Alberta time"), in the feed's
   * locale; IANA's "CST" would read as Central time to anyone in Alberta. Undefined: the plain offset.
   */
  settledName?: (zone: string) => string | undefined;
}

/**
 * How far past `now` the VTIMEZONE of an open-ended series reaches. Past it a client keeps the last observance's
 * offset; calendar apps refetch a subscribed feed long before then, and ten years of a zone that still changes
 * its clocks is only twenty components.
 */
const ZONE_YEARS_AHEAD = 10;

/**
 * A calendar whose VTIMEZONEs cover its own events, from the earliest to the latest (open-ended series: `now` + ten
 * years). TZNAME is informational: clients place events by the offsets.
 */
export function newCalendar(name: string, ctx: Pick<FeedContext, 'now' | 'locale' | 'settledName'>): ICalCalendar {
  const { now } = ctx;
  // A whole day (UTC), so every request on one day asks for the same span and finds it built (zoneComponent).
  const openUntil = DateTime.fromJSDate(now, { zone: 'utc' }).plus({ years: ZONE_YEARS_AHEAD }).startOf('day').toJSDate();
  const cal: ICalCalendar = ical({
    name,
    prodId: prodId(ctx.locale),
    // Called once per zone when the calendar is written, after every event has been added.
    timezone: {
      name: null,
      generator: (zone) => {
        const span = spanOf(cal, zone, openUntil);
        return span ? zoneComponent(zone, span.from, span.to, ctx.settledName?.(zone)) : null;
      },
    },
  });
  return cal;
}

/**
 * A zone's VTIMEZONE for a span, built once per process for each zone and span (it walks the zone's transitions
 * over up to ten years), so a feed polled by every subscriber's calendar app is not rebuilt each time. Open-ended
 * spans end on a whole day (`newCalendar`), so the same feed asks for the same span all day. Zone data does not
 * change under a running process (newer tzdata needs a restart).
 */
const zoneComponents = new Map<string, string>();
function zoneComponent(zone: string, from: Date, to: Date, settledName: string | undefined): string {
  const key = `${zone}|${from.getTime()}|${to.getTime()}|${settledName ?? ''}`;
  let component = zoneComponents.get(key);
  if (component === undefined) {
    component = vtimezone(zone, from, to, { settledName });
    if (zoneComponents.size > 500) zoneComponents.clear();
    zoneComponents.set(key, component);
  }
  return component;
}

/** The instants a zone's VTIMEZONE must place: every start, end and RECURRENCE-ID in it, and each series' last one. */
function spanOf(cal: ICalCalendar, zone: string, openUntil: Date): { from: Date; to: Date } | null {
  const times: Date[] = [];
  for (const e of cal.events()) {
    if (e.timezone() !== zone) continue;
    for (const t of [e.start(), e.end(), e.recurrenceId()]) if (t !== null) times.push(instant(t));
    const rule = e.repeating();
    if (rule !== null) times.push(typeof rule === 'object' && 'freq' in rule && rule.until !== undefined ? instant(rule.until) : openUntil);
  }
  if (times.length === 0) return null;
  const ms = times.map((t) => t.getTime());
  return { from: new Date(Math.min(...ms)), to: new Date(Math.max(...ms)) };
}

/** The instant of a date this module gave ical-generator (luxon, Date or ISO string). */
function instant(value: ICalDateTimeValue): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string') return new Date(value);
  if (DateTime.isDateTime(value)) return value.toJSDate();
  throw new TypeError('calendarFeed gives ical-generator luxon dates only');
}

/**
 * Whether a series has a public feed (a URL anyone may fetch, no cookie): only an active series open to everyone.
 * A paused series is not on the schedule, and a series for articling students or early-career lawyers would tell
 * anyone who asks when that group meets (and, for the feed's subscribers, that they belong to it).
 */
export function hasPublicFeed(series: Pick<SeriesRow, 'status' | 'audience'>): boolean {
  return series.status !== 'paused' && series.audience === 'everyone';
}

const joinUrl = (origin: string, sessionId: string) => `${origin}/circles/${encodeURIComponent(sessionId)}/join`;
const local = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone });

/** A session's note in the feed's words: staff's as typed, a holiday's from the catalog. */
export const noteText = (t: Translate, note: string | Msg): string => (typeof note === 'string' ? note : t(note));

function describe(series: SeriesRow, s: LoadedSession | null, ctx: FeedContext): string {
  const { t } = ctx;
  const lines: string[] = [];
  const topic = s?.topic ?? series.default_topic;
  if (topic) lines.push(t('feed.topic', { topic }));
  if (s?.planned.note) lines.push(noteText(t, s.planned.note));
  if (s?.planned.hostId) lines.push(t('feed.hosted'));
  const mine = s && ctx.assignmentOf?.(s);
  if (mine) lines.push(t(mine === 'host' ? 'feed.youHost' : 'feed.youBackup'));
  lines.push(series.description || t('feed.dropIn'));
  const venue = venueOf(series);
  if (venue) {
    // In person: where to go instead of a link to join (there is no online room).
    lines.push(t('feed.inPerson', { place: placeLine(series.location, venue) }));
    if (venue.directionsUrl) lines.push(t('feed.directions', { url: venue.directionsUrl }));
    if (venue.accessibility) lines.push(t('feed.accessibility', { text: venue.accessibility }));
    if (venue.whatToExpect) lines.push(t('feed.whatToExpect', { text: venue.whatToExpect }));
  } else if (s) lines.push(t('feed.join', { url: joinUrl(ctx.origin, s.planned.id) }));
  return lines.join('\n');
}

function summary(series: SeriesRow, s: LoadedSession | null, t: Translate): string {
  const topic = s?.topicSet ? s.topic : null;
  return topic ? t('feed.summaryTopic', { title: series.title, topic }) : series.title;
}

/** LOCATION: an in-person circle's address (and room) for calendar apps to map; online, the link to join. */
function where(series: SeriesRow, url: string): string {
  const venue = venueOf(series);
  if (venue) return placeLine(series.location, venue);
  return series.format === 'in_person' && series.location ? series.location : url;
}

function placeLine(location: string | null, v: VenueView): string {
  return [v.room, location, v.address].filter((x) => x && x.length > 0).join(', ');
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
    summary: summary(series, null, ctx.t),
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
  const url = venueOf(s.series) ? `${ctx.origin}/schedule` : joinUrl(ctx.origin, s.planned.id);
  cal.createEvent({
    id: uid,
    ...(recurrenceId ? { recurrenceId } : {}),
    sequence: s.series.sequence + s.planned.sequence,
    stamp: ctx.now,
    start: local(s.planned.occurrence.startsAt, zone),
    end: local(s.planned.occurrence.endsAt, zone),
    timezone: zone,
    summary: meets(s.planned) ? summary(s.series, s, ctx.t) : ctx.t('feed.cancelled', { summary: summary(s.series, s, ctx.t) }),
    description: describe(s.series, s, ctx),
    location: where(s.series, url),
    url,
    status: meets(s.planned) ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
  });
}

/** "Add to calendar" for one session: a standalone event with its own UID. */
export function sessionCalendar(s: LoadedSession, ctx: FeedContext): string {
  const cal = newCalendar(s.series.title, ctx);
  addSingle(cal, s, ctx, `${s.planned.id}@redmug`);
  return cal.toString();
}

