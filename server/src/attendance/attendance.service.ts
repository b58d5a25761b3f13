import type { WebhookEvent } from 'livekit-server-sdk';
import type { PublicUser } from '../../../shared/schemas/auth';
import type { AttendeeKind } from '../../../shared/schemas/reports';
import { parseSessionId } from '../scheduling/sessionId';
import type { Clock } from '../clock';
import { roomNameFor } from '../livekit/identities';
import type { Media } from '../livekit/media';
import type { Logger } from '../log';
import type { Db } from '../store/db';
import { attendancePseudonym } from './pseudonym';

const DAY_MS = 86_400_000;
/** Tickets only bridge a token to its webhooks; a day covers any circle. */
const TICKET_TTL_MS = DAY_MS;

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
export function createAttendanceService(deps: { db: Db; clock: Clock; log: Logger; media: Media; secret: string; retentionDays: number }) {
  const { db } = deps;

  async function ticketOf(identity: string) {
    const rows = await db.query<{ session_id: string; session_day: string; reporting_year: number; pseudonym: string; kind: string; topic: string | null }>(
      `SELECT session_id, to_char(session_day, 'YYYY-MM-DD') AS session_day, reporting_year, pseudonym, kind, topic
         FROM attendance_tickets WHERE identity = $1`,
      [identity],
    );
    return rows[0] ?? null;
  }

  async function span(identity: string, sid: string, joinedAt: Date, leftAt: Date | null): Promise<void> {
    const t = await ticketOf(identity);
    // No ticket: not a circle attendee we count (staff, a pair room, or a ticket past its day).
    if (!t) return;
    await db.query(
      `INSERT INTO attendance_spans (session_id, participant_sid, session_day, reporting_year, pseudonym, kind, topic, joined_at, left_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (session_id, participant_sid) DO UPDATE SET
         joined_at = LEAST(attendance_spans.joined_at, EXCLUDED.joined_at),
         left_at = CASE WHEN attendance_spans.left_at IS NULL THEN EXCLUDED.left_at
                        WHEN EXCLUDED.left_at IS NULL THEN attendance_spans.left_at
                        ELSE GREATEST(attendance_spans.left_at, EXCLUDED.left_at) END`,
      [t.session_id, sid, t.session_day, t.reporting_year, t.pseudonym, t.kind, t.topic, joinedAt, leftAt],
    );
    await db.query(
      `INSERT INTO attendance_reach (reporting_year, pseudonym, kind, first_seen_on) VALUES ($1, $2, $3, $4)
       ON CONFLICT (reporting_year, pseudonym) DO UPDATE SET first_seen_on = LEAST(attendance_reach.first_seen_on, EXCLUDED.first_seen_on)`,
      [t.reporting_year, t.pseudonym, t.kind, t.session_day],
    );
  }

  async function closeOpen(sessionId: string, at: Date, keepSids: string[] = []): Promise<void> {
    await db.query(
      `UPDATE attendance_spans SET left_at = GREATEST(joined_at, $2)
        WHERE session_id = $1 AND left_at IS NULL AND NOT (participant_sid = ANY($3::text[]))`,
      [sessionId, at, keepSids],
    );
  }

  return {
    /** At join: what the webhooks will need, keyed by the opaque identity. Nothing for staff. */
    async issueTicket(user: PublicUser, sessionId: string, identity: string, room: string, topic: string | null): Promise<void> {
      const kind = attendeeKind(user);
      const parsed = parseSessionId(sessionId);
      if (!kind || !parsed) return;
      // The reporting year is the session's own (calendar) year, so a circle's attendees share one key.
      const year = Number(parsed.localDate.slice(0, 4));
      await db.query(
        `INSERT INTO attendance_tickets (identity, room, session_id, session_day, reporting_year, pseudonym, kind, topic, issued_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (identity) DO UPDATE SET topic = EXCLUDED.topic, issued_at = EXCLUDED.issued_at`,
        [identity, room, sessionId, parsed.localDate, year, attendancePseudonym(deps.secret, year, user.id), kind, topic, deps.clock.now()],
      );
    },

    /** Records a webhook event id; false when it was seen before. */
    async firstDelivery(eventId: string): Promise<boolean> {
      const rows = await db.query('INSERT INTO webhook_events (id, received_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id', [
        eventId,
        new Date(),
      ]);
      return rows.length > 0;
    },

    async onWebhook(event: WebhookEvent): Promise<void> {
      const at = toDate(event.createdAt) ?? new Date();
      const p = event.participant;
      if ((event.event === 'participant_joined' || event.event === 'participant_left') && p?.identity && p.sid) {
        const joinedAt = toDate(p.joinedAt) ?? at;
        await span(p.identity, p.sid, joinedAt, event.event === 'participant_left' ? at : null);
      } else if (event.event === 'room_finished' && event.room?.name) {
        const rows = await db.query<{ session_id: string }>('SELECT session_id FROM attendance_tickets WHERE room = $1 LIMIT 1', [event.room.name]);
        if (rows[0]) await closeOpen(rows[0].session_id, at);
      }
    },

    /**
     * Covers a missed `participant_left` or `room_finished`: every open span whose participant the room service no
     * longer lists is closed now.
     */
    async reconcile(): Promise<void> {
      const rooms = deps.media.roomService();
      if (!rooms) return;
      const open = await db.query<{ session_id: string }>('SELECT DISTINCT session_id FROM attendance_spans WHERE left_at IS NULL');
      for (const { session_id } of open) {
        let present: string[];
        try {
          present = (await rooms.listParticipants(roomNameFor(deps.secret, session_id))).map((p) => p.sid);
        } catch (err) {
          // A finished room is "not found"; anything else (LiveKit down) must not close live spans.
          const e = err as { status?: number; code?: string; message?: string };
          if (!(e.status === 404 || e.code === 'not_found' || /does not exist/i.test(e.message ?? ''))) continue;
          present = [];
        }
        await closeOpen(session_id, deps.clock.now(), present);
      }
    },

    /**
     * Recomputes the kept daily aggregates for every session that still has raw rows. An upsert, not delete and
     * insert, so two instances (or two report requests) rolling up at once cannot collide; spans only ever grow
     * until retention removes a whole session, so no aggregate row goes stale.
     */
    async rollup(): Promise<void> {
      await db.query(
        `INSERT INTO attendance_daily (session_id, session_day, topic, kind, attendees, timed_seconds, timed_attendees)
         SELECT session_id, min(session_day), min(topic), kind, count(*), coalesce(sum(seconds), 0), count(seconds)
           FROM (SELECT session_id, session_day, topic, kind, pseudonym,
                        CASE WHEN bool_and(left_at IS NOT NULL)
                             THEN sum(extract(epoch FROM left_at - joined_at))::bigint END AS seconds
                   FROM attendance_spans GROUP BY session_id, session_day, topic, kind, pseudonym) per_person
          GROUP BY session_id, kind
         ON CONFLICT (session_id, kind) DO UPDATE SET
           session_day = EXCLUDED.session_day, topic = EXCLUDED.topic, attendees = EXCLUDED.attendees,
           timed_seconds = EXCLUDED.timed_seconds, timed_attendees = EXCLUDED.timed_attendees`,
      );
    },

    /** Deletes raw rows past retention (after folding them into the aggregates), stale tickets and event ids. */
    async applyRetention(): Promise<void> {
      const now = deps.clock.now().getTime();
      await this.rollup();
      const cutoff = new Date(now - deps.retentionDays * DAY_MS).toISOString().slice(0, 10);
      await db.query('DELETE FROM attendance_spans WHERE session_day < $1', [cutoff]);
      await db.query('DELETE FROM attendance_tickets WHERE issued_at < $1', [new Date(now - TICKET_TTL_MS)]);
      await db.query('DELETE FROM webhook_events WHERE received_at < $1', [new Date(Date.now() - DAY_MS)]);
    },

    /** The first day whose raw rows are still kept. */
    retainedFrom(): string {
      return new Date(deps.clock.now().getTime() - deps.retentionDays * DAY_MS).toISOString().slice(0, 10);
    },

  };
}
