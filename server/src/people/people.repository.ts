import type { MemberKind, Role } from '../../../shared/schemas/auth';
import type { Person, PeopleQuery } from '../../../shared/schemas/people';
import type { Queryable } from '../store/db';

interface PersonRow {
  id: string;
  first_name: string;
  email: string;
  role: Role;
  member_kind: MemberKind | null;
  year_of_call: number | null;
  created_at: Date;
  disabled_at: Date | null;
}

/** Only these columns leave the users table here: never the password hash. */
const COLUMNS = 'id::text AS id, first_name, email, role, member_kind, year_of_call, created_at, disabled_at';

function toPerson(r: PersonRow): Person {
  return {
    id: r.id,
    firstName: r.first_name,
    email: r.email,
    role: r.role,
    memberKind: r.member_kind,
    yearOfCall: r.year_of_call ?? null,
    createdAt: new Date(r.created_at).toISOString(),
    disabled: r.disabled_at !== null && r.disabled_at !== undefined,
  };
}

/** `q` as a LIKE pattern that matches it literally anywhere (a `%` or `_` typed by staff is not a wildcard). */
function containing(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Accounts as staff manage them. Reads and writes only the users table: no attendance, circles or requests. */
export function peopleRepository(db: Queryable) {
  return {
    async byId(id: string): Promise<Person | null> {
      const rows = await db.query<PersonRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
      return rows[0] ? toPerson(rows[0]) : null;
    },

    async list(q: PeopleQuery): Promise<{ people: Person[]; total: number }> {
      const where = `($1::text IS NULL OR role = $1) AND ($2::text IS NULL OR first_name ILIKE $2 OR email ILIKE $2)`;
      const params = [q.role ?? null, q.q ? containing(q.q) : null];
      const [rows, count] = await Promise.all([
        db.query<PersonRow>(
          `SELECT ${COLUMNS} FROM users WHERE ${where} ORDER BY lower(first_name), email, id LIMIT $3 OFFSET $4`,
          [...params, q.limit, q.offset],
        ),
        db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE ${where}`, params),
      ]);
      return { people: rows.map(toPerson), total: count[0]?.n ?? 0 };
    },

    /**
     * Locks every staff account and `id` (in id order, so two concurrent changes cannot deadlock) for the rest of
     * the transaction, and returns them. A concurrent change that committed first is seen: PostgreSQL re-reads a
     * row it waited for, so a staff account demoted a moment ago is no longer in the list.
     */
    async lockStaffAnd(id: string): Promise<Array<{ id: string; role: Role; member_kind: MemberKind | null }>> {
      return db.query(
        `SELECT id::text AS id, role, member_kind FROM users WHERE role = 'staff' OR id = $1 ORDER BY id FOR UPDATE`,
        [id],
      );
    },

    async setRole(id: string, role: Role, memberKind: MemberKind | null): Promise<Person | null> {
      const rows = await db.query<PersonRow>(`UPDATE users SET role = $2, member_kind = $3 WHERE id = $1 RETURNING ${COLUMNS}`, [
        id,
        role,
        memberKind,
      ]);
      return rows[0] ? toPerson(rows[0]) : null;
    },
  };
}
