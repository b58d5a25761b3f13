import { randomUUID } from 'node:crypto';
import type { AuditAction } from '../../../shared/schemas/audit';
import type { Role } from '../../../shared/schemas/auth';
import type { Queryable } from '../store/db';

/**
 * Who did what to which record, and when. Generic so every domain can use it (request reads, schedule changes,
 * host actions). CAUTION: never put free text or record contents here — only ids and a fixed action name.
 */
export interface AuditEntry {
  actorId: string | null;
  /** A fixed `domain.verb` name from the one list (`shared/schemas/audit.ts`), e.g. `request.read`. */
  action: AuditAction;
  targetType: string;
  targetId: string;
  at: Date;
}

export async function record(db: Queryable, e: AuditEntry): Promise<void> {
  await db.query('INSERT INTO audit_log (id, at, actor_id, action, target_type, target_id) VALUES ($1, $2, $3, $4, $5, $6)', [
    randomUUID(),
    e.at,
    e.actorId,
    e.action,
    e.targetType,
    e.targetId,
  ]);
}

/** An entry as read back: rows written by an older version may hold an action no longer in the list. */
export type StoredAuditEntry = Omit<AuditEntry, 'action'> & { action: string };

export async function entriesFor(db: Queryable, targetType: string, targetId: string): Promise<StoredAuditEntry[]> {
  const rows = await db.query<{ actor_id: string | null; action: string; target_type: string; target_id: string; at: Date }>(
    'SELECT actor_id, action, target_type, target_id, at FROM audit_log WHERE target_type = $1 AND target_id = $2 ORDER BY at, seq',
    [targetType, targetId],
  );
  return rows.map((r) => ({ actorId: r.actor_id, action: r.action, targetType: r.target_type, targetId: r.target_id, at: new Date(r.at) }));
}

/** One line of the audit log as staff and auditors read it: the actor by first name and role, never by email. */
export interface AuditLine {
  at: Date;
  /** Insertion order (bigserial; a string, as PostgreSQL returns bigint). */
  seq: string;
  first_name: string | null;
  role: Role | null;
  action: string;
  target_type: string;
  target_id: string;
}

/** A place in the log: an entry's time and insertion order, the order the log is read in. */
export interface AuditPlace {
  atMs: number;
  seq: string;
}

export const placeOf = (l: Pick<AuditLine, 'at' | 'seq'>): AuditPlace => ({ atMs: new Date(l.at).getTime(), seq: String(l.seq) });

const LINE = `SELECT a.at, a.seq::text AS seq, u.first_name, u.role, a.action, a.target_type, a.target_id
                FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id`;
const OF_ACTION = '($1::text IS NULL OR a.action = $1)';
const OLDER = '(a.at, a.seq) < ($2::timestamptz, $3::bigint)';
const NEWER = '(a.at, a.seq) > ($2::timestamptz, $3::bigint)';

/**
 * One page of entries, newest first, optionally of one action: the newest `limit`, or the `limit` just older than
 * `before`, or just newer than `after` (keyset paging, so an entry written meanwhile never shifts a page). Says
 * whether there are entries beyond each end of the page.
 */
export async function auditPage(
  db: Queryable,
  q: { action?: string; limit: number; before?: AuditPlace; after?: AuditPlace },
): Promise<{ lines: AuditLine[]; hasNewer: boolean; hasOlder: boolean }> {
  const action = q.action ?? null;
  const exists = async (where: string, p: AuditPlace) =>
    (await db.query(`SELECT 1 FROM audit_log a WHERE ${OF_ACTION} AND ${where} LIMIT 1`, [action, new Date(p.atMs), p.seq])).length > 0;
  if (q.after) {
    const rows = await db.query<AuditLine>(`${LINE} WHERE ${OF_ACTION} AND ${NEWER} ORDER BY a.at, a.seq LIMIT $4`, [
      action,
      new Date(q.after.atMs),
      q.after.seq,
      q.limit + 1,
    ]);
    const lines = rows.slice(0, q.limit).reverse();
    const oldest = lines.at(-1);
    return { lines, hasNewer: rows.length > q.limit, hasOlder: oldest ? await exists(OLDER, placeOf(oldest)) : true };
  }
  const rows = q.before
    ? await db.query<AuditLine>(`${LINE} WHERE ${OF_ACTION} AND ${OLDER} ORDER BY a.at DESC, a.seq DESC LIMIT $4`, [
        action,
        new Date(q.before.atMs),
        q.before.seq,
        q.limit + 1,
      ])
    : await db.query<AuditLine>(`${LINE} WHERE ${OF_ACTION} ORDER BY a.at DESC, a.seq DESC LIMIT $2`, [action, q.limit + 1]);
  const lines = rows.slice(0, q.limit);
  const newest = lines[0];
  return { lines, hasOlder: rows.length > q.limit, hasNewer: newest ? await exists(NEWER, placeOf(newest)) : Boolean(q.before) };
}

/** Every entry, newest first, optionally of one action (the CSV export), up to `max`. */
export async function allEntries(db: Queryable, q: { action?: string; max: number }): Promise<AuditLine[]> {
  return db.query<AuditLine>(`${LINE} WHERE ${OF_ACTION} ORDER BY a.at DESC, a.seq DESC LIMIT $2`, [q.action ?? null, q.max]);
}

/** The actions the log holds, for its filter. */
export async function actionsInLog(db: Queryable): Promise<string[]> {
  return (await db.query<{ action: string }>('SELECT DISTINCT action FROM audit_log ORDER BY action')).map((r) => r.action);
}
