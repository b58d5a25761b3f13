import { randomBytes, randomUUID } from 'node:crypto';
import { record } from '../audit/audit.repository';
import { DateTime } from 'luxon';
import type { PublicUser } from '../../../shared/schemas/auth';
import type { Doors } from '../../../shared/schemas/circles';
import type {
  Assignment,
  PopupInput,
  ScheduledSession,
  SeriesInput,
  SeriesUpdate,
  SeriesView,
  SessionChange,
} from '../../../shared/schemas/scheduling';
import type { Clock } from '../clock';
import { hashToken, newSecretToken } from '../auth/tokens';
import { usersRepository, toPublicUser } from '../auth/users.repository';
import type { Locale } from '../../../shared/i18n/locales';
import { AppError } from '../http/errors';
import { currentLocale, type I18n } from '../i18n/i18n';
import { volunteersReadiness } from '../people/readiness';
import type { Db } from '../store/db';
import { addSeries, hasPublicFeed, newCalendar, noteText, sessionCalendar, type FeedContext } from './calendarFeed';
import { meets } from './plan';
import type { OnScheduleEvent } from './scheduleEvents';
import { isValidZone, type DropInWindow } from './schedule';
import { schedulingRepository, venueColumns, venueOf, type NewSeries, type SeriesRow } from './scheduling.repository';
import { loadSession, loadSessions, mayAttend, sessionBasics, type LoadedSession } from './sessions';

export type SchedulingService = ReturnType<typeof createSchedulingService>;

const notFound = () => new AppError(404, 'NOT_FOUND', 'scheduling.error.notFound');
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const endOf = (start: string, duration: number) => {
  const m = minutesOf(start) + duration;
  return `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/** Refuses a zone the runtime does not know; the example is the program's own zone. */
function checkZone(zone: string, example: string): void {
  if (!isValidZone(zone)) {
    throw new AppError(400, 'UNKNOWN_TIMEZONE', { id: 'scheduling.error.unknownZone', values: { zone, example } }, {
      details: [{ path: 'timezone', message: 'scheduling.error.unknownZoneField' }],
    });
  }
}

export function seriesView(s: SeriesRow): SeriesView {
  return {
    id: s.id,
    kind: s.kind,
    title: s.title,
    description: s.description,
    audience: s.audience,
    audienceMaxYears: s.audience_max_years,
    format: s.format,
    location: s.location,
    venue: venueOf(s),
    weekday: s.weekday,
    startLocal: s.start_local,
    endLocal: endOf(s.start_local, s.duration_minutes),
    timezone: s.timezone,
    capacityHint: s.capacity_hint,
    skipHolidays: s.skip_holidays,
    status: s.status,
    startsOn: s.starts_on,
    endsOn: s.ends_on,
    defaultTopic: s.default_topic,
    dropInOpensMinutesBefore: s.dropin_opens_minutes_before,
    dropInClosesMinutesAfterEnd: s.dropin_closes_minutes_after_end,
    anyVolunteerMayHost: s.any_volunteer_may_host,
    feedPath: hasPublicFeed(s) ? `/api/scheduling/series/${s.id}/feed.ics` : null,
  };
}

export function createSchedulingService(deps: {
  db: Db;
  clock: Clock;
  window: DropInWindow;
  /** The program's words and zone: feeds and notes are rendered with it. */
  i18n: I18n;
  /** What a session's doors say to this person now: admission's rule, so the schedule never invites in whom a join refuses. */
  doors: (user: PublicUser, s: LoadedSession) => Promise<Doors>;
  /** Told after a roster or a session changed (reminders); must not throw, and is not awaited. */
  onEvent?: OnScheduleEvent;
}) {
  const rostered = (by: string, before: LoadedSession | null, after: LoadedSession) =>
    deps.onEvent?.({
      type: 'roster',
      sessionId: after.planned.id,
      sequence: after.planned.sequence,
      by,
      before: { hostId: before?.planned.hostId ?? null, backupId: before?.planned.backupId ?? null },
      after: { hostId: after.planned.hostId, backupId: after.planned.backupId },
    });
  const repo = schedulingRepository(deps.db);
  const { i18n } = deps;
  const programZone = i18n.program.weeklyCircle.zone;
  /** The locale of the request being answered (the error handler renders refusals in the same). */
  const localeNow = (): Locale => currentLocale() ?? i18n.defaultLocale;
  const today = (zone = programZone) => DateTime.fromJSDate(deps.clock.now(), { zone }).toISODate()!;
  const plusDays = (d: string, n: number) => DateTime.fromISO(d).plus({ days: n }).toISODate()!;

  /** A series' sessions in the coming twelve weeks that meet and have someone rostered, with who. */
  async function rosteredAhead(series: SeriesRow): Promise<Array<{ sessionId: string; hostId: string | null; backupId: string | null }>> {
    const from = today(series.timezone);
    const now = deps.clock.now().getTime();
    return (await loadSessions(deps.db, [series], from, plusDays(from, 84), deps.window))
      .filter((s) => meets(s.planned) && s.planned.occurrence.startsAt.getTime() > now && (s.planned.hostId || s.planned.backupId))
      .map((s) => ({ sessionId: s.planned.id, hostId: s.planned.hostId, backupId: s.planned.backupId }));
  }

  async function names(sessions: LoadedSession[]): Promise<Map<string, string>> {
    const ids = [...new Set(sessions.flatMap((s) => [s.planned.hostId, s.planned.backupId]).filter((x): x is string => !!x))];
    return new Map((await repo.usersByIds(ids)).map((u) => [u.id, u.firstName]));
  }

  /** What the doors say to `user`; a session whose window has passed has ended, whatever the live circle holds. */
  async function doorsOf(user: PublicUser, s: LoadedSession): Promise<Doors> {
    if (meets(s.planned) && s.planned.occurrence.closesAt.getTime() <= deps.clock.now().getTime()) return 'ended';
    return deps.doors(user, s);
  }

  /** The view of a session for `user`; the roster (who hosts) only for staff. */
  async function view(user: PublicUser, s: LoadedSession, nameOf: Map<string, string>): Promise<ScheduledSession> {
    const { planned, series } = s;
    const staff = user.role === 'staff';
    return {
      ...sessionBasics(s),
      opensAt: planned.occurrence.opensAt.toISOString(),
      closesAt: planned.occurrence.closesAt.toISOString(),
      doors: await doorsOf(user, s),
      kind: series.kind,
      localDate: planned.localDate,
      topicSet: s.topicSet,
      status: planned.status,
      note: planned.note === null ? null : noteText(i18n.t(localeNow()), planned.note),
      holiday: planned.holiday,
      audience: series.audience,
      audienceMaxYears: series.audience_max_years,
      roster: staff
        ? {
            hostId: planned.hostId,
            hostName: planned.hostId ? (nameOf.get(planned.hostId) ?? null) : null,
            backupId: planned.backupId,
            backupName: planned.backupId ? (nameOf.get(planned.backupId) ?? null) : null,
            hostDeclined: s.hostDeclined,
            backupDeclined: s.backupDeclined,
          }
        : null,
    };
  }

  async function sessionForStaff(sessionId: string): Promise<LoadedSession> {
    const s = await loadSession(deps.db, sessionId, deps.window);
    if (!s) throw notFound();
    return s;
  }

  async function checkVolunteers(ids: Array<string | null>): Promise<void> {
    const wanted = ids.filter((x): x is string => x !== null);
    const found = await repo.usersByIds(wanted);
    for (const id of wanted) {
      if (found.find((u) => u.id === id)?.role !== 'volunteer') {
        throw new AppError(400, 'HOST_NOT_VOLUNTEER', 'scheduling.error.hostNotVolunteer');
      }
    }
    // Only a current volunteer hosts or backs up (people/readiness.ts); the refusal names what is missing.
    const readiness = await volunteersReadiness(deps.db, wanted, deps.clock.now(), programZone);
    for (const id of wanted) {
      const r = readiness.get(id)!;
      if (!r.current) {
        // Rendered here, in the request's locale (the one the error handler renders the refusal in).
        const locale = localeNow();
        const t = i18n.t(locale);
        const who = found.find((u) => u.id === id)?.firstName ?? t('scheduling.error.thisVolunteer');
        const missing = new Intl.ListFormat(locale, { type: 'conjunction' }).format(r.missing.map((m) => t(`scheduling.readinessItem.${m}` as const)));
        throw new AppError(409, 'VOLUNTEER_NOT_CURRENT', { id: 'scheduling.error.volunteerNotCurrent', values: { who, missing } }, {
          data: { volunteerId: id, missing: r.missing },
        });
      }
    }
    if (wanted.length === 2 && wanted[0] === wanted[1]) {
      throw new AppError(400, 'VALIDATION_FAILED', 'scheduling.error.backupIsHost', {
        details: [{ path: 'backupId', message: 'scheduling.error.backupIsHostField' }],
      });
    }
  }

  async function upcomingOf(series: SeriesRow[], from: string, to: string): Promise<LoadedSession[]> {
    const now = deps.clock.now().getTime();
    return (await loadSessions(deps.db, series, from, to, deps.window)).filter((s) => s.planned.occurrence.closesAt.getTime() > now);
  }

  /**
   * What a feed in `locale` (an offered one, else the program's default) says, and the program's name for its
   * own zone in it (TZNAME, see calendarFeed.ts).
   */
  function feedContext(origin: string, asked: Locale, extra: Pick<FeedContext, 'assignmentOf'> = {}): FeedContext {
    const locale = i18n.offered.includes(asked) ? asked : i18n.defaultLocale;
    const zoneName = i18n.programText(i18n.program.zoneLabel, locale);
    return {
      origin,
      now: deps.clock.now(),
      window: deps.window,
      t: i18n.t(locale),
      locale,
      settledName: (zone) => (zone === programZone ? zoneName : undefined),
      ...extra,
    };
  }

  async function feed(name: string, series: SeriesRow[], ctx: FeedContext): Promise<string> {
    const cal = newCalendar(name, ctx);
    // From the first session (EXDATEs for every skipped date so far) to three years ahead; calendar apps
    // refetch the feed, so later holidays arrive in time.
    const earliest = series.reduce((d, s) => (s.starts_on < d ? s.starts_on : d), today());
    const from = earliest > plusDays(today(), -366 * 5) ? earliest : plusDays(today(), -366 * 5);
    const to = plusDays(today(), 366 * 3);
    const sessions = await loadSessions(deps.db, series, from, to, deps.window);
    for (const s of series) addSeries(cal, s, sessions, ctx);
    return cal.toString();
  }

  return {
    /** Sessions in a date range (default: today and the next 12 weeks). Members see only circles they may attend. */
    async listSessions(user: PublicUser, q: { from?: string; to?: string; weeks?: number; seriesId?: string }): Promise<ScheduledSession[]> {
      const from = q.from ?? today();
      const to = q.to ?? plusDays(from, 7 * (q.weeks ?? 12));
      if (to < from || DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days > 400) {
        throw new AppError(400, 'VALIDATION_FAILED', 'scheduling.error.range', {
          details: [{ path: 'to', message: 'scheduling.error.rangeField' }],
        });
      }
      const staff = user.role === 'staff';
      const series = (await repo.allSeries()).filter(
        (s) => (!q.seriesId || s.id === q.seriesId) && (staff || (s.status === 'active' && mayAttend(user, s, deps.clock.now()))),
      );
      const sessions = await loadSessions(deps.db, series, from, to, deps.window);
      const nameOf = staff ? await names(sessions) : new Map<string, string>();
      return Promise.all(sessions.map((s) => view(user, s, nameOf)));
    },

    async listSeries(user: PublicUser): Promise<SeriesView[]> {
      const all = await repo.allSeries();
      return all.filter((s) => user.role === 'staff' || (s.status === 'active' && mayAttend(user, s, deps.clock.now()))).map(seriesView);
    },

    async createSeries(by: PublicUser, input: SeriesInput): Promise<SeriesView> {
      // A circle without a zone of its own meets in the program's.
      const timezone = input.timezone ?? programZone;
      checkZone(timezone, programZone);
      const s: NewSeries = {
        id: `s-${randomBytes(5).toString('hex')}`,
        kind: 'weekly',
        title: input.title,
        description: input.description,
        weekday: input.weekday,
        startLocal: input.startLocal,
        durationMinutes: minutesOf(input.endLocal) - minutesOf(input.startLocal),
        timezone,
        defaultTopic: input.defaultTopic,
        audience: input.audience,
        audienceMaxYears: input.audience === 'early_career' ? input.audienceMaxYears : null,
        format: input.format,
        location: input.location,
        venue: input.format === 'in_person' ? input.venue : null,
        capacityHint: input.capacityHint,
        skipHolidays: input.skipHolidays,
        startsOn: input.startsOn,
        endsOn: null,
        dropInOpensMinutesBefore: input.dropInOpensMinutesBefore,
        dropInClosesMinutesAfterEnd: input.dropInClosesMinutesAfterEnd,
      };
      await repo.insertSeries(s, by.id);
      await record(deps.db, { actorId: by.id, action: 'series.create', targetType: 'series', targetId: s.id, at: deps.clock.now() });
      return seriesView((await repo.allSeries()).find((x) => x.id === s.id)!);
    },

    async updateSeries(by: PublicUser, id: string, u: SeriesUpdate): Promise<SeriesView> {
      const current = (await repo.allSeries()).find((s) => s.id === id);
      if (!current) throw notFound();
      const audience = u.audience ?? current.audience;
      const maxYears = u.audienceMaxYears !== undefined ? u.audienceMaxYears : current.audience_max_years;
      if (audience === 'early_career' && maxYears === null) {
        throw new AppError(400, 'VALIDATION_FAILED', 'scheduling.error.yearsOfCall', {
          details: [{ path: 'audienceMaxYears', message: 'scheduling.error.yearsOfCallField' }],
        });
      }
      if ((u.format ?? current.format) === 'in_person' && !(u.location !== undefined ? u.location : current.location)) {
        throw new AppError(400, 'VALIDATION_FAILED', 'scheduling.error.location', {
          details: [{ path: 'location', message: 'scheduling.error.locationField' }],
        });
      }
      const format = u.format ?? current.format;
      const venue = u.venue !== undefined ? u.venue : venueOf(current);
      if (format === 'in_person' && !venue) {
        throw new AppError(400, 'VALIDATION_FAILED', 'scheduling.error.address', {
          details: [{ path: 'venue.address', message: 'scheduling.validation.addressRequired' }],
        });
      }
      const fields: Record<string, unknown> = {};
      // An online circle keeps no venue; an in-person one keeps the one given (or the one it had).
      if (u.venue !== undefined || u.format !== undefined) Object.assign(fields, venueColumns(format === 'in_person' ? venue : null));
      const map: Array<[keyof SeriesUpdate, string]> = [
        ['title', 'title'],
        ['description', 'description'],
        ['audience', 'audience'],
        ['audienceMaxYears', 'audience_max_years'],
        ['format', 'format'],
        ['location', 'location'],
        ['capacityHint', 'capacity_hint'],
        ['skipHolidays', 'skip_holidays'],
        ['defaultTopic', 'default_topic'],
        ['dropInOpensMinutesBefore', 'dropin_opens_minutes_before'],
        ['dropInClosesMinutesAfterEnd', 'dropin_closes_minutes_after_end'],
        ['anyVolunteerMayHost', 'any_volunteer_may_host'],
      ];
      for (const [k, col] of map) if (u[k] !== undefined) fields[col] = u[k];
      // The coming rostered sessions a pause or an end takes away (read before it, while they still meet).
      const stops = u.status && u.status !== current.status && current.status === 'active';
      const stopped = stops ? await rosteredAhead(current) : [];
      if (u.status && u.status !== current.status) {
        fields.status = u.status;
        fields.active = u.status === 'active';
        // Pausing or ending stops the recurrence after today; resuming continues it.
        if (current.kind === 'weekly') fields.ends_on = u.status === 'active' ? null : today(current.timezone);
      }
      await repo.updateSeries(id, fields, by.id);
      await record(deps.db, { actorId: by.id, action: u.status && u.status !== current.status ? `series.${u.status}` : 'series.update', targetType: 'series', targetId: id, at: deps.clock.now() });
      const updated = (await repo.allSeries()).find((x) => x.id === id)!;
      // Rostered volunteers hear that their circles will not meet, or (resumed) will meet after all.
      const resumed = u.status === 'active' && current.status !== 'active';
      const touched = stops ? stopped : resumed ? await rosteredAhead(updated) : [];
      if (touched.length > 0) {
        deps.onEvent?.({ type: 'series', seriesId: id, revision: updated.sequence, by: by.id, action: stops ? 'cancel' : 'restore', sessions: touched });
      }
      return seriesView(updated);
    },

    async createPopup(by: PublicUser, input: PopupInput): Promise<ScheduledSession> {
      const timezone = input.timezone ?? programZone;
      checkZone(timezone, programZone);
      await checkVolunteers([input.hostId, input.backupId]);
      const id = `p-${randomBytes(5).toString('hex')}`;
      await deps.db.transaction(async (tx) => {
        const r = schedulingRepository(tx);
        await r.insertSeries(
          {
            id,
            kind: 'popup',
            title: input.title,
            description: input.description,
            weekday: DateTime.fromISO(input.date).weekday,
            startLocal: input.startLocal,
            durationMinutes: minutesOf(input.endLocal) - minutesOf(input.startLocal),
            timezone,
            defaultTopic: null,
            audience: input.audience,
            audienceMaxYears: input.audience === 'early_career' ? input.audienceMaxYears : null,
            format: input.format,
            location: input.location,
            venue: input.format === 'in_person' ? input.venue : null,
            capacityHint: input.capacityHint,
            skipHolidays: false,
            startsOn: input.date,
            endsOn: input.date,
            dropInOpensMinutesBefore: input.dropInOpensMinutesBefore,
            dropInClosesMinutesAfterEnd: input.dropInClosesMinutesAfterEnd,
          },
          by.id,
        );
        if (input.topic) await r.setTopic(id, input.date, input.topic, by.id);
        if (input.hostId || input.backupId) await r.patchOverride(id, input.date, { hostId: input.hostId, backupId: input.backupId }, by.id);
      });
      await record(deps.db, { actorId: by.id, action: 'popup.create', targetType: 'session', targetId: `${id}_${input.date}`, at: deps.clock.now() });
      const s = (await loadSession(deps.db, `${id}_${input.date}`, deps.window))!;
      if (input.hostId || input.backupId) rostered(by.id, null, s);
      return view(by, s, await names([s]));
    },

    async setTopic(by: PublicUser, sessionId: string, topic: string | null): Promise<ScheduledSession> {
      const s = await sessionForStaff(sessionId);
      await deps.db.transaction(async (tx) => {
        const r = schedulingRepository(tx);
        await r.setTopic(s.series.id, s.planned.localDate, topic, by.id);
        await r.patchOverride(s.series.id, s.planned.localDate, {}, by.id); // bumps SEQUENCE for calendars
      });
      await record(deps.db, { actorId: by.id, action: 'session.topic', targetType: 'session', targetId: sessionId, at: deps.clock.now() });
      const after = (await loadSession(deps.db, sessionId, deps.window))!;
      return view(by, after, await names([after]));
    },

    /** One topic per upcoming session that meets, in order, from `from`; returns the sessions it set. */
    async pasteTopics(by: PublicUser, seriesId: string, topics: string[], from?: string): Promise<ScheduledSession[]> {
      const series = (await repo.allSeries()).find((s) => s.id === seriesId);
      if (!series) throw notFound();
      const start = from ?? today(series.timezone);
      const candidates = (await upcomingOf([series], start, plusDays(start, 7 * 60))).filter((s) => meets(s.planned));
      const targets = candidates.slice(0, topics.length);
      await deps.db.transaction(async (tx) => {
        const r = schedulingRepository(tx);
        for (const [i, s] of targets.entries()) {
          await r.setTopic(seriesId, s.planned.localDate, topics[i]!, by.id);
          await r.patchOverride(seriesId, s.planned.localDate, {}, by.id);
        }
      });
      await record(deps.db, { actorId: by.id, action: 'series.topics', targetType: 'series', targetId: seriesId, at: deps.clock.now() });
      const after = await loadSessions(deps.db, [series], targets[0]?.planned.localDate ?? start, targets.at(-1)?.planned.localDate ?? start, deps.window);
      const nameOf = await names(after);
      return Promise.all(after.filter((s) => targets.some((t) => t.planned.id === s.planned.id)).map((s) => view(by, s, nameOf)));
    },

    async setHosts(by: PublicUser, sessionId: string, hostId: string | null, backupId: string | null): Promise<ScheduledSession> {
      const s = await sessionForStaff(sessionId);
      await checkVolunteers([hostId, backupId]);
      await repo.patchOverride(
        s.series.id,
        s.planned.localDate,
        {
          hostId,
          backupId,
          // A new assignment clears an earlier decline of that role.
          hostDeclinedAt: hostId ? null : undefined,
          backupDeclinedAt: backupId ? null : undefined,
        },
        by.id,
      );
      await record(deps.db, { actorId: by.id, action: 'session.hosts', targetType: 'session', targetId: sessionId, at: deps.clock.now() });
      const after = (await loadSession(deps.db, sessionId, deps.window))!;
      rostered(by.id, s, after);
      return view(by, after, await names([after]));
    },

    /** A volunteer declines their own assignment; staff then see the role uncovered. */
    async decline(user: PublicUser, sessionId: string): Promise<void> {
      const s = await loadSession(deps.db, sessionId, deps.window);
      if (!s) throw notFound();
      if (s.planned.hostId === user.id) {
        await repo.patchOverride(s.series.id, s.planned.localDate, { hostId: null, hostDeclinedAt: deps.clock.now() }, user.id);
      } else if (s.planned.backupId === user.id) {
        await repo.patchOverride(s.series.id, s.planned.localDate, { backupId: null, backupDeclinedAt: deps.clock.now() }, user.id);
      } else {
        throw new AppError(403, 'FORBIDDEN', 'scheduling.error.notAssigned');
      }
      const after = await loadSession(deps.db, sessionId, deps.window);
      if (after) rostered(user.id, s, after);
    },

    async changeSession(by: PublicUser, sessionId: string, c: SessionChange): Promise<ScheduledSession> {
      const s = await sessionForStaff(sessionId);
      const { id: seriesId } = s.series;
      const date = s.planned.localDate;
      const clearMove = { movedDate: null, movedStartLocal: null, movedDurationMinutes: null };
      if (c.action === 'cancel') await repo.patchOverride(seriesId, date, { state: 'cancelled', note: c.note }, by.id);
      else if (c.action === 'skip') await repo.patchOverride(seriesId, date, { state: 'skipped', note: c.note }, by.id);
      else if (c.action === 'restore') await repo.patchOverride(seriesId, date, { state: 'restored', note: null, ...clearMove }, by.id);
      else {
        await repo.patchOverride(
          seriesId,
          date,
          {
            state: s.planned.holiday && s.series.skip_holidays ? 'restored' : null,
            note: c.note,
            movedDate: c.date,
            movedStartLocal: c.startLocal,
            movedDurationMinutes: minutesOf(c.endLocal) - minutesOf(c.startLocal),
          },
          by.id,
        );
      }
      await record(deps.db, { actorId: by.id, action: `session.${c.action}`, targetType: 'session', targetId: sessionId, at: deps.clock.now() });
      const after = (await loadSession(deps.db, sessionId, deps.window))!;
      const { hostId, backupId, sequence } = after.planned;
      deps.onEvent?.({ type: 'change', sessionId, sequence, by: by.id, action: c.action, hostId, backupId });
      return view(by, after, await names([after]));
    },

    /** The person's own upcoming assignments as host or backup. */
    async assignments(user: PublicUser): Promise<Assignment[]> {
      const mine = await repo.overridesFor(user.id, plusDays(today(), -1));
      const out: Assignment[] = [];
      for (const o of mine) {
        const s = await loadSession(deps.db, `${o.seriesId}_${o.localDate}`, deps.window);
        if (!s || s.planned.occurrence.closesAt <= deps.clock.now()) continue;
        // A volunteer's own list: no roster, as members see it.
        out.push({ role: o.hostId === user.id ? 'host' : 'backup', session: await view(user, s, new Map()) });
      }
      return out.sort((a, b) => a.session.startsAt.localeCompare(b.session.startsAt));
    },

    /** The pickers' volunteers, each with whether they can be assigned now. */
    async volunteers() {
      const all = await repo.volunteers();
      const readiness = await volunteersReadiness(deps.db, all.map((v) => v.id), deps.clock.now(), programZone);
      return all.map((v) => ({ ...v, current: readiness.get(v.id)!.current, missing: readiness.get(v.id)!.missing }));
    },
    library: () => repo.library(),
    async addToLibrary(by: PublicUser, topic: string): Promise<void> {
      const id = randomUUID();
      if (!(await repo.addToLibrary(id, topic, by.id))) return;
      // Which entry, never its words.
      await record(deps.db, { actorId: by.id, action: 'topics.library_add', targetType: 'topic_library', targetId: id, at: deps.clock.now() });
    },
    async removeFromLibrary(id: string, by?: PublicUser): Promise<void> {
      if (!(await repo.removeFromLibrary(id))) throw notFound();
      if (by) await record(deps.db, { actorId: by.id, action: 'topics.library_remove', targetType: 'topic_library', targetId: id, at: deps.clock.now() });
    },

    /** A single session's "Add to calendar" file, for someone who may attend it, in `locale`. */
    async sessionIcs(user: PublicUser, sessionId: string, origin: string, locale: Locale): Promise<string> {
      const s = await loadSession(deps.db, sessionId, deps.window);
      if (!s || !mayAttend(user, s.series, deps.clock.now())) throw notFound();
      return sessionCalendar(s, feedContext(origin, locale));
    },

    /** The subscribable feed of one series (everyone-audience schedule data, no names, no tokens), in `locale`. */
    async seriesFeed(seriesId: string, origin: string, locale: Locale): Promise<string> {
      const series = (await repo.allSeries()).find((s) => s.id === seriesId);
      if (!series || !hasPublicFeed(series)) throw notFound();
      return feed(series.title, [series], feedContext(origin, locale));
    },

    /** Makes or replaces the person's personal feed secret; the old URL stops working. Returns the new token once. */
    async rotateFeedToken(user: PublicUser): Promise<string> {
      const token = newSecretToken();
      await repo.setFeedToken(user.id, hashToken(token), deps.clock.now());
      return token;
    },
    revokeFeedToken: (user: PublicUser) => repo.revokeFeedToken(user.id),
    hasFeedToken: (user: PublicUser) => repo.hasFeedToken(user.id),

    /**
     * The personal feed behind a secret: every circle the person may attend, with their own assignments marked. In
     * `lang` when the URL asks for one, else in the owner's own language (their account's; none chosen: the
     * program's default), never the fetching calendar app's.
     */
    async personalFeed(token: string, origin: string, lang?: Locale): Promise<string> {
      const userId = await repo.userIdForFeedToken(hashToken(token));
      const row = userId ? await usersRepository(deps.db).byId(userId) : null;
      if (!row) throw new AppError(404, 'NOT_FOUND', 'scheduling.error.feedLinkInvalid');
      const user = toPublicUser(row);
      const series = (await repo.allSeries()).filter((s) => mayAttend(user, s, deps.clock.now()));
      const ctx = feedContext(origin, lang ?? user.locale ?? i18n.defaultLocale, {
        assignmentOf: (s) => (s.planned.hostId === user.id ? 'host' : s.planned.backupId === user.id ? 'backup' : null),
      });
      return feed(ctx.t('feed.calendarName'), series, ctx);
    },
  };
}
