import type { PublicUser } from '../../../shared/schemas/auth';
import type { CircleSession, JoinResponse, OutsideWindowData } from '../../../shared/schemas/circles';
import type { Clock } from '../clock';
import { participantRole } from '../auth/roles';
import { AppError } from '../http/errors';
import { circleToken } from '../livekit/circleToken';
import { participantIdentity, roomNameFor } from '../livekit/identities';
import type { Media } from '../livekit/media';
import type { Db } from '../store/db';
import { meets } from '../scheduling/plan';
import { isWindowOpen, wallClock, type DropInWindow } from '../scheduling/schedule';
import { schedulingRepository } from '../scheduling/scheduling.repository';
import { loadSession, mayAttend, sessionBasics, upcomingSessions, windowOf, type LoadedSession } from '../scheduling/sessions';

export type CirclesService = ReturnType<typeof createCirclesService>;

export function createCirclesService(deps: {
  db: Db;
  clock: Clock;
  media: Media;
  window: DropInWindow;
  /** Keys opaque LiveKit identities and room names. */
  secret: string;
  tokenTtlMinutes: number;
  /** Refuses media admission (by throwing an AppError) or says what the person may publish. */
  admit?: (user: PublicUser, sessionId: string, identity: string) => Promise<{ micBlocked: boolean }>;
  /** Notes what attendance counting will need from this join's webhooks (no person in it). */
  issueTicket?: (user: PublicUser, sessionId: string, identity: string, room: string, topic: string | null) => Promise<void>;
}) {
  const repo = schedulingRepository(deps.db);

  /** The session as the home and pre-join pages show it: with its drop-in window, and whether that is open now. */
  function view(loaded: LoadedSession, now: Date): CircleSession {
    const occ = loaded.planned.occurrence;
    const basics = sessionBasics(loaded);
    return {
      ...basics,
      opensAt: occ.opensAt.toISOString(),
      wallClock: { ...basics.wallClock, opensAt: wallClock(occ.opensAt, loaded.series.timezone) },
      isOpen: meets(loaded.planned) && isWindowOpen(occ, now),
    };
  }

  const missing = () =>
    new AppError(404, 'NOT_FOUND', 'We could not find that circle. Go back to the home page for the next one.');

  /** A session that exists, in an active series, for someone who may attend it (any audience without a user). */
  async function find(user: PublicUser | undefined, sessionId: string): Promise<LoadedSession> {
    const loaded = await loadSession(deps.db, sessionId, deps.window);
    if (!loaded || loaded.series.status !== 'active' || (user && !mayAttend(user, loaded.series, deps.clock.now()))) throw missing();
    return loaded;
  }

  /**
   * The session this person may enter now: it exists, they are in its audience, it meets (not cancelled or
   * skipped), and its drop-in window is open. Media and the live circle both admit through here.
   */
  async function admissible(user: PublicUser, sessionId: string): Promise<CircleSession> {
    participantRole(user); // an auditor is told plainly, not shown a "not found"
    const loaded = await find(user, sessionId);
    const now = deps.clock.now();
    if (!meets(loaded.planned)) {
      throw new AppError(409, 'SESSION_NOT_MEETING', loaded.planned.note ?? 'This circle is not meeting. Check the schedule for the next one.');
    }
    const occ = loaded.planned.occurrence;
    if (!isWindowOpen(occ, now)) {
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
        `This circle is not open right now. Doors open ${windowOf(loaded.series, deps.window).opensMinutesBefore} minutes before the start.`,
        { data },
      );
    }
    return view(loaded, now);
  }

  return {
    /** The circle in progress or next to open that this person (or, without one, anyone) may attend. */
    async next(user?: PublicUser): Promise<CircleSession | null> {
      const now = deps.clock.now();
      const series = (await repo.activeSeries()).filter((s) => !user || mayAttend(user, s, now));
      const first = (await upcomingSessions(deps.db, series, now, 8, deps.window))[0];
      return first ? view(first, now) : null;
    },

    /** One session; with a user, only if they may attend it. */
    async session(sessionId: string, user?: PublicUser): Promise<CircleSession> {
      return view(await find(user, sessionId), deps.clock.now());
    },

    admissible,

    async join(user: PublicUser, sessionId: string, displayName: string): Promise<JoinResponse> {
      const role = participantRole(user);
      const session = await admissible(user, sessionId);
      const now = deps.clock.now();
      const identity = participantIdentity(deps.secret, user.id, session.id);
      const { micBlocked } = (await deps.admit?.(user, session.id, identity)) ?? { micBlocked: false };
      const conn = deps.media.connection();
      const status = await deps.media.status();
      if (!conn || !status.available) {
        return { session, identity, media: { available: false, message: status.message ?? 'Audio and video are unavailable.' } };
      }
      const ttlSeconds = deps.tokenTtlMinutes * 60;
      await deps.issueTicket?.(user, session.id, identity, roomNameFor(deps.secret, session.id), session.topic);
      const token = await circleToken({
        apiKey: conn.apiKey,
        apiSecret: conn.apiSecret,
        identity,
        displayName,
        room: roomNameFor(deps.secret, session.id),
        role,
        ttlSeconds,
        microphone: !micBlocked,
      });
      return {
        session,
        identity,
        media: { available: true, serverUrl: conn.url, token, expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString() },
      };
    },
  };
}
