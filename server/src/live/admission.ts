import type { ParticipantRole, PublicUser } from '../../../shared/schemas/auth';
import type { Doors, InPersonData, JoinMedia, OutsideWindowData } from '../../../shared/schemas/circles';
import { participantRole } from '../auth/roles';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import { participantIdentity, roomNameFor } from '../livekit/identities';
import type { Media } from '../livekit/media';
import { mediaAdmission } from '../livekit/mediaAdmission';
import { meets } from '../scheduling/plan';
import { isWindowOpen, wallClock, type DropInWindow } from '../scheduling/schedule';
import { venueOf } from '../scheduling/scheduling.repository';
import { loadSession, mayAttend, upcomingSessions, windowOf, type LoadedSession } from '../scheduling/sessions';
import type { Db } from '../store/db';
import { currentVolunteers } from '../people/readiness';
import { hostRule, isHostOf, type HostCandidate, type SessionHostIds } from './hostPolicy';
import type { LiveState } from './liveState';

/** Someone let into a circle, and with which rights. */
export interface CircleEntry {
  session: LoadedSession;
  role: ParticipantRole;
  /** Their opaque identity in this session, in LiveKit and the live circle alike. */
  identity: string;
  /** The session's opaque LiveKit room. */
  room: string;
  /** Host rights come from the role and the session's roster, never from who joined first. */
  isHost: boolean;
  /** A volunteer whose readiness is current: the token carries the red mug. */
  currentVolunteer: boolean;
}

export type Admission = ReturnType<typeof createAdmission>;

/** Why the live circle turns someone away, in the words the join answers with. */
const LIVE_REFUSALS = {
  ended: () => new AppError(409, 'CIRCLE_ENDED', 'live.join.ended'),
  removed: () => new AppError(403, 'REMOVED', 'live.join.removed'),
  locked: () => new AppError(409, 'CIRCLE_LOCKED', 'live.join.locked'),
} as const;

/**
 * Who may enter a circle, and with which rights: the one place the rules stand. The HTTP join (media), the live
 * circle's join, a socket coming back with connection-state recovery, LiveKit's webhooks and the matched pair's
 * room all ask here.
 *
 * - The schedule: the session exists in an active series, the person is in its audience (an auditor in none), it
 *   meets (not cancelled or skipped), and its drop-in window is open.
 * - The live circle: nobody gets in once it has ended, nobody a host removed, and nobody new while it is locked
 *   (someone admitted before the lock, or let in by a host after knocking, may come back; a host always may).
 *   Host rights: staff, the rostered host and backup, and the circle's acting host (live/handOver.ts).
 * - The confidentiality pledge: nobody enters a circle, by the media join or the live one, without a current
 *   agreement.
 * - Media rights: an opaque identity per person and session (or pair), the role's attributes (the red mug), the
 *   explicit circle grants, no name (LiveKit never learns one), and no microphone for someone a host stopped
 *   from unmuting.
 */
export function createAdmission(deps: {
  db: Db;
  clock: Clock;
  window: DropInWindow;
  live: LiveState;
  /** Who hosts a session (the schedule's roster). */
  hostIds: SessionHostIds;
  media: Media;
  /** Keys opaque LiveKit identities and room names. */
  secret: string;
  tokenTtlMinutes: number;
  /** Whether this person's agreement to the confidentiality pledge still holds. */
  pledged: (userId: string) => Promise<boolean>;
}) {
  const { live } = deps;
  /** The one readiness rule (people/readiness.ts), at the app's clock. */
  const isCurrent = async (userId: string): Promise<boolean> => (await currentVolunteers(deps.db, [userId], deps.clock.now())).has(userId);

  /**
   * Ended by a host: the live state's flag, or the durable record once that flag is gone (Redis flushed, a
   * restart), which then sets the flag again. Asked at the doors (a join, a recovered socket); the per-command
   * check (`mayStay`) reads the flag alone, so a running circle's commands cost no query of the store.
   */
  async function isEnded(id: string): Promise<boolean> {
    if (await live.isEnded(id)) return true;
    if ((await deps.db.query('SELECT 1 FROM ended_sessions WHERE session_id = $1', [id])).length === 0) return false;
    await live.setEnded(id);
    return true;
  }

  /** The refusal of an online join to an in-person circle, saying where it meets instead. */
  function inPerson(loaded: LoadedSession): AppError {
    const venue = venueOf(loaded.series);
    const where = [venue?.room, loaded.series.location, venue?.address].filter(Boolean).join(', ');
    const data: InPersonData | undefined = venue ? { location: loaded.series.location, venue } : undefined;
    return new AppError(409, 'IN_PERSON', where ? { id: 'live.join.inPersonAt', values: { where } } : 'live.join.inPerson', data ? { data } : undefined);
  }

  const missing = () => new AppError(404, 'NOT_FOUND', 'live.join.notFound');

  /** A session that exists, in an active series, for someone who may attend it. */
  async function attendable(user: PublicUser, sessionId: string): Promise<LoadedSession> {
    const loaded = await loadSession(deps.db, sessionId, deps.window);
    if (!loaded || loaded.series.status !== 'active' || !mayAttend(user, loaded.series, deps.clock.now())) throw missing();
    return loaded;
  }

  /**
   * The session this person may enter now by the schedule: attendable, online (an in-person circle has no room to
   * enter, so no token and no live circle, whenever one asks), meeting, and its drop-in window open.
   */
  async function scheduled(user: PublicUser, sessionId: string): Promise<LoadedSession> {
    const loaded = await attendable(user, sessionId);
    if (loaded.series.format === 'in_person') throw inPerson(loaded);
    const now = deps.clock.now();
    if (!meets(loaded.planned)) {
      // Staff's own note, as they wrote it, when they left one.
      const note = loaded.planned.note;
      throw new AppError(409, 'SESSION_NOT_MEETING', !note ? 'live.join.notMeeting' : typeof note === 'string' ? { id: 'live.join.notMeetingNote', values: { note } } : note);
    }
    if (!isWindowOpen(loaded.planned.occurrence, now)) {
      const next = (await upcomingSessions(deps.db, [loaded.series], now, 8, deps.window))[0] ?? loaded;
      const data: OutsideWindowData = {
        opensAt: next.planned.occurrence.opensAt.toISOString(),
        startsAt: next.planned.occurrence.startsAt.toISOString(),
        opensAtLocal: wallClock(next.planned.occurrence.opensAt, loaded.series.timezone),
        nextSessionId: next.planned.id,
      };
      throw new AppError(
        409,
        'OUTSIDE_WINDOW',
        { id: 'live.join.outsideWindow', values: { minutes: windowOf(loaded.series, deps.window).opensMinutesBefore } },
        { data },
      );
    }
    return loaded;
  }

  /** The live circle's side of the doors: ended, removed, locked to newcomers (a host always, and anyone let in before the lock, may come back). */
  async function liveDoors(user: PublicUser, id: string, identity: string): Promise<{ doors: Exclude<Doors, 'upcoming'>; isHost: boolean }> {
    const [ended, removed, locked, isHost] = await Promise.all([isEnded(id), live.isRemoved(id, identity), live.isLocked(id), rightsNow(user, id, true)]);
    if (ended) return { doors: 'ended', isHost };
    if (removed) return { doors: 'removed', isHost };
    if (!isHost && locked && !(await live.wasAdmitted(id, identity))) return { doors: 'locked', isHost };
    return { doors: 'open', isHost };
  }

  // The roster as it stands, re-read at most every few seconds per circle: a host whom staff unassign loses the
  // rights within that, without reconnecting. The acting host is read from the live state each time (one key), so
  // a hand-over on any instance holds on every instance at once.
  const ROSTER_TTL_MS = 3_000;
  const rosters = new Map<string, { roster: Awaited<ReturnType<SessionHostIds>>; until: number }>();
  async function rosterOf(sessionId: string, fresh = false): Promise<Awaited<ReturnType<SessionHostIds>>> {
    const now = Date.now();
    const cached = rosters.get(sessionId);
    if (!fresh && cached && cached.until > now) return cached.roster;
    const roster = await deps.hostIds(sessionId);
    if (rosters.size > 10_000) rosters.clear();
    rosters.set(sessionId, { roster, until: now + ROSTER_TTL_MS });
    return roster;
  }
  const identityIn = (userId: string, sessionId: string) => participantIdentity(deps.secret, userId, sessionId);
  // A volunteer's readiness likewise, per person: a lapse the calendar brings shows within seconds; one staff
  // record forgets it at once (`forgetHostRights`).
  const currents = new Map<string, { current: boolean; until: number }>();
  async function currentNow(userId: string, fresh = false): Promise<boolean> {
    const now = Date.now();
    const cached = currents.get(userId);
    if (!fresh && cached && cached.until > now) return cached.current;
    const current = await isCurrent(userId);
    if (currents.size > 10_000) currents.clear();
    currents.set(userId, { current, until: now + ROSTER_TTL_MS });
    return current;
  }
  /** Host rights now; at the doors (`fresh`), by the roster and readiness as the store has them this moment. */
  const rightsNow = (user: HostCandidate, sessionId: string, fresh = false) =>
    isHostOf(
      user,
      sessionId,
      (id) => rosterOf(id, fresh),
      (id) => currentNow(id, fresh),
      async () => (await live.actingHost(sessionId)) === identityIn(user.id, sessionId),
    );

  return {
    attendable,

    /** The one readiness rule, for callers that hold an admission. */
    isCurrentVolunteer: isCurrent,

    /** Forgets one person's cached readiness (it changed), so the next host-rights check asks again. */
    forgetHostRights(userId: string): void {
      currents.delete(userId);
    },

    /**
     * Whether `user` may host `sessionId` now: staff, its assigned host or backup (the roster cached for seconds
     * only), or its acting host — a volunteer only while their readiness is current.
     */
    isHostNow: (user: HostCandidate, sessionId: string): Promise<boolean> => rightsNow(user, sessionId),

    /**
     * One look at the rights of many people in a circle (a participant list): the roster, the acting host and the
     * readiness of the volunteers among `people` read once. `current` holds those whose readiness is current,
     * `acting` the acting host's identity (null when none), as the check read it.
     */
    async hostCheck(
      sessionId: string,
      people: readonly HostCandidate[],
    ): Promise<((user: HostCandidate) => boolean) & { current: ReadonlySet<string>; acting: string | null }> {
      const volunteerIds = [...new Set(people.filter((p) => p.role === 'volunteer').map((p) => p.id))];
      const [roster, acting, current] = await Promise.all([
        rosterOf(sessionId),
        live.actingHost(sessionId),
        volunteerIds.length > 0 ? currentVolunteers(deps.db, volunteerIds, deps.clock.now()) : Promise.resolve(new Set<string>()),
      ]);
      const check = (user: HostCandidate) => hostRule(user, roster, acting !== null && acting === identityIn(user.id, sessionId), current.has(user.id));
      return Object.assign(check, { current, acting });
    },
    /**
     * What the automatic hand-over needs to know of a session: when it starts, who is rostered (their opaque
     * identities in it) and whether its series lets any current red-mug volunteer present take over. Null for an
     * unknown session.
     */
    async handOverFacts(sessionId: string): Promise<{ startsAt: Date; anyVolunteer: boolean; host: string | null; backupId: string | null } | null> {
      const loaded = await loadSession(deps.db, sessionId, deps.window);
      if (!loaded) return null;
      const { hostId, backupId } = await rosterOf(sessionId);
      return {
        startsAt: loaded.planned.occurrence.startsAt,
        anyVolunteer: loaded.series.any_volunteer_may_host,
        host: hostId ? identityIn(hostId, sessionId) : null,
        backupId,
      };
    },

    /**
     * Whether this person may knock at a circle now, and their identity there: by the schedule as for a join (they
     * may attend it, it meets, its doors are open by the clock), and the live circle is locked to them. Refused
     * with the reason: ended, removed, not locked (then they can go straight in), or no pledge yet.
     */
    async knock(user: PublicUser, sessionId: string): Promise<{ identity: string }> {
      const session = await scheduled(user, sessionId);
      const id = session.planned.id;
      const identity = identityIn(user.id, id);
      const { doors } = await liveDoors(user, id, identity);
      if (doors === 'open') throw new AppError(409, 'CONFLICT', 'live.knock.open');
      if (doors !== 'locked') throw LIVE_REFUSALS[doors]();
      if (!(await deps.pledged(user.id))) {
        throw new AppError(409, 'PLEDGE_REQUIRED', 'live.knock.pledge');
      }
      return { identity };
    },

    /**
     * The session's preset topic, where its live topic starts until a host pivots (kept in no socket's data, so
     * an instance that never saw the join looks it up).
     */
    async preset(sessionId: string): Promise<string | null> {
      return (await loadSession(deps.db, sessionId, deps.window))?.topic ?? null;
    },

    /**
     * Lets a person into a circle now, by the schedule and the live circle's state, or refuses with the reason
     * (an AppError): an auditor is told plainly before anything else is looked at.
     */
    async circle(user: PublicUser, sessionId: string): Promise<CircleEntry> {
      const role = participantRole(user);
      const session = await scheduled(user, sessionId);
      const id = session.planned.id;
      const identity = participantIdentity(deps.secret, user.id, id);
      const { doors, isHost } = await liveDoors(user, id, identity);
      if (doors !== 'open') throw LIVE_REFUSALS[doors]();
      if (!(await deps.pledged(user.id))) {
        throw new AppError(409, 'PLEDGE_REQUIRED', 'live.join.pledge');
      }
      const currentVolunteer = role === 'volunteer' && (await isCurrent(user.id));
      return { session, role, identity, room: roomNameFor(deps.secret, id), isHost, currentVolunteer };
    },

    /**
     * What the doors of a session say to this person now, by the same rules as `circle`: the schedule's window
     * ('upcoming' before it opens), then the live circle's state (ended, removed, locked to newcomers). Pages
     * show it, so they never invite someone in whom the join would refuse.
     */
    async doors(user: PublicUser, session: LoadedSession): Promise<Doors> {
      if (!meets(session.planned) || !isWindowOpen(session.planned.occurrence, deps.clock.now())) return 'upcoming';
      const id = session.planned.id;
      return (await liveDoors(user, id, participantIdentity(deps.secret, user.id, id))).doors;
    },

    /**
     * Whether someone let in earlier may stay: the circle has not ended and no host removed them. Asked before
     * every live command and when a dropped connection comes back, since the shared state may have moved on
     * while this socket was away or on another instance.
     */
    async mayStay(sessionId: string, identity: string): Promise<boolean> {
      const [ended, removed] = await Promise.all([live.isEnded(sessionId), live.isRemoved(sessionId, identity)]);
      return !ended && !removed;
    },

    /** A host ends the circle: in the live state for every instance now, and in the store so it stays ended. */
    async end(sessionId: string): Promise<void> {
      await live.setEnded(sessionId);
      const now = deps.clock.now();
      await deps.db.query('INSERT INTO ended_sessions (session_id, ended_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [sessionId, now]);
      // A week on, the session's window is long past and nothing asks any more.
      await deps.db.query('DELETE FROM ended_sessions WHERE ended_at < $1', [new Date(now.getTime() - 7 * 24 * 3600_000)]);
    },

    /**
     * Someone LiveKit saw join the room of a circle that was ended (an old token still opens a room until it
     * expires, and LiveKit makes the room anew): that session, to delete its room again, or null. Looked up among
     * the circles ended in the last two days, by their room names.
     */
    async endedRoom(room: string): Promise<string | null> {
      const since = new Date(deps.clock.now().getTime() - 2 * 24 * 3600_000);
      const rows = await deps.db.query<{ session_id: string }>('SELECT session_id FROM ended_sessions WHERE ended_at >= $1', [since]);
      return rows.find((r) => roomNameFor(deps.secret, r.session_id) === room)?.session_id ?? null;
    },

    /** The circle whose LiveKit room this is, while its live state lasts; null for any other room. */
    sessionOfRoom: (room: string): Promise<string | null> => live.sessionOfRoom(room),

    /**
     * Someone LiveKit saw join a room who was removed from its circle (their old token still opens the room until
     * it expires): the session to show them out of, or null.
     */
    async removedFromRoom(room: string, identity: string): Promise<string | null> {
      const sessionId = await live.sessionOfRoom(room);
      return sessionId && (await live.isRemoved(sessionId, identity)) ? sessionId : null;
    },

    /** LiveKit connection details for an entry into a circle: no microphone while a host blocks it. */
    async circleMedia(entry: CircleEntry): Promise<JoinMedia> {
      // LiveKit's webhooks name the room: whoever enters it with this token is known to be in this circle,
      // with or without the live circle's page.
      await live.bindRoom(entry.room, entry.session.planned.id);
      const micBlocked = (await live.micBlocked(entry.session.planned.id)).has(entry.identity);
      return media(entry.role, entry.currentVolunteer, entry.identity, entry.room, !micBlocked);
    },

    /**
     * A room that is not a circle (a matched pair's), keyed by `key`: whoever the caller has let in gets an opaque
     * identity there and the same rights as in a circle.
     */
    async room(user: PublicUser, key: string): Promise<{ identity: string; media: JoinMedia }> {
      const role = participantRole(user);
      const identity = participantIdentity(deps.secret, user.id, key);
      const currentVolunteer = role === 'volunteer' && (await isCurrent(user.id));
      return { identity, media: await media(role, currentVolunteer, identity, roomNameFor(deps.secret, key), true) };
    },
  };

  function media(role: ParticipantRole, currentVolunteer: boolean, identity: string, room: string, microphone: boolean): Promise<JoinMedia> {
    return mediaAdmission({
      media: deps.media,
      identity,
      room,
      role,
      currentVolunteer,
      microphone,
      ttlSeconds: deps.tokenTtlMinutes * 60,
      now: deps.clock.now(),
    });
  }
}
