import type { MemberKind, Role } from '../../../shared/schemas/auth';
import type { ReminderList } from '../../../shared/schemas/reminders';
import type { Queryable } from '../store/db';

/** Someone on a list, with what deciding which circles they may attend needs (and the address to write to). */
export interface Subscriber {
  id: string;
  email: string;
  role: Role;
  memberKind: MemberKind | null;
  yearOfCall: number | null;
  /** The language they chose (null: the program's default); every e-mail to them is written in it. */
  locale: string | null;
}

/** A notice waiting to be sent (or to be tried again). */
export interface OpenSend {
  kind: string;
  ref: string;
  userId: string;
}

/**
 * The reminders' store: who is on which list, and one row per reminder or notice claimed for sending (never its
 * text). Times are the app clock's, passed in, so instances on one PostgreSQL agree.
 */
export function remindersRepository(db: Queryable) {
  const SUBSCRIBER = `u.id::text AS id, u.email, u.role, u.member_kind AS "memberKind", u.year_of_call AS "yearOfCall", u.locale`;
  return {
    async listsOf(userId: string): Promise<ReminderList[]> {
      const rows = await db.query<{ list: ReminderList }>('SELECT list FROM reminder_subscriptions WHERE user_id = $1', [userId]);
      return rows.map((r) => r.list);
    },
    async subscribe(userId: string, list: ReminderList, at: Date): Promise<void> {
      await db.query(
        'INSERT INTO reminder_subscriptions (user_id, list, created_at) VALUES ($1, $2, $3) ON CONFLICT (user_id, list) DO NOTHING',
        [userId, list, at],
      );
    },
    async unsubscribe(userId: string, list: ReminderList): Promise<void> {
      await db.query('DELETE FROM reminder_subscriptions WHERE user_id = $1 AND list = $2', [userId, list]);
    },
    /** Everyone on a list whose account is enabled. */
    async subscribers(list: ReminderList, userIds?: string[]): Promise<Subscriber[]> {
      return db.query<Subscriber>(
        `SELECT ${SUBSCRIBER} FROM reminder_subscriptions r JOIN users u ON u.id = r.user_id
         WHERE r.list = $1 AND u.disabled_at IS NULL ${userIds ? 'AND u.id = ANY($2::uuid[])' : ''} ORDER BY u.id`,
        userIds ? [list, userIds] : [list],
      );
    },
    /** How many enabled accounts are on each list (before any disclosure control). */
    async counts(): Promise<Map<ReminderList, number>> {
      const rows = await db.query<{ list: ReminderList; n: number }>(
        `SELECT r.list, count(*)::int AS n FROM reminder_subscriptions r JOIN users u ON u.id = r.user_id
         WHERE u.disabled_at IS NULL GROUP BY r.list`,
      );
      return new Map(rows.map((r) => [r.list, r.n]));
    },

    /** A notice to send: kept as waiting, once per (kind, ref, person) however often the event is told. */
    async queue(kind: string, ref: string, userId: string, at: Date): Promise<void> {
      await db.query(
        `INSERT INTO reminder_sends (kind, ref, user_id, state, attempts, created_at, updated_at)
         VALUES ($1, $2, $3, 'pending', 0, $4, $4) ON CONFLICT (kind, ref, user_id) DO NOTHING`,
        [kind, ref, userId, at],
      );
    },
    /**
     * Claims a send for this instance: a new row, or a waiting or failed one with attempts left. True for exactly
     * one caller, whichever instances ask at once; a row being sent or sent already is never claimed again.
     */
    async claim(kind: string, ref: string, userId: string, at: Date, maxAttempts: number): Promise<boolean> {
      const rows = await db.query(
        `INSERT INTO reminder_sends (kind, ref, user_id, state, attempts, created_at, updated_at)
         VALUES ($1, $2, $3, 'sending', 1, $4, $4)
         ON CONFLICT (kind, ref, user_id) DO UPDATE SET state = 'sending', attempts = reminder_sends.attempts + 1, updated_at = $4
           WHERE reminder_sends.state IN ('pending', 'failed') AND reminder_sends.attempts < $5
         RETURNING kind`,
        [kind, ref, userId, at, maxAttempts],
      );
      return rows.length > 0;
    },
    async finish(kind: string, ref: string, userId: string, state: 'sent' | 'failed', at: Date): Promise<void> {
      await db.query(
        `UPDATE reminder_sends SET state = $4, updated_at = $5 WHERE kind = $1 AND ref = $2 AND user_id = $3 AND state = 'sending'`,
        [kind, ref, userId, state, at],
      );
    },
    /** A waiting notice nobody should get any more (the person left the list): forgotten. */
    async drop(kind: string, ref: string, userId: string): Promise<void> {
      await db.query(`DELETE FROM reminder_sends WHERE kind = $1 AND ref = $2 AND user_id = $3 AND state <> 'sent'`, [kind, ref, userId]);
    },
    /** Notices waiting or failed with attempts left, oldest first. */
    async open(maxAttempts: number, limit = 200): Promise<OpenSend[]> {
      return db.query<OpenSend>(
        `SELECT kind, ref, user_id::text AS "userId" FROM reminder_sends
         WHERE state IN ('pending', 'failed') AND attempts < $1 ORDER BY created_at LIMIT $2`,
        [maxAttempts, limit],
      );
    },
    /** Send records are kept only as long as they prevent a repeat: rows older than `before` go. */
    async forgetBefore(before: Date): Promise<void> {
      await db.query('DELETE FROM reminder_sends WHERE updated_at < $1', [before]);
    },
  };
}
