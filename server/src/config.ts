import { z } from 'zod';
import { localized, type ProgramConfig } from '../../shared/schemas/program';
import { loadProgram } from './program/program';
import { MAKE_ONE, urlPassword, weakSecretReason } from './weakSecrets';

/**
 * The only reader of `process.env`. Parsed once with zod at start-up; a bad value stops the process with a
 * message that names the variable. `.env.example` beside this file documents every variable.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Variables whose values moved into the program file, and the field that holds each now. */
const MOVED_TO_PROGRAM = [
  ['CRISIS_TEXT', 'crisis.text'],
  ['COUNSELLING_PHONE', 'counselling.phone'],
  ['COUNSELLING_HOURS', 'counselling.hours'],
] as const;

const Env = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_URL: z.string().url().optional(),
    // Which proxies' X-Forwarded-For to believe: none (false), a number of hops, or their addresses or subnets
    // (Express's names too: loopback, linklocal, uniquelocal). Never "true": that would believe any client's.
    TRUST_PROXY: z
      .string()
      .trim()
      .default('false')
      .refine((v) => v.toLowerCase() !== 'true', 'TRUST_PROXY=true would trust an X-Forwarded-For that any client can send: give the number of proxy hops (e.g. 1) or the proxies\' addresses or subnets')
      .transform((v): false | number | string[] =>
        v === '' || v === 'false' || v === '0' ? false : /^\d+$/.test(v) ? Number(v) : v.split(',').map((x) => x.trim()).filter(Boolean),
      ),
    DATA_DIR: z.string().default('data'),
    DATABASE_URL: z.string().url().optional(),
    REDIS_URL: z.string().url().optional(),
    SOCKETIO_REDIS_URL: z.string().url().optional(),
    SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
    E2EE_SECRET: z.string().min(32, 'E2EE_SECRET must be at least 32 characters').optional(),
    SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
    // However active, a session ends this many days after sign-in.
    SESSION_MAX_DAYS: z.coerce.number().positive().max(90).default(7),
    SESSION_RECHECK_SECONDS: z.coerce.number().positive().max(3600).default(30),
    LIVEKIT_URL: z.string().url().optional(),
    LIVEKIT_API_KEY: z.string().min(1).optional(),
    LIVEKIT_API_SECRET: z.string().min(32, 'LIVEKIT_API_SECRET must be at least 32 characters').optional(),
    LIVEKIT_LOCAL: z.enum(['auto', 'off']).default('auto'),
    LIVEKIT_BIN: z.string().optional(),
    LIVEKIT_TOKEN_TTL_MINUTES: z.coerce.number().int().min(1).max(10).default(10),
    DROPIN_OPENS_MINUTES_BEFORE: z.coerce.number().int().min(0).max(240).default(10),
    DROPIN_CLOSES_MINUTES_AFTER_END: z.coerce.number().int().min(0).max(240).default(0),
    // How long after a circle's start its host may be absent before the backup (or a volunteer) takes over.
    HOST_GRACE_MINUTES: z.coerce.number().min(0).max(120).default(5),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_BLOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    INVITE_TTL_DAYS: z.coerce.number().int().min(1).max(60).default(14),
    PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),
    MATCH_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
    STATS_SMALL_CELL_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
    REPORT_SMALL_CELL_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
    ATTENDANCE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    MATCHES_BEFORE_PLATFORM: z.coerce.number().int().min(0).max(100_000).default(0),
    SMTP_URL: z.string().url().optional(),
    // Default: the program's short name <no-reply@localhost>.
    MAIL_FROM: z.string().min(3).optional(),
    REMINDER_HOUR: z.coerce.number().int().min(0).max(23).default(8),
    SEED_DEMO: bool.optional(),
    // Read no more: the crisis and counselling lines are in the program file now (a start with one set is refused).
    CRISIS_TEXT: z.string().optional(),
    COUNSELLING_PHONE: z.string().optional(),
    COUNSELLING_HOURS: z.string().optional(),
    /** The program's configuration file (name, zone, holidays, lines, languages); the built-in Alberta one without it. */
    PROGRAM_FILE: z.string().min(1).optional(),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    const lk = [env.LIVEKIT_URL, env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET].filter(Boolean).length;
    if (lk !== 0 && lk !== 3) {
      ctx.addIssue({
        code: 'custom',
        path: ['LIVEKIT_URL'],
        message: 'Set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET together, or none of them',
      });
    }
    for (const [name, field] of MOVED_TO_PROGRAM) {
      if (env[name] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `${name} is no longer read: give it as "${field}" in the program file (PROGRAM_FILE, see docs/program.md) and unset ${name}`,
        });
      }
    }
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'SESSION_SECRET is required in production' });
    }
    if (env.NODE_ENV === 'production' && !env.E2EE_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['E2EE_SECRET'], message: 'E2EE_SECRET is required in production' });
    }
    if (env.NODE_ENV === 'production') {
      // Secrets come from the environment only (the image holds none); a placeholder or a weak one stops the start.
      const secrets: Array<[keyof typeof env, string | undefined, number]> = [
        ['SESSION_SECRET', env.SESSION_SECRET, 32],
        ['E2EE_SECRET', env.E2EE_SECRET, 32],
        ['LIVEKIT_API_SECRET', env.LIVEKIT_API_SECRET, 32],
        ['LIVEKIT_API_KEY', env.LIVEKIT_API_KEY, 1],
        ['DATABASE_URL', env.DATABASE_URL && (urlPassword(env.DATABASE_URL) ?? undefined), 16],
        ['REDIS_URL', env.REDIS_URL && (urlPassword(env.REDIS_URL) ?? undefined), 16],
        ['SOCKETIO_REDIS_URL', env.SOCKETIO_REDIS_URL && (urlPassword(env.SOCKETIO_REDIS_URL) ?? undefined), 16],
      ];
      for (const [name, value, min] of secrets) {
        const why = value ? weakSecretReason(value, min) : null;
        const what = name.endsWith('_URL') ? `The password in ${name}` : name;
        if (why) ctx.addIssue({ code: 'custom', path: [name], message: `${what} ${why}; in production ${MAKE_ONE}` });
      }
    }
    if (env.E2EE_SECRET && env.E2EE_SECRET === env.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['E2EE_SECRET'], message: 'E2EE_SECRET must differ from SESSION_SECRET' });
    }
  });

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** The origin people reach us at; used for invite links, the Origin check and cookie security. */
  publicUrl: string | undefined;
  trustProxy: false | number | string[];
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /**
   * A Redis of its own for Socket.IO (the streams adapter, recovery sessions) and the relay, run without
   * persistence; REDIS_URL's by default. Only with REDIS_URL.
   */
  socketioRedisUrl: string | undefined;
  sessionSecret: string | undefined;
  /**
   * The secret circle media keys are derived from (HKDF with the session and epoch), kept apart from the session
   * secret so that one can be rotated or leak without the other. Generated under DATA_DIR in development.
   */
  e2eeSecret: string | undefined;
  sessionTtlHours: number;
  sessionMaxDays: number;
  /** How often an open socket's session is checked again (signed out or expired sessions lose their sockets). */
  sessionRecheckSeconds: number;
  livekit:
    | { mode: 'external'; url: string; apiKey: string; apiSecret: string }
    | { mode: 'local'; bin: string | undefined }
    | { mode: 'off' };
  livekitTokenTtlMinutes: number;
  dropIn: { opensMinutesBefore: number; closesMinutesAfterEnd: number };
  /**
   * Minutes after a circle's start by which its rostered host must have arrived; past it, the backup present (or,
   * where the series allows, any current red-mug volunteer present) becomes the acting host.
   */
  hostGraceMinutes: number;
  login: { maxFailures: number; blockMinutes: number };
  inviteTtlDays: number;
  /** How long a password reset link works (it works once). */
  passwordResetTtlMinutes: number;
  /** Requests are anonymised this long after their match closes; counts below the threshold are withheld. */
  matching: { retentionDays: number; smallCellThreshold: number; matchesBeforePlatform: number };
  /** Raw join/leave rows are deleted after `retentionDays`; report counts below the threshold are withheld. */
  attendance: { retentionDays: number; smallCellThreshold: number };
  /** Outgoing mail; null when SMTP is not configured (people then see in-app notices only). */
  mail: { url: string; from: string } | null;
  /** Opt-in reminders go from this hour (0–23) in each circle's own zone: the morning one, and the day-before one. */
  reminderHour: number;
  seedDemo: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Which program this is: its names, circle zone and default, holidays, lines and languages. */
  program: ProgramConfig;
}

/** "Red Mug <no-reply@localhost>": the program's short name in its default language (quoted when it needs to be). */
export function defaultSender(program: ProgramConfig): string {
  const name = localized(program.shortName, program.defaultLocale, program.defaultLocale);
  return `${/^[\p{L}\p{N} .-]+$/u.test(name) ? name : `"${name.replace(/["\\]/g, '\\$&')}"`} <no-reply@localhost>`;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // Empty strings in .env files mean "unset".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee server/src/.env.example.`);
  }
  const e = parsed.data;
  let program: ProgramConfig;
  try {
    program = loadProgram(e.PROGRAM_FILE);
  } catch (err) {
    throw new ConfigError(err instanceof Error ? err.message : String(err), { cause: err });
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    trustProxy: e.TRUST_PROXY,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    socketioRedisUrl: e.REDIS_URL ? e.SOCKETIO_REDIS_URL : undefined,
    sessionSecret: e.SESSION_SECRET,
    e2eeSecret: e.E2EE_SECRET,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    sessionMaxDays: e.SESSION_MAX_DAYS,
    sessionRecheckSeconds: e.SESSION_RECHECK_SECONDS,
    livekit:
      e.LIVEKIT_URL && e.LIVEKIT_API_KEY && e.LIVEKIT_API_SECRET
        ? { mode: 'external', url: e.LIVEKIT_URL, apiKey: e.LIVEKIT_API_KEY, apiSecret: e.LIVEKIT_API_SECRET }
        : e.LIVEKIT_LOCAL === 'auto'
          ? { mode: 'local', bin: e.LIVEKIT_BIN }
          : { mode: 'off' },
    livekitTokenTtlMinutes: e.LIVEKIT_TOKEN_TTL_MINUTES,
    dropIn: {
      opensMinutesBefore: e.DROPIN_OPENS_MINUTES_BEFORE,
      closesMinutesAfterEnd: e.DROPIN_CLOSES_MINUTES_AFTER_END,
    },
    hostGraceMinutes: e.HOST_GRACE_MINUTES,
    login: { maxFailures: e.LOGIN_MAX_FAILURES, blockMinutes: e.LOGIN_BLOCK_MINUTES },
    inviteTtlDays: e.INVITE_TTL_DAYS,
    passwordResetTtlMinutes: e.PASSWORD_RESET_TTL_MINUTES,
    matching: {
      retentionDays: e.MATCH_RETENTION_DAYS,
      smallCellThreshold: e.STATS_SMALL_CELL_THRESHOLD,
      matchesBeforePlatform: e.MATCHES_BEFORE_PLATFORM,
    },
    attendance: { retentionDays: e.ATTENDANCE_RETENTION_DAYS, smallCellThreshold: e.REPORT_SMALL_CELL_THRESHOLD },
    mail: e.SMTP_URL ? { url: e.SMTP_URL, from: e.MAIL_FROM ?? defaultSender(program) } : null,
    reminderHour: e.REMINDER_HOUR,
    seedDemo: e.SEED_DEMO ?? e.NODE_ENV === 'development',
    logLevel: e.LOG_LEVEL,
    program,
  };
}
