import { randomUUID } from 'node:crypto';
import { record } from '../audit/audit.repository';
import type { AcceptInviteBody, CreateInviteBody, InviteStatus, MemberKind, PublicUser, Role } from '../../../shared/schemas/auth';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import type { Db } from '../store/db';
import type { LoginThrottle } from './loginThrottle';
import { burnVerification, hashPassword, verifyPassword } from './passwords';
import { hashToken, newSecretToken } from './tokens';
import { invitesRepository, sessionsRepository, toPublicUser, usersRepository } from './users.repository';

export interface NewUser {
  email: string;
  firstName: string;
  role: Role;
  memberKind: MemberKind | null;
  /** Lawyers only; ignored for other kinds. */
  yearOfCall?: number | null;
  password: string;
}

export interface SignedIn {
  user: PublicUser;
  /** The cookie value; only its hash is stored. */
  sessionToken: string;
  /** When the session ends, by the server's clock. */
  expiresAt: Date;
  /**
   * How long from now, for the cookie: a relative Max-Age, so a browser whose clock disagrees with ours (a laptop a
   * day off, a server clock pinned in a test) keeps the cookie for the same time rather than dropping it at once.
   */
  lifetimeMs: number;
}

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService(deps: {
  db: Db;
  clock: Clock;
  throttle: LoginThrottle;
  sessionTtlHours: number;
  inviteTtlDays: number;
}) {
  const users = usersRepository(deps.db);
  const sessions = sessionsRepository(deps.db);
  const invites = invitesRepository(deps.db);
  const ttlMs = deps.sessionTtlHours * 3600_000;

  async function startSession(userId: string): Promise<Omit<SignedIn, 'user'>> {
    const sessionToken = newSecretToken();
    const now = deps.clock.now();
    const expiresAt = new Date(now.getTime() + ttlMs);
    await sessions.insert(hashToken(sessionToken), userId, now, expiresAt);
    return { sessionToken, expiresAt, lifetimeMs: ttlMs };
  }

  async function createUser(input: NewUser): Promise<PublicUser> {
    if ((input.role === 'member') !== (input.memberKind !== null)) {
      throw new AppError(400, 'VALIDATION_FAILED', 'A member needs a kind (lawyer or articling_student); other roles have none.');
    }
    const row = await users.insert({
      id: randomUUID(),
      email: input.email.trim().toLowerCase(),
      first_name: input.firstName.trim(),
      role: input.role,
      member_kind: input.memberKind,
      year_of_call: input.memberKind === 'lawyer' ? (input.yearOfCall ?? null) : null,
      password_hash: await hashPassword(input.password),
    });
    if (!row) throw new AppError(409, 'EMAIL_TAKEN', 'An account with this email already exists. Sign in instead.');
    return toPublicUser(row);
  }

  return {
    createUser,
    countUsers: () => users.count(),

    async login(email: string, password: string, ip: string): Promise<SignedIn> {
      const blocked = await deps.throttle.blockedFor(email, ip);
      if (blocked > 0) {
        const minutes = Math.ceil(blocked / 60_000);
        throw new AppError(
          429,
          'TOO_MANY_REQUESTS',
          `Too many sign-in attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again, or ask staff to reset your password.`,
          { data: { retryAfterSeconds: Math.ceil(blocked / 1000) } },
        );
      }
      const row = await users.byEmail(email);
      const ok = row ? await verifyPassword(row.password_hash, password) : (await burnVerification(password), false);
      if (!row || !ok) {
        await deps.throttle.recordFailure(email, ip);
        throw new AppError(401, 'INVALID_CREDENTIALS', 'That email and password do not match. Check them and try again.');
      }
      await deps.throttle.recordSuccess(email, ip);
      return { user: toPublicUser(row), ...(await startSession(row.id)) };
    },

    /**
     * The signed-in user, sliding the session's expiry forward (unless `slide` is false, as for a background
     * recheck of an open socket, which is not activity); null when unknown or expired.
     */
    async userForSession(sessionToken: string | undefined, opts: { slide?: boolean } = {}): Promise<PublicUser | null> {
      if (!sessionToken || sessionToken.length > 100) return null;
      const idHash = hashToken(sessionToken);
      const now = deps.clock.now();
      const row = await sessions.userFor(idHash, now);
      if (!row) return null;
      if (opts.slide === false) return toPublicUser(row);
      // Slide the expiry at most once a minute: every request (and every socket handshake) writing the same row
      // was the busiest statement of a noon rush.
      const extended = new Date(now.getTime() + ttlMs);
      if (extended.getTime() - new Date(row.session_expires_at).getTime() > 60_000) await sessions.extend(idHash, extended);
      return toPublicUser(row);
    },

    /**
     * The user id behind each still-valid session token, in one query (the socket sweep checks every open socket
     * at once). Tokens that are not, or no longer, valid are absent. Never slides an expiry.
     */
    async sessionOwners(sessionTokens: readonly string[]): Promise<Map<string, string>> {
      const byHash = new Map<string, string>();
      for (const t of sessionTokens) if (t.length > 0 && t.length <= 100) byHash.set(hashToken(t), t);
      const owners = await sessions.ownersOf([...byHash.keys()], deps.clock.now());
      return new Map([...owners].map(([hash, userId]) => [byHash.get(hash)!, userId]));
    },

    async logout(sessionToken: string | undefined): Promise<void> {
      if (sessionToken) await sessions.delete(hashToken(sessionToken));
    },

    async createInvite(input: CreateInviteBody, createdBy: string | null): Promise<{ token: string; createdAt: Date; expiresAt: Date }> {
      const token = newSecretToken();
      const now = deps.clock.now();
      const expiresAt = new Date(now.getTime() + deps.inviteTtlDays * 86_400_000);
      await invites.insert({
        token_hash: hashToken(token),
        role: input.role,
        member_kind: input.memberKind,
        email: input.email ?? null,
        created_by: createdBy,
        created_at: now,
        expires_at: expiresAt,
      });
      await record(deps.db, { actorId: createdBy, action: 'invite.create', targetType: 'role', targetId: input.role, at: now });
      return { token, createdAt: now, expiresAt };
    },

    /**
     * Whether an invite link can still make an account, said before anyone fills the form: which role, and whether
     * it is bound to one email address (never which one). Unknown, used and expired links look the same.
     */
    async inviteStatus(token: string): Promise<InviteStatus> {
      const invite = await invites.usable(hashToken(token), deps.clock.now());
      return invite ? { usable: true, role: invite.role, memberKind: invite.member_kind, forOneEmail: invite.email !== null } : { usable: false };
    },

    async acceptInvite(input: AcceptInviteBody): Promise<SignedIn> {
      return deps.db.transaction(async (tx) => {
        const invite = await invitesRepository(tx).consume(hashToken(input.token), deps.clock.now());
        if (!invite) {
          throw new AppError(400, 'INVITE_INVALID', 'This invite link is not valid any more. Ask staff for a new one.');
        }
        if (invite.email && invite.email !== input.email) {
          throw new AppError(400, 'INVITE_INVALID', 'This invite was made for another email address. Use that address or ask staff.');
        }
        const row = await usersRepository(tx).insert({
          id: randomUUID(),
          email: input.email,
          first_name: input.firstName,
          role: invite.role,
          member_kind: invite.member_kind,
          year_of_call: invite.member_kind === 'lawyer' ? (input.yearOfCall ?? null) : null,
          password_hash: await hashPassword(input.password),
        });
        if (!row) throw new AppError(409, 'EMAIL_TAKEN', 'An account with this email already exists. Sign in instead.');
        const sessionToken = newSecretToken();
        const now = deps.clock.now();
        const expiresAt = new Date(now.getTime() + ttlMs);
        await sessionsRepository(tx).insert(hashToken(sessionToken), row.id, now, expiresAt);
        // The actor is whoever made the invite (the grant of a role this completes), so the new person's name never
        // shows in the audit log; the target is the account it created.
        await record(tx, { actorId: invite.created_by, action: 'invite.accept', targetType: 'user', targetId: row.id, at: now });
        return { user: toPublicUser(row), sessionToken, expiresAt, lifetimeMs: ttlMs };
      });
    },
  };
}
