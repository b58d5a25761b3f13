import type { PublicUser } from '../../../shared/schemas/auth';
import type { CircleSession, JoinResponse, OutsideWindowData } from '../../../shared/schemas/circles';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import { circleToken } from '../livekit/circleToken';
import { participantIdentity, roomNameFor } from '../livekit/identities';
import type { Media } from '../livekit/media';
import type { Db } from '../store/db';
import { circlesRepository, ruleOf, type SeriesRow } from './circles.repository';
import { isWindowOpen, nextOccurrence, occurrenceOn, wallClock, type DropInWindow, type Occurrence } from './schedule';
import { parseSessionId, sessionIdOf } from './sessionId';

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
}) {
  const repo = circlesRepository(deps.db);

  async function view(series: SeriesRow, occ: Occurrence, now: Date): Promise<CircleSession> {
    return {
      id: sessionIdOf(series.id, occ.localDate),
      seriesId: series.id,
      title: series.title,
      topic: (await repo.topicOn(series.id, occ.localDate)) ?? series.default_topic,
      timezone: series.timezone,
      startsAt: occ.startsAt.toISOString(),
      endsAt: occ.endsAt.toISOString(),
      opensAt: occ.opensAt.toISOString(),
      wallClock: {
        startsAt: wallClock(occ.startsAt, series.timezone),
        endsAt: wallClock(occ.endsAt, series.timezone),
        opensAt: wallClock(occ.opensAt, series.timezone),
      },
      isOpen: isWindowOpen(occ, now),
    };
  }

  async function find(sessionId: string): Promise<{ series: SeriesRow; occ: Occurrence }> {
    const parsed = parseSessionId(sessionId);
    const series = parsed ? await repo.seriesById(parsed.seriesId) : null;
    const occ = parsed && series?.active ? occurrenceOn(ruleOf(series), parsed.localDate, deps.window) : null;
    if (!series || !occ) {
      throw new AppError(404, 'NOT_FOUND', 'We could not find that circle. Go back to the home page for the next one.');
    }
    return { series, occ };
  }

  return {
    /** The circle in progress or next to open, across all active series. */
    async next(): Promise<CircleSession | null> {
      const now = deps.clock.now();
      const candidates = (await repo.activeSeries()).map((s) => ({ s, occ: nextOccurrence(ruleOf(s), now, deps.window) }));
      candidates.sort((a, b) => a.occ.startsAt.getTime() - b.occ.startsAt.getTime());
      const first = candidates[0];
      return first ? view(first.s, first.occ, now) : null;
    },

    async session(sessionId: string): Promise<CircleSession> {
      const { series, occ } = await find(sessionId);
      return view(series, occ, deps.clock.now());
    },

    async join(user: PublicUser, sessionId: string, displayName: string): Promise<JoinResponse> {
      const { series, occ } = await find(sessionId);
      const now = deps.clock.now();
      if (!isWindowOpen(occ, now)) {
        const upcoming = nextOccurrence(ruleOf(series), now, deps.window);
        const data: OutsideWindowData = {
          opensAt: upcoming.opensAt.toISOString(),
          startsAt: upcoming.startsAt.toISOString(),
          opensAtLocal: wallClock(upcoming.opensAt, series.timezone),
          nextSessionId: sessionIdOf(series.id, upcoming.localDate),
        };
        throw new AppError(
          409,
          'OUTSIDE_WINDOW',
          `This circle is not open right now. Doors open ${deps.window.opensMinutesBefore} minutes before the start.`,
          { data },
        );
      }
      const session = await view(series, occ, now);
      const identity = participantIdentity(deps.secret, user.id, session.id);
      const { micBlocked } = (await deps.admit?.(user, session.id, identity)) ?? { micBlocked: false };
      const conn = deps.media.connection();
      const status = await deps.media.status();
      if (!conn || !status.available) {
        return { session, identity, media: { available: false, message: status.message ?? 'Audio and video are unavailable.' } };
      }
      const ttlSeconds = deps.tokenTtlMinutes * 60;
      const token = await circleToken({
        apiKey: conn.apiKey,
        apiSecret: conn.apiSecret,
        identity,
        displayName,
        room: roomNameFor(deps.secret, session.id),
        role: user.role,
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
