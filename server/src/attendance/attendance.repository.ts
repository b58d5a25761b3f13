import type { Queryable } from '../store/db';

/** What a join leaves for its webhooks: the session, and the attendee as a yearly pseudonym and a kind (no person). */
export interface Ticket {
  session_id: string;
  /** "YYYY-MM-DD". */
  session_day: string;
  reporting_year: number;
  pseudonym: string;
  kind: string;
  topic: string | null;
}

/** One session's attendance for one kind of attendee, as the daily roll-up keeps it. */
export interface DailyRow {
  sessionId: string;
  day: string;
  topic: string | null;
  kind: string;
  attendees: number;
  timedSeconds: number;
  timedAttendees: number;
}

/**
 * The attendance store: tickets, spans, yearly reach, the daily roll-up and the webhook ids already seen. The only
 * place that reads or writes those tables; nothing in them names a person.
 */
export function attendanceRepository(db: Queryable) {
  return {
    async ticketOf(identity: string): Promise<Ticket | null> {
      const rows = await db.query<Ticket>(
        `SELECT session_id, to_char(session_day, 'YYYY-MM-DD') AS session_day, reporting_year, pseudonym, kind, topic
           FROM attendance_tickets WHERE identity = $1`,
        [identity],
      );
      return rows[0] ?? null;
    },

    /** Keyed by the opaque identity; a second join in the same session refreshes the topic and the issue time. */
    async putTicket(identity: string, room: string, t: Ticket, issuedAt: Date): Promise<void> {
      await db.query(
        `INSERT INTO attendance_tickets (identity, room, session_id, session_day, reporting_year, pseudonym, kind, topic, issued_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (identity) DO UPDATE SET topic = EXCLUDED.topic, issued_at = EXCLUDED.issued_at`,
        [identity, room, t.session_id, t.session_day, t.reporting_year, t.pseudonym, t.kind, t.topic, issuedAt],
      );
    },

    /** The session a LiveKit room was issued tickets for, if any. */
    async sessionOfRoom(room: string): Promise<string | null> {
      const rows = await db.query<{ session_id: string }>('SELECT session_id FROM attendance_tickets WHERE room = $1 LIMIT 1', [room]);
      return rows[0]?.session_id ?? null;
    },

    /**
     * Widens one participant's span (earliest join, latest leave) and notes the pseudonym as reached in its
     * reporting year, so duplicate and out-of-order deliveries end in the same rows.
     */
    async widenSpan(t: Ticket, sid: string, joinedAt: Date, leftAt: Date | null): Promise<void> {
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
        `INSERT INTO attendance_reach (reporting_year, pseudonym, kind, first_seen_on, last_seen_on) VALUES ($1, $2, $3, $4, $4)
         ON CONFLICT (reporting_year, pseudonym) DO UPDATE SET
           first_seen_on = LEAST(attendance_reach.first_seen_on, EXCLUDED.first_seen_on),
           last_seen_on = GREATEST(attendance_reach.last_seen_on, EXCLUDED.last_seen_on)`,
        [t.reporting_year, t.pseudonym, t.kind, t.session_day],
      );
    },

    /** Closes a session's open spans at `at`, except those of the participants still present. */
    async closeOpen(sessionId: string, at: Date, keepSids: string[] = []): Promise<void> {
      await db.query(
        `UPDATE attendance_spans SET left_at = GREATEST(joined_at, $2)
          WHERE session_id = $1 AND left_at IS NULL AND NOT (participant_sid = ANY($3::text[]))`,
        [sessionId, at, keepSids],
      );
    },

    /** Sessions with a span still open. */
    async sessionsWithOpenSpans(): Promise<string[]> {
      const rows = await db.query<{ session_id: string }>('SELECT DISTINCT session_id FROM attendance_spans WHERE left_at IS NULL');
      return rows.map((r) => r.session_id);
    },

    /** Records a webhook event id; false when it was seen before. */
    async forgetDelivery(eventId: string): Promise<void> {
      await db.query('DELETE FROM webhook_events WHERE id = $1', [eventId]);
    },

    async firstDelivery(eventId: string, at: Date): Promise<boolean> {
      const rows = await db.query('INSERT INTO webhook_events (id, received_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id', [eventId, at]);
      return rows.length > 0;
    },

    /**
     * Recomputes the kept daily aggregates for every session that still has raw rows. An upsert, not delete and
     * insert, so two instances (or two report requests) rolling up at once cannot collide; spans only ever grow
     * until retention removes a whole session, so no aggregate row goes stale.
     *
     * Then notes, per person and year, the first day they were in a group (one kind at one session) of at least
     * `threshold` people: new-versus-returning and the yearly reach count only those, so somebody who came only to
     * smaller groups changes no figure at all.
     */
    async rollup(threshold: number): Promise<void> {
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
      await db.query(
        `UPDATE attendance_reach r SET first_counted_on = m.day
           FROM (SELECT s.reporting_year, s.pseudonym, min(s.session_day) AS day
                   FROM attendance_spans s
                   JOIN attendance_daily d ON d.session_id = s.session_id AND d.kind = s.kind AND d.attendees >= $1
                  GROUP BY s.reporting_year, s.pseudonym) m
          WHERE r.reporting_year = m.reporting_year AND r.pseudonym = m.pseudonym
            AND (r.first_counted_on IS NULL OR r.first_counted_on > m.day)`,
        [threshold],
      );
    },

    /**
     * Deletes every per-pseudonym row past retention: spans of sessions before `day` ("YYYY-MM-DD"), the yearly
     * reach of people last seen before it (folded into `attendance_reach_totals` in the same statement, so two
     * instances running retention at once cannot count anyone twice), tickets issued before one instant and
     * webhook ids received before another.
     */
    async deleteBefore(day: string, ticketsIssuedBefore: Date, eventsReceivedBefore: Date): Promise<void> {
      await db.query('DELETE FROM attendance_spans WHERE session_day < $1', [day]);
      await db.query(
        `WITH gone AS (DELETE FROM attendance_reach WHERE last_seen_on < $1 RETURNING reporting_year, kind, first_counted_on)
         INSERT INTO attendance_reach_totals (reporting_year, kind, people)
         SELECT reporting_year, kind, count(*) FROM gone WHERE first_counted_on IS NOT NULL GROUP BY reporting_year, kind
         ON CONFLICT (reporting_year, kind) DO UPDATE SET people = attendance_reach_totals.people + EXCLUDED.people`,
        [day],
      );
      await db.query('DELETE FROM attendance_tickets WHERE issued_at < $1', [ticketsIssuedBefore]);
      await db.query('DELETE FROM webhook_events WHERE received_at < $1', [eventsReceivedBefore]);
    },

    /** The daily aggregates of the sessions between two days, inclusive. */
    async daily(from: string, to: string): Promise<DailyRow[]> {
      const rows = await db.query<{ session_id: string; day: string; topic: string | null; kind: string; attendees: number; timed_seconds: string; timed_attendees: number }>(
        `SELECT session_id, to_char(session_day, 'YYYY-MM-DD') AS day, topic, kind, attendees, timed_seconds, timed_attendees
           FROM attendance_daily WHERE session_day BETWEEN $1 AND $2`,
        [from, to],
      );
      return rows.map((r) => ({
        sessionId: r.session_id,
        day: r.day,
        topic: r.topic,
        kind: r.kind,
        attendees: Number(r.attendees),
        timedSeconds: Number(r.timed_seconds),
        timedAttendees: Number(r.timed_attendees),
      }));
    },

    /**
     * How many people came between two days in groups (one kind at one session) of at least `threshold`, and how
     * many of them were first counted in that period. A person is counted once per reporting year (pseudonyms do
     * not link years). Smaller groups are left out, so a small circle and an empty one give the same numbers.
     */
    async people(from: string, to: string, threshold: number): Promise<{ unique: number; newcomers: number }> {
      const [row] = await db.query<{ unique: string; newcomers: string }>(
        `SELECT count(DISTINCT s.reporting_year || ':' || s.pseudonym) AS unique,
                count(DISTINCT CASE WHEN r.first_counted_on BETWEEN $1 AND $2 THEN s.reporting_year || ':' || s.pseudonym END) AS newcomers
           FROM attendance_spans s
           JOIN attendance_daily d ON d.session_id = s.session_id AND d.kind = s.kind AND d.attendees >= $3
           JOIN attendance_reach r ON r.reporting_year = s.reporting_year AND r.pseudonym = s.pseudonym
          WHERE s.session_day BETWEEN $1 AND $2`,
        [from, to, threshold],
      );
      return { unique: Number(row?.unique ?? 0), newcomers: Number(row?.newcomers ?? 0) };
    },

    /**
     * People reached, per reporting year and kind: those still under retention and counted in a group of at least
     * the threshold, plus the totals retention folded away.
     */
    async reach(): Promise<Array<{ year: number; kind: string; people: number }>> {
      const rows = await db.query<{ reporting_year: number; kind: string; n: string }>(
        `SELECT reporting_year, kind, sum(n) AS n FROM (
           SELECT reporting_year, kind, count(*) AS n FROM attendance_reach WHERE first_counted_on IS NOT NULL GROUP BY reporting_year, kind
           UNION ALL SELECT reporting_year, kind, people AS n FROM attendance_reach_totals) t
          GROUP BY reporting_year, kind ORDER BY reporting_year`,
      );
      return rows.map((r) => ({ year: Number(r.reporting_year), kind: r.kind, people: Number(r.n) }));
    },

    /** The random seed of a reporting year's key, made by whichever instance asks first. */
    async yearSeed(year: number, fresh: string, at: Date): Promise<string> {
      await db.query('INSERT INTO attendance_year_keys (reporting_year, seed, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [year, fresh, at]);
      const rows = await db.query<{ seed: string }>('SELECT seed FROM attendance_year_keys WHERE reporting_year = $1', [year]);
      return rows[0]!.seed;
    },

    /** Destroys the keys of reporting years before `year`; returns the years destroyed. */
    async destroyYearKeysBefore(year: number): Promise<number[]> {
      const rows = await db.query<{ reporting_year: number }>('DELETE FROM attendance_year_keys WHERE reporting_year < $1 RETURNING reporting_year', [year]);
      return rows.map((r) => Number(r.reporting_year));
    },
  };
}
