import type { Queryable } from '../store/db';

/**
 * The confidentiality pledge: that a person agreed, and when — one row per person, replaced on each renewal.
 * Deliberately no session or circle column: agreeing happens on the way into a circle, and the row must not say
 * which one (issue #15).
 */
export function pledgeRepository(db: Queryable) {
  return {
    async agreedAt(userId: string): Promise<Date | null> {
      const rows = await db.query<{ agreed_at: Date }>('SELECT agreed_at FROM confidentiality_pledges WHERE user_id = $1', [userId]);
      return rows[0] ? new Date(rows[0].agreed_at) : null;
    },
    async agree(userId: string, at: Date): Promise<void> {
      await db.query(
        `INSERT INTO confidentiality_pledges (user_id, agreed_at) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET agreed_at = EXCLUDED.agreed_at`,
        [userId, at],
      );
    },
  };
}
