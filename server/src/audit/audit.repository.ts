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
  first_name: string | null;
  role: Role | null;
  action: string;
  target_type: string;
  target_id: string;
}

/** The latest entries, newest first, optionally of one action only. */
export async function latestEntries(db: Queryable, q: { action?: string; limit: number }): Promise<AuditLine[]> {
  return db.query<AuditLine>(
    `SELECT a.at, u.first_name, u.role, a.action, a.target_type, a.target_id
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
      WHERE $1::text IS NULL OR a.action = $1
      ORDER BY a.at DESC, a.seq DESC LIMIT $2`,
    [q.action ?? null, q.limit],
  );
}
