import type { HeadcountBody } from '../../../shared/schemas/headcount';
import type { Queryable } from '../store/db';

/** One in-person session's headcount as stored: numbers only, never who came or who counted. */
export interface HeadcountRow {
  sessionId: string;
  /** "YYYY-MM-DD", the session's own date. */
  day: string;
  topic: string | null;
  total: number;
  lawyers: number | null;
  articlingStudents: number | null;
  volunteers: number | null;
  recordedAt: Date;
}

const SELECT = `SELECT session_id, to_char(session_day, 'YYYY-MM-DD') AS day, topic, total, lawyers, articling_students, volunteers, recorded_at
  FROM inperson_headcounts`;

type Raw = {
  session_id: string;
  day: string;
  topic: string | null;
  total: number;
  lawyers: number | null;
  articling_students: number | null;
  volunteers: number | null;
  recorded_at: Date | string;
};
const num = (v: number | null) => (v === null ? null : Number(v));
const toRow = (r: Raw): HeadcountRow => ({
  sessionId: r.session_id,
  day: r.day,
  topic: r.topic,
  total: Number(r.total),
  lawyers: num(r.lawyers),
  articlingStudents: num(r.articling_students),
  volunteers: num(r.volunteers),
  recordedAt: new Date(r.recorded_at),
});

/** The in-person headcounts: the only reader and writer of `inperson_headcounts`. */
export function headcountRepository(db: Queryable) {
  return {
    async of(sessionIds: string[]): Promise<HeadcountRow[]> {
      if (sessionIds.length === 0) return [];
      return (await db.query<Raw>(`${SELECT} WHERE session_id = ANY($1::text[])`, [sessionIds])).map(toRow);
    },

    /** The last write stands; returns whether there was one before (a correction). */
    async put(sessionId: string, day: string, topic: string | null, h: HeadcountBody, at: Date): Promise<{ corrected: boolean }> {
      const before = await db.query('SELECT 1 FROM inperson_headcounts WHERE session_id = $1', [sessionId]);
      await db.query(
        `INSERT INTO inperson_headcounts (session_id, session_day, topic, total, lawyers, articling_students, volunteers, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (session_id) DO UPDATE SET topic = EXCLUDED.topic, total = EXCLUDED.total, lawyers = EXCLUDED.lawyers,
           articling_students = EXCLUDED.articling_students, volunteers = EXCLUDED.volunteers, recorded_at = EXCLUDED.recorded_at`,
        [sessionId, day, topic, h.total, h.lawyers, h.articlingStudents, h.volunteers, at],
      );
      return { corrected: before.length > 0 };
    },

    /** The headcounts of sessions between two days, inclusive. */
    async between(from: string, to: string): Promise<HeadcountRow[]> {
      return (await db.query<Raw>(`${SELECT} WHERE session_day BETWEEN $1 AND $2 ORDER BY session_day, session_id`, [from, to])).map(toRow);
    },
  };
}
