import type { WebhookEvent } from 'livekit-server-sdk';
import type { PublicUser } from '../../../shared/schemas/auth';
import type { AttendeeKind } from '../../../shared/schemas/reports';
import type { Clock } from '../clock';
import { roomNameFor } from '../livekit/identities';
import type { Media } from '../livekit/media';
import type { Logger } from '../log';
import { parseSessionId } from '../scheduling/sessionId';
import type { Db } from '../store/db';
import { attendanceRepository } from './attendance.repository';
import { attendancePseudonym, newYearSeed } from './pseudonym';

const DAY_MS = 86_400_000;
/** Tickets only bridge a token to its webhooks; a day covers any circle. */
const TICKET_TTL_MS = DAY_MS;
/**
 * A year's key is needed only to issue tickets for that year's sessions, whose drop-in windows all close before
 * the next year is a day and a half old in UTC (any Canadian zone); then it is destroyed.
 */
const YEAR_KEY_GRACE_MS = 36 * 3_600_000;

export type AttendanceService = ReturnType<typeof createAttendanceService>;

/** Staff are not counted: they are not the people the circles reach. */
export function attendeeKind(user: PublicUser): AttendeeKind | null {
  if (user.role === 'volunteer') return 'volunteer';
  if (user.role === 'member') return user.memberKind;
  return null;
}

const toDate = (seconds: bigint | number | undefined): Date | null =>
  seconds !== undefined && Number(seconds) > 0 ? new Date(Number(seconds) * 1000) : null;

/**
 * Attendance, derived from LiveKit's webhooks: per session and attendee a yearly pseudonym, the kind, and join
 * and leave times — never a user id, email or name.
 *
 * Why a server-side ticket rather than token attributes: participant attributes are visible to everyone in the
 * room, so a yearly pseudonym there would let participants link one person's visits across circles (their
 * LiveKit identities are per session precisely to prevent that). The ticket maps the per-session opaque identity
 * to the pseudonym and kind in our own store, and is deleted after a day.
 *
 * Every write is an upsert keyed by (session, LiveKit participant sid) that only widens a span (earliest join,
 * latest leave), so duplicate and out-of-order deliveries end in the same rows.
 */
export function createAttendanceService(deps: {
  db: Db;
  clock: Clock;
  log: Logger;
  media: Media;
  secret: string;
  retentionDays: number;
  /** Groups (one kind at one session) smaller than this count in no report figure. */
  smallCellThreshold: number;
}) {
  const repo = attendanceRepository(deps.db);

  async function span(identity: string, sid: string, joinedAt: Date, leftAt: Date | null): Promise<void> {
    const t = await repo.ticketOf(identity);
    // No ticket: not a circle attendee we count (staff, a pair room, or a ticket past its day).
    if (!t) return;
    await repo.widenSpan(t, sid, joinedAt, leftAt);
  }

  return {
    /** At join: what the webhooks will need, keyed by the opaque identity. Nothing for staff. */
    async issueTicket(user: PublicUser, sessionId: string, identity: string, room: string, topic: string | null): Promise<void> {
      const kind = attendeeKind(user);
      const parsed = parseSessionId(sessionId);
      if (!kind || !parsed) return;
      // The reporting year is the session's own (calendar) year, so a circle's attendees share one key.
      const year = Number(parsed.localDate.slice(0, 4));
      const ticket = {
        session_id: sessionId,
        session_day: parsed.localDate,
        reporting_year: year,
        pseudonym: attendancePseudonym(deps.secret, await repo.yearSeed(year, newYearSeed(), deps.clock.now()), user.id),
        kind,
        topic,
      };
      await repo.putTicket(identity, room, ticket, deps.clock.now());
    },

    /** Records a webhook event id; false when it was seen before. */
    firstDelivery: (eventId: string): Promise<boolean> => repo.firstDelivery(eventId, new Date()),
    forgetDelivery: (eventId: string): Promise<void> => repo.forgetDelivery(eventId),

    async onWebhook(event: WebhookEvent): Promise<void> {
      const at = toDate(event.createdAt) ?? new Date();
      const p = event.participant;
      if ((event.event === 'participant_joined' || event.event === 'participant_left') && p?.identity && p.sid) {
        const joinedAt = toDate(p.joinedAt) ?? at;
        await span(p.identity, p.sid, joinedAt, event.event === 'participant_left' ? at : null);
      } else if (event.event === 'room_finished' && event.room?.name) {
        const sessionId = await repo.sessionOfRoom(event.room.name);
        if (sessionId) await repo.closeOpen(sessionId, at);
      }
    },

    /**
     * Covers a missed `participant_left` or `room_finished`: every open span whose participant the room service no
     * longer lists is closed now.
     */
    async reconcile(): Promise<void> {
      const rooms = deps.media.roomService();
      if (!rooms) return;
      for (const sessionId of await repo.sessionsWithOpenSpans()) {
        let present: string[];
        try {
          present = (await rooms.listParticipants(roomNameFor(deps.secret, sessionId))).map((p) => p.sid);
        } catch (err) {
          // A finished room is "not found"; anything else (LiveKit down) must not close live spans.
          const e = err as { status?: number; code?: string; message?: string };
          if (!(e.status === 404 || e.code === 'not_found' || /does not exist/i.test(e.message ?? ''))) continue;
          present = [];
        }
        await repo.closeOpen(sessionId, deps.clock.now(), present);
      }
    },

    /** Recomputes the kept daily aggregates (see the repository); reports call it before they read them. */
    rollup: (): Promise<void> => repo.rollup(deps.smallCellThreshold),

    /**
     * Deletes every per-pseudonym row past retention (spans and yearly reach, after folding them into the
     * aggregates), stale tickets and event ids, and destroys the keys of reporting years that are over.
     */
    async applyRetention(): Promise<void> {
      const now = deps.clock.now().getTime();
      await repo.rollup(deps.smallCellThreshold);
      const cutoff = new Date(now - deps.retentionDays * DAY_MS).toISOString().slice(0, 10);
      // Event ids are stamped with the real clock when they arrive (firstDelivery), so they age by it too.
      await repo.deleteBefore(cutoff, new Date(now - TICKET_TTL_MS), new Date(Date.now() - DAY_MS));
      const destroyed = await repo.destroyYearKeysBefore(new Date(now - YEAR_KEY_GRACE_MS).getUTCFullYear());
      if (destroyed.length > 0) deps.log.info('attendance.year_keys_destroyed', { years: destroyed.join(',') });
    },

    /** The first day whose raw rows are still kept. */
    retainedFrom(): string {
      return new Date(deps.clock.now().getTime() - deps.retentionDays * DAY_MS).toISOString().slice(0, 10);
    },
  };
}
