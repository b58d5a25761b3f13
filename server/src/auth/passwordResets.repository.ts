import { randomUUID } from 'node:crypto';
import type { Queryable } from '../store/db';

export interface PendingResetRow {
  user_id: string;
  first_name: string;
  email: string;
  requested_at: Date;
}

/**
 * "Forgot password?" requests and the links that serve them. A row without a token is a request waiting for staff;
 * a row with one is a link (only the token's hash is kept), usable once until `expires_at`.
 */
export function passwordResetsRepository(db: Queryable) {
  return {
    /** One waiting request per person: asking again moves its time, it does not queue them twice. */
    async request(userId: string, at: Date): Promise<void> {
      const moved = await db.query('UPDATE password_resets SET requested_at = $2 WHERE user_id = $1 AND token_hash IS NULL RETURNING id', [userId, at]);
      if (moved.length > 0) return;
      await db.query('INSERT INTO password_resets (id, user_id, requested_at) VALUES ($1, $2, $3)', [randomUUID(), userId, at]);
    },

    /**
     * A link for `userId`; any waiting request of theirs is served by it (removed). Returns the row's id, so a link
     * whose e-mail fails can go back to waiting for staff.
     */
    async issue(userId: string, tokenHash: string, at: Date, expiresAt: Date, issuedBy: string | null): Promise<string> {
      const id = randomUUID();
      await db.query('DELETE FROM password_resets WHERE user_id = $1 AND token_hash IS NULL', [userId]);
      await db.query(
        'INSERT INTO password_resets (id, user_id, requested_at, token_hash, expires_at, issued_by) VALUES ($1, $2, $3, $4, $5, $6)',
        [id, userId, at, tokenHash, expiresAt, issuedBy],
      );
      return id;
    },

    /** The e-mail with this link did not go out: the link is dropped and the request waits for staff instead. */
    async backToStaff(id: string): Promise<void> {
      await db.query('UPDATE password_resets SET token_hash = NULL, expires_at = NULL, issued_by = NULL WHERE id = $1 AND used_at IS NULL', [id]);
    },

    /** Whether a link can still be used; changes nothing. */
    async usable(tokenHash: string, now: Date): Promise<boolean> {
      const rows = await db.query('SELECT 1 FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2', [tokenHash, now]);
      return rows.length > 0;
    },

    /** Marks the link used and returns whose it is and who issued it, atomically; null when unknown, used or expired. */
    async consume(tokenHash: string, now: Date): Promise<{ user_id: string; issued_by: string | null } | null> {
      const rows = await db.query<{ user_id: string; issued_by: string | null }>(
        'UPDATE password_resets SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id, issued_by',
        [tokenHash, now],
      );
      return rows[0] ?? null;
    },

    /** After a reset, nothing else outstanding for that person works any more (other links, a waiting request). */
    async closeAllFor(userId: string): Promise<void> {
      await db.query('DELETE FROM password_resets WHERE user_id = $1 AND used_at IS NULL', [userId]);
    },

    /** Requests waiting for staff since `since` or later, oldest first. */
    async pending(since: Date): Promise<PendingResetRow[]> {
      return db.query<PendingResetRow>(
        `SELECT r.user_id, u.first_name, u.email, r.requested_at FROM password_resets r JOIN users u ON u.id = r.user_id
          WHERE r.token_hash IS NULL AND r.requested_at >= $1 ORDER BY r.requested_at, r.user_id`,
        [since],
      );
    },

    /** Forgets requests made before `pendingBefore` and links used or expired before `linksBefore`; returns how many. */
    async expire(pendingBefore: Date, linksBefore: Date): Promise<number> {
      const rows = await db.query(
        `DELETE FROM password_resets
          WHERE (token_hash IS NULL AND requested_at < $1) OR (token_hash IS NOT NULL AND (used_at < $2 OR expires_at < $2))
          RETURNING id`,
        [pendingBefore, linksBefore],
      );
      return rows.length;
    },
  };
}
