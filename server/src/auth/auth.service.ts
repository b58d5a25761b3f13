import { randomUUID } from 'node:crypto';
import { record } from '../audit/audit.repository';
import type {
  AcceptInviteBody,
  CompletePasswordResetBody,
  CreateInviteBody,
  InviteStatus,
  MemberKind,
  PasswordResetLink,
  PendingPasswordReset,
  PublicUser,
  Role,
  PendingInvite,
} from '../../../shared/schemas/auth';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import { currentLocale, createI18n, type I18n } from '../i18n/i18n';
import { DEFAULT_PROGRAM } from '../program/program';
import { Locale } from '../../../shared/i18n/locales';
import type { MessageId } from '../../../shared/i18n/catalog';
import type { Logger } from '../log';
import type { Mailer } from '../mail/mailer';
import type { Db } from '../store/db';
import type { LoginThrottle } from './loginThrottle';
import { burnVerification, hashPassword, verifyPassword } from './passwords';
import { passwordResetsRepository } from './passwordResets.repository';
import type { ResetLimiter } from './resetLimiter';
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

/** What "Forgot password?" answers, whatever happened behind it (no account, an e-mail sent, a request for staff). */
export const RESET_REQUESTED_MESSAGE: MessageId = 'auth.reset.requested';

/** A waiting reset request is shown to staff this long, then forgotten. */
export const PENDING_RESET_DAYS = 7;

export function createAuthService(deps: {
  db: Db;
  clock: Clock;
  throttle: LoginThrottle;
  sessionTtlHours: number;
  /** However active, a session ends this long after sign-in (7 days unless configured). */
  sessionMaxDays?: number;
  inviteTtlDays: number;
  /** How long a password reset link works. */
  resetTtlMinutes?: number;
  /** Counts "Forgot password?" requests; none means unlimited (tests of other things). */
  resetLimiter?: ResetLimiter;
  /** Delivers reset links by e-mail when set; without it a request waits for staff (People page). */
  mailer?: Mailer | null;
  log?: Logger;
  /** Renders the reset e-mail in its recipient's language (the built-in program's words without one). */
  i18n?: I18n;
}) {
  const i18n = deps.i18n ?? createI18n(DEFAULT_PROGRAM);
  const users = usersRepository(deps.db);
  const sessions = sessionsRepository(deps.db);
  const invites = invitesRepository(deps.db);
  const resets = passwordResetsRepository(deps.db);
  const ttlMs = deps.sessionTtlHours * 3600_000;
  const maxLifetimeSeconds = (deps.sessionMaxDays ?? 7) * 24 * 3600;
  const resetTtlMs = (deps.resetTtlMinutes ?? 60) * 60_000;
  const resetUrl = (origin: string, token: string) => `${origin}/reset-password/${token}`;

  async function startSession(userId: string): Promise<Omit<SignedIn, 'user'>> {
    const sessionToken = newSecretToken();
    const now = deps.clock.now();
    const expiresAt = new Date(now.getTime() + ttlMs);
    await sessions.insert(hashToken(sessionToken), userId, now, expiresAt);
    return { sessionToken, expiresAt, lifetimeMs: ttlMs };
  }

  async function createUser(input: NewUser): Promise<PublicUser> {
    if ((input.role === 'member') !== (input.memberKind !== null)) {
      throw new AppError(400, 'VALIDATION_FAILED', 'auth.error.memberKind');
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
    if (!row) throw new AppError(409, 'EMAIL_TAKEN', 'auth.error.emailTaken');
    return toPublicUser(row);
  }

  return {
    createUser,
    countUsers: () => users.count(),

    async login(email: string, password: string, ip: string): Promise<SignedIn> {
      // Counted before the password is checked, so parallel guesses count one by one.
      const attempt = await deps.throttle.attempt(email, ip);
      if (!attempt.ok) {
        const minutes = Math.ceil(attempt.waitMs / 60_000);
        throw new AppError(
          429,
          'TOO_MANY_REQUESTS',
          { id: attempt.scope === 'account' ? 'auth.error.accountLocked' : 'auth.error.tooManySignIns', values: { minutes } },
          { data: { retryAfterSeconds: Math.ceil(attempt.waitMs / 1000) } },
        );
      }
      const row = await users.byEmail(email);
      const ok = row ? await verifyPassword(row.password_hash, password) : (await burnVerification(password), false);
      if (!row || !ok) {
        throw new AppError(401, 'INVALID_CREDENTIALS', 'auth.error.invalidCredentials');
      }
      // Said only to someone who knows the password: the account exists and staff turned it off.
      if (row.disabled_at) throw new AppError(403, 'FORBIDDEN', 'auth.error.disabled');
      await deps.throttle.succeeded(email, ip);
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
      if (extended.getTime() - new Date(row.session_expires_at).getTime() > 60_000) await sessions.extend(idHash, extended, maxLifetimeSeconds);
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

    async pendingInvites(): Promise<PendingInvite[]> {
      return (await invites.pending(deps.clock.now())).map((r) => ({
        id: r.token_hash,
        role: r.role,
        memberKind: r.member_kind,
        email: r.email,
        createdByName: r.created_by_name,
        createdAt: new Date(r.created_at).toISOString(),
        expiresAt: new Date(r.expires_at).toISOString(),
      }));
    },

    /** Staff take back an invite not yet used: its link stops working at once (audited by its reference). */
    async revokeInvite(id: string, by: string): Promise<void> {
      if (!(await invites.revoke(id))) throw new AppError(404, 'NOT_FOUND', 'auth.error.inviteGone');
      await record(deps.db, { actorId: by, action: 'invite.revoke', targetType: 'invite', targetId: id, at: deps.clock.now() });
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

    /**
     * "Forgot password?". The caller learns nothing from the outcome (the route answers the same either way): with
     * e-mail configured the link goes to the account's address, after the answer, so a slow mail server neither
     * holds the answer up nor tells by its timing; without it (or when the e-mail fails) the request waits for staff.
     */
    async requestPasswordReset(email: string, ip: string, origin: string): Promise<void> {
      const wait = deps.resetLimiter ? await deps.resetLimiter.take(email, ip) : 0;
      if (wait > 0) {
        const minutes = Math.ceil(wait / 60_000);
        throw new AppError(429, 'TOO_MANY_REQUESTS', { id: 'auth.error.tooManyResets', values: { minutes } }, {
          data: { retryAfterSeconds: Math.ceil(wait / 1000) },
        });
      }
      const row = await users.byEmail(email);
      // Nothing for an unknown or a disabled account (staff enable it first); the answer is the same.
      if (!row || row.disabled_at) return;
      const now = deps.clock.now();
      const mailer = deps.mailer;
      if (!mailer) return resets.request(row.id, now);
      const token = newSecretToken();
      const id = await resets.issue(row.id, hashToken(token), now, new Date(now.getTime() + resetTtlMs), null);
      const minutes = Math.round(resetTtlMs / 60_000);
      // In the account's language; without a choice on it, the language the request was made in.
      const t = i18n.t(Locale.safeParse(row.locale).data ?? currentLocale() ?? i18n.defaultLocale);
      void mailer
        .send({
          to: row.email,
          subject: t('mail.reset.subject'),
          text: t('mail.reset.body', { minutes, url: resetUrl(origin, token) }),
        })
        .catch(async () => {
          // Only the event: never the address.
          deps.log?.warn('auth.reset_mail_failed');
          await resets.backToStaff(id).catch(() => deps.log?.warn('auth.reset_requeue_failed'));
        });
    },

    /** Whether a reset link still works, said before anyone types a new password. */
    async passwordResetUsable(token: string): Promise<boolean> {
      return resets.usable(hashToken(token), deps.clock.now());
    },

    /**
     * Sets the new password from a link: the link is used up, every session of the person ends (each device signs
     * in again), and any other link or waiting request of theirs stops working. Returns whose password it was.
     */
    async completePasswordReset(input: CompletePasswordResetBody): Promise<string> {
      return deps.db.transaction(async (tx) => {
        const now = deps.clock.now();
        const used = await passwordResetsRepository(tx).consume(hashToken(input.token), now);
        if (!used) throw new AppError(400, 'RESET_INVALID', 'auth.error.resetInvalid');
        await usersRepository(tx).setPassword(used.user_id, await hashPassword(input.password));
        await sessionsRepository(tx).deleteAllFor(used.user_id);
        await passwordResetsRepository(tx).closeAllFor(used.user_id);
        // The actor is whoever made the link (null when it went by e-mail): the person's own name never shows.
        await record(tx, { actorId: used.issued_by, action: 'user.password_reset', targetType: 'user', targetId: used.user_id, at: now });
        return used.user_id;
      });
    },

    /** Staff: the reset requests waiting for a link, oldest first. */
    async pendingPasswordResets(): Promise<PendingPasswordReset[]> {
      const since = new Date(deps.clock.now().getTime() - PENDING_RESET_DAYS * 86_400_000);
      return (await resets.pending(since)).map((r) => ({
        userId: r.user_id,
        firstName: r.first_name,
        email: r.email,
        requestedAt: new Date(r.requested_at).toISOString(),
      }));
    },

    /** Staff make a reset link for someone (asked or not), to hand over themselves; audited, shown once. */
    async issuePasswordResetLink(staff: PublicUser, userId: string, origin: string): Promise<PasswordResetLink> {
      const target = await users.byId(userId);
      if (!target) throw new AppError(404, 'NOT_FOUND', 'people.error.unknownAccount');
      const token = newSecretToken();
      const now = deps.clock.now();
      const expiresAt = new Date(now.getTime() + resetTtlMs);
      await deps.db.transaction(async (tx) => {
        await passwordResetsRepository(tx).issue(target.id, hashToken(token), now, expiresAt, staff.id);
        await record(tx, { actorId: staff.id, action: 'user.password_reset_link', targetType: 'user', targetId: target.id, at: now });
      });
      return { url: resetUrl(origin, token), expiresAt: expiresAt.toISOString() };
    },

    /** Forgets used and expired links after a day, and requests nobody served after PENDING_RESET_DAYS. */
    async applyResetRetention(): Promise<number> {
      const now = deps.clock.now();
      return resets.expire(new Date(now.getTime() - PENDING_RESET_DAYS * 86_400_000), new Date(now.getTime() - 86_400_000));
    },

    async acceptInvite(input: AcceptInviteBody): Promise<SignedIn> {
      return deps.db.transaction(async (tx) => {
        const invite = await invitesRepository(tx).consume(hashToken(input.token), deps.clock.now());
        if (!invite) {
          throw new AppError(400, 'INVITE_INVALID', 'auth.error.inviteInvalid');
        }
        if (invite.email && invite.email !== input.email) {
          throw new AppError(400, 'INVITE_INVALID', 'auth.error.inviteOtherEmail');
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
        if (!row) throw new AppError(409, 'EMAIL_TAKEN', 'auth.error.emailTaken');
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
