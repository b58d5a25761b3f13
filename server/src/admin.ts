import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { Email, FirstName, MemberKind, Password, Role, YearOfCall } from '../../shared/schemas/auth';
import { record } from './audit/audit.repository';
import { createAuthService } from './auth/auth.service';
import { createLoginThrottle } from './auth/loginThrottle';
import { hashPassword } from './auth/passwords';
import { usersRepository } from './auth/users.repository';
import { systemClock } from './clock';
import { loadConfig } from './config';
import { ensureMondayCircle } from './seed';
import { openDb } from './store/db';

/**
 * Administration from the command line, against the same store the app uses (DATA_DIR or DATABASE_URL).
 *   npm run admin -- user:add --email a@b.ca --role staff --name Alex [--kind lawyer [--year-of-call 2019]] [--password ...]
 *   npm run admin -- user:password --email a@b.ca [--password ...]
 *   npm run admin -- invite:create --role member --kind articling_student [--email a@b.ca]
 *   npm run admin -- user:add --email audit@b.ca --role auditor --name Ada   (reads the audit log only)
 * Without --password a strong one is generated and printed once.
 */
const USAGE = `Usage:
  npm run admin -- user:add --email EMAIL --role member|volunteer|staff|auditor --name FIRST_NAME [--kind lawyer|articling_student] [--year-of-call YEAR] [--password PASSWORD]
  npm run admin -- user:password --email EMAIL [--password PASSWORD]
  npm run admin -- invite:create --role member|volunteer|staff|auditor [--kind lawyer|articling_student] [--email EMAIL]`;

const UserAdd = z.object({
  email: Email,
  role: Role,
  name: FirstName,
  kind: MemberKind.optional(),
  'year-of-call': z.coerce.number().pipe(YearOfCall).optional(),
  password: Password.optional(),
});
const UserPassword = z.object({ email: Email, password: Password.optional() });
const InviteCreate = z.object({ role: Role, kind: MemberKind.optional(), email: Email.optional() });

class UsageError extends Error {}

function check<S extends z.ZodType>(schema: S, values: unknown): z.infer<S> {
  const r = schema.safeParse(values);
  if (!r.success) throw new UsageError(r.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  return r.data;
}

export async function runAdmin(argv: string[], out: (line: string) => void): Promise<void> {
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
  const config = loadConfig();
  const db = await openDb(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: path.join(config.dataDir, 'pglite') });
  try {
    await ensureMondayCircle(db);
    const auth = createAuthService({
      db,
      clock: systemClock,
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
        await record(db, { actorId: null, action: 'user.create', targetType: 'user', targetId: user.id, at: systemClock.now() });
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
        out(`Password changed for ${v.email}`);
        if (!v.password) out(`New password (shown once): ${password}`);
        return;
      }
      case 'invite:create': {
        const v = check(InviteCreate, values);
        if ((v.role === 'member') !== (v.kind !== undefined)) {
          throw new UsageError('--kind is required for members (lawyer or articling_student) and not allowed for other roles');
        }
        const { token, expiresAt } = await auth.createInvite(
          { role: v.role, memberKind: v.kind ?? null, email: v.email },
          null,
        );
        const origin = config.publicUrl ?? `http://localhost:${config.port}`;
        out(`Invite link (valid until ${expiresAt.toISOString()}): ${origin}/invite/${token}`);
        return;
      }
      default:
        throw new UsageError(command ? `Unknown command: ${command}` : 'No command given');
    }
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runAdmin(process.argv.slice(2), (l) => process.stdout.write(l + '\n')).catch((err) => {
    const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${usage ? `\n${USAGE}\n` : ''}`);
    process.exit(usage ? 2 : 1);
  });
}
