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
    /** Returns false when there is no such open request. */
    async handle(id: string, staffId: string, at: Date): Promise<boolean> {
      const rows = await db.query('UPDATE contact_requests SET handled_at = $2, handled_by = $3 WHERE id = $1 AND handled_at IS NULL RETURNING id', [
        id,
        at,
        staffId,
      ]);
      return rows.length > 0;
    },
  };
}
