import type { MemberKind, PublicUser, Role } from '../../../shared/schemas/auth';
import { Locale } from '../../../shared/i18n/locales';
import type { Queryable } from '../store/db';

export interface UserRow {
  id: string;
  email: string;
  first_name: string;
  role: Role;
  member_kind: MemberKind | null;
  year_of_call: number | null;
  password_hash: string;
  disabled_at?: Date | null;
  locale?: string | null;
}

export function toPublicUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    role: row.role,
    memberKind: row.member_kind,
    yearOfCall: row.year_of_call ?? null,
    // A language since withdrawn from the catalogs reads as no choice.
    locale: Locale.safeParse(row.locale).data ?? null,
  };
}

export function usersRepository(db: Queryable) {
  return {
    async byEmail(email: string): Promise<UserRow | null> {
      const rows = await db.query<UserRow>('SELECT * FROM users WHERE email = $1', [email]);
      return rows[0] ?? null;
    },
    async byId(id: string): Promise<UserRow | null> {
      const rows = await db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
      return rows[0] ?? null;
    },
    async count(): Promise<number> {
      const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
      return rows[0]?.n ?? 0;
    },
    /** Returns null when the email is already taken. */
    async insert(user: Omit<UserRow, 'id'> & { id: string }): Promise<UserRow | null> {
      const rows = await db.query<UserRow>(
        `INSERT INTO users (id, email, first_name, role, member_kind, year_of_call, password_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (email) DO NOTHING RETURNING *`,
        [user.id, user.email, user.first_name, user.role, user.member_kind, user.year_of_call, user.password_hash],
      );
      return rows[0] ?? null;
    },
    async setLocale(id: string, locale: Locale | null): Promise<void> {
      await db.query('UPDATE users SET locale = $2 WHERE id = $1', [id, locale]);
    },
    async setPassword(id: string, passwordHash: string): Promise<void> {
      await db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
    },
  };
}

export function sessionsRepository(db: Queryable) {
  return {
    async insert(idHash: string, userId: string, createdAt: Date, expiresAt: Date): Promise<void> {
      await db.query('INSERT INTO auth_sessions (id_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
        idHash,
        userId,
        createdAt,
        expiresAt,
      ]);
    },
    async userFor(idHash: string, now: Date): Promise<(UserRow & { session_expires_at: Date }) | null> {
      const rows = await db.query<UserRow & { session_expires_at: Date }>(
        `SELECT u.*, s.expires_at AS session_expires_at FROM auth_sessions s JOIN users u ON u.id = s.user_id
         WHERE s.id_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL`,
        [idHash, now],
      );
      return rows[0] ?? null;
    },
    /** Who owns each of these sessions, for those still valid: one query however many sockets are checked. */
    async ownersOf(idHashes: string[], now: Date): Promise<Map<string, string>> {
      if (idHashes.length === 0) return new Map();
      const rows = await db.query<{ id_hash: string; user_id: string }>(
        `SELECT s.id_hash, s.user_id FROM auth_sessions s JOIN users u ON u.id = s.user_id
         WHERE s.id_hash = ANY($1::text[]) AND s.expires_at > $2 AND u.disabled_at IS NULL`,
        [idHashes, now],
      );
      return new Map(rows.map((r) => [r.id_hash, r.user_id]));
    },
    /** Slides the expiry to `expiresAt`, never past `maxLifetimeSeconds` after the session began. */
    async extend(idHash: string, expiresAt: Date, maxLifetimeSeconds: number): Promise<void> {
      await db.query('UPDATE auth_sessions SET expires_at = LEAST($2::timestamptz, created_at + make_interval(secs => $3)) WHERE id_hash = $1', [
        idHash,
        expiresAt,
        maxLifetimeSeconds,
      ]);
    },
    async delete(idHash: string): Promise<void> {
      await db.query('DELETE FROM auth_sessions WHERE id_hash = $1', [idHash]);
    },
    /** Ends every session of one person (a new password): each of their devices has to sign in again. */
    async deleteAllFor(userId: string): Promise<void> {
      await db.query('DELETE FROM auth_sessions WHERE user_id = $1', [userId]);
    },
    async deleteExpired(now: Date): Promise<void> {
      await db.query('DELETE FROM auth_sessions WHERE expires_at <= $1', [now]);
    },
  };
}

export interface InviteRow {
  token_hash: string;
  role: Role;
  member_kind: MemberKind | null;
  email: string | null;
  /** The staff member who made the invite; null when made from the command line or since removed. */
  created_by: string | null;
  expires_at: Date;
  used_at: Date | null;
}

export function invitesRepository(db: Queryable) {
  return {
    async insert(row: Omit<InviteRow, 'used_at'> & { created_at: Date }): Promise<void> {
      await db.query(
        `INSERT INTO invites (token_hash, role, member_kind, email, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [row.token_hash, row.role, row.member_kind, row.email, row.created_by, row.created_at, row.expires_at],
      );
    },
    /** The invite if it can still be used (unknown, used and expired ones alike: null); changes nothing. */
    async usable(tokenHash: string, now: Date): Promise<InviteRow | null> {
      const rows = await db.query<InviteRow>('SELECT * FROM invites WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2', [tokenHash, now]);
      return rows[0] ?? null;
    },
    /** Invites not used and not expired, newest first, with the first name of whoever made each. */
    async pending(now: Date): Promise<Array<InviteRow & { created_at: Date; created_by_name: string | null }>> {
      return db.query(
        `SELECT i.*, u.first_name AS created_by_name FROM invites i LEFT JOIN users u ON u.id = i.created_by
         WHERE i.used_at IS NULL AND i.expires_at > $1 ORDER BY i.created_at DESC LIMIT 500`,
        [now],
      );
    },
    /** Deletes an invite not yet used; false when there is none such (used, expired and gone, or unknown). */
    async revoke(tokenHash: string): Promise<boolean> {
      return (await db.query('DELETE FROM invites WHERE token_hash = $1 AND used_at IS NULL RETURNING token_hash', [tokenHash])).length > 0;
    },
    /** Marks the invite used and returns it, atomically; null when unknown, used or expired. */
    async consume(tokenHash: string, now: Date): Promise<InviteRow | null> {
      const rows = await db.query<InviteRow>(
        `UPDATE invites SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING *`,
        [tokenHash, now],
      );
      return rows[0] ?? null;
    },
  };
}
