import { randomUUID } from 'node:crypto';
import type { SupportRequest } from '../../../shared/schemas/live';
import type { Queryable } from '../store/db';

interface Row {
  id: string;
  from_circle: boolean;
  first_name: string;
  email: string;
  member_kind: string | null;
  created_at: Date;
  handled_at: Date | null;
}

const toRequest = (r: Row): SupportRequest => ({
  id: r.id,
  fromCircle: r.from_circle,
  firstName: r.first_name,
  email: r.email,
  memberKind: r.member_kind,
  createdAt: new Date(r.created_at).toISOString(),
  handledAt: r.handled_at ? new Date(r.handled_at).toISOString() : null,
});

const SELECT = `SELECT s.id, s.from_circle, s.created_at, s.handled_at, u.first_name, u.email, u.member_kind
                FROM contact_requests s JOIN users u ON u.id = s.user_id`;

/** An open request older than this is forgotten even if nobody handled it (issue #15). */
export const SUPPORT_REQUEST_MAX_DAYS = 30;

/** Adds requests to the monthly totals: a count, whether from a circle, and how it ended — never a person. */
const COUNT_GONE = `INSERT INTO support_request_totals (month, from_circle, outcome, requests)
  SELECT date_trunc('month', created_at AT TIME ZONE 'UTC')::date, from_circle, $OUTCOME, count(*) FROM gone GROUP BY 1, 2
  ON CONFLICT (month, from_circle, outcome) DO UPDATE SET requests = support_request_totals.requests + EXCLUDED.requests`;

/**
 * Requests for one-on-one support. A request links a person to the moment they asked (and, from a circle, to a
 * circle's time), so it lives only until staff have the contact details: handling it deletes the row, and one
 * left open is deleted after SUPPORT_REQUEST_MAX_DAYS. Either way only a monthly count stays.
 */
export function supportRequestsRepository(db: Queryable) {
  return {
    async create(userId: string, fromCircle: boolean, at: Date): Promise<SupportRequest> {
      const id = randomUUID();
      // One open request per person is enough: asking twice does not queue them twice.
      const open = await db.query<Row>(`${SELECT} WHERE s.user_id = $1 AND s.handled_at IS NULL`, [userId]);
      if (open[0]) return toRequest(open[0]);
      await db.query('INSERT INTO contact_requests (id, user_id, from_circle, created_at) VALUES ($1, $2, $3, $4)', [
        id,
        userId,
        fromCircle,
        at,
      ]);
      return toRequest((await db.query<Row>(`${SELECT} WHERE s.id = $1`, [id]))[0]!);
    },
    async open(): Promise<SupportRequest[]> {
      return (await db.query<Row>(`${SELECT} WHERE s.handled_at IS NULL ORDER BY s.created_at`)).map(toRequest);
    },
    /**
     * Staff have the contact details: the request is deleted and counted, in one statement so that two staff
     * handling it at once count it once. Returns false when there is no such open request.
     */
    async handle(id: string): Promise<boolean> {
      const rows = await db.query<{ n: number }>(
        `WITH gone AS (DELETE FROM contact_requests WHERE id = $1 RETURNING created_at, from_circle), counted AS (${COUNT_GONE.replace('$OUTCOME', "'handled'")} RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
        [id],
      );
      return (rows[0]?.n ?? 0) > 0;
    },

    /** Deletes (and counts) requests older than SUPPORT_REQUEST_MAX_DAYS, handled or not; returns how many. */
    async expire(now: Date): Promise<number> {
      const before = new Date(now.getTime() - SUPPORT_REQUEST_MAX_DAYS * 86_400_000);
      const rows = await db.query<{ n: number }>(
        `WITH gone AS (DELETE FROM contact_requests WHERE created_at < $1 RETURNING created_at, from_circle), counted AS (${COUNT_GONE.replace('$OUTCOME', "'expired'")} RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
        [before],
      );
      return rows[0]?.n ?? 0;
    },
  };
}
