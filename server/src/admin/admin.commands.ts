import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { Email, FirstName, MemberKind, Password, Role, YearOfCall } from '../../../shared/schemas/auth';
import { record } from '../audit/audit.repository';
import { createAuthService } from '../auth/auth.service';
import { createLoginThrottle } from '../auth/loginThrottle';
import { hashPassword } from '../auth/passwords';
import { sessionsRepository, usersRepository } from '../auth/users.repository';
import type { Clock } from '../clock';
import type { Config } from '../config';
import { ensureWeeklyCircle } from '../seed';
import { AppError, renderText } from '../http/errors';
import { createI18n } from '../i18n/i18n';
import type { Db } from '../store/db';

/**
 * The admin commands themselves, against an open store. The command line runs them on a store it opened
 * (`admin.ts`); a running app on its embedded store runs them for the command line (`admin.socket.ts`).
 * Either way the outcome is data, so both print the same thing.
 */
export const USAGE = `Usage:
  npm run admin -- user:add --email EMAIL --role member|volunteer|staff|auditor --name FIRST_NAME [--kind lawyer|articling_student] [--year-of-call YEAR] [--password PASSWORD]
  npm run admin -- user:password --email EMAIL [--password PASSWORD]
  npm run admin -- user:disable --email EMAIL
  npm run admin -- user:enable --email EMAIL
  npm run admin -- invite:create --role member|volunteer|staff|auditor [--kind lawyer|articling_student] [--email EMAIL]`;

export const ADMIN_COMMANDS = ['user:add', 'user:password', 'user:disable', 'user:enable', 'invite:create'] as const;

/** What a command printed and, if it failed, why (`usage`: the arguments were wrong; the usage text follows). */
export const AdminOutcome = z.object({
  lines: z.array(z.string()),
  failure: z.object({ message: z.string(), usage: z.boolean() }).nullable(),
});
export type AdminOutcome = z.infer<typeof AdminOutcome>;

export interface AdminDeps {
  db: Db;
  config: Config;
  clock: Clock;
  /** Where people reach the app, for invite links: the running app knows; otherwise PUBLIC_URL or localhost:PORT. */
  origin?: string;
}

const UserAdd = z.object({
  email: Email,
  role: Role,
  name: FirstName,
  kind: MemberKind.optional(),
  'year-of-call': z.coerce.number().pipe(YearOfCall).optional(),
  password: Password.optional(),
});
const UserPassword = z.object({ email: Email, password: Password.optional() });
const UserEmail = z.object({ email: Email });
const InviteCreate = z.object({ role: Role, kind: MemberKind.optional(), email: Email.optional() });

class UsageError extends Error {}

function check<S extends z.ZodType>(schema: S, values: unknown): z.infer<S> {
  const r = schema.safeParse(values);
  if (!r.success) throw new UsageError(r.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  return r.data;
}

/** Runs one command; never throws (a failure is in the outcome). */
export async function runAdminCommand(argv: string[], deps: AdminDeps): Promise<AdminOutcome> {
  const lines: string[] = [];
  try {
    await run(argv, deps, (line) => lines.push(line));
    return { lines, failure: null };
  } catch (err) {
    const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true;
    // A service's refusal is a catalog message: the command line, like its usage text, speaks English.
    const message = err instanceof AppError ? renderText(createI18n(deps.config.program).t('en-CA'), err.text) : err instanceof Error ? err.message : String(err);
    return { lines, failure: { message, usage } };
  }
}

async function run(argv: string[], { db, config, clock, origin }: AdminDeps, out: (line: string) => void): Promise<void> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      password: { type: 'string' },
      'year-of-call': { type: 'string' },
    },
    strict: true,
  });
  await ensureWeeklyCircle(db, config.program);
  const auth = createAuthService({
    db,
    clock,
    throttle: createLoginThrottle(config.login),
    sessionTtlHours: config.sessionTtlHours,
    inviteTtlDays: config.inviteTtlDays,
  });
  const generated = () => randomBytes(15).toString('base64url');
  switch (command) {
    case 'user:add': {
      const v = check(UserAdd, values);
      if ((v.role === 'member') !== (v.kind !== undefined)) {
        throw new UsageError('--kind is required for members (lawyer or articling_student) and not allowed for other roles');
      }
      const password = v.password ?? generated();
      const user = await auth.createUser({
        email: v.email,
        firstName: v.name,
        role: v.role,
        memberKind: v.kind ?? null,
        yearOfCall: v['year-of-call'] ?? null,
        password,
      });
      // No actor: the command line is not an account. Only the new account's id, never its name or email.
      await record(db, { actorId: null, action: 'user.create', targetType: 'user', targetId: user.id, at: clock.now() });
      out(`Created ${user.role}${user.memberKind ? ` (${user.memberKind})` : ''} ${user.email}`);
      if (!v.password) out(`Password (shown once): ${password}`);
      return;
    }
    case 'user:password': {
      const v = check(UserPassword, values);
      const users = usersRepository(db);
      const user = await users.byEmail(v.email);
      if (!user) throw new UsageError(`No account with email ${v.email}`);
      const password = v.password ?? generated();
      await users.setPassword(user.id, await hashPassword(password));
      // Whoever knew the old password is signed out everywhere; open sockets close at their next session check.
      await sessionsRepository(db).deleteAllFor(user.id);
      await record(db, { actorId: null, action: 'user.sessions_revoked', targetType: 'user', targetId: user.id, at: clock.now() });
      out(`Password changed for ${v.email}; every session of theirs has ended`);
      if (!v.password) out(`New password (shown once): ${password}`);
      return;
    }
    case 'user:disable':
    case 'user:enable': {
      const v = check(UserEmail, values);
      const user = await usersRepository(db).byEmail(v.email);
      if (!user) throw new UsageError(`No account with email ${v.email}`);
      const disabled = command === 'user:disable';
      await db.query('UPDATE users SET disabled_at = $2 WHERE id = $1', [user.id, disabled ? clock.now() : null]);
      if (disabled) await sessionsRepository(db).deleteAllFor(user.id);
      await record(db, { actorId: null, action: disabled ? 'user.disable' : 'user.enable', targetType: 'user', targetId: user.id, at: clock.now() });
      out(disabled ? `Disabled ${v.email}: they cannot sign in, and every session of theirs has ended` : `Enabled ${v.email} again`);
      return;
    }
    case 'invite:create': {
      const v = check(InviteCreate, values);
      if ((v.role === 'member') !== (v.kind !== undefined)) {
        throw new UsageError('--kind is required for members (lawyer or articling_student) and not allowed for other roles');
      }
      const { token, expiresAt } = await auth.createInvite({ role: v.role, memberKind: v.kind ?? null, email: v.email }, null);
      const base = origin ?? config.publicUrl ?? `http://localhost:${config.port}`;
      out(`Invite link (valid until ${expiresAt.toISOString()}): ${base}/invite/${token}`);
      return;
    }
    default:
      throw new UsageError(command ? `Unknown command: ${command}` : 'No command given');
  }
}
