import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashPassword } from '../server/src/auth/passwords';
import { hashToken, newSecretToken } from '../server/src/auth/tokens';
import { openDb, type Db } from '../server/src/store/db';
import { openCircleNow } from '../tests/support/openCircles';
import { ROOT } from './servers';

export const BENCH_PASSWORD = 'bench password that is long enough';

/** A throwaway PostgreSQL (Debian's binaries, loopback, free port) for the app configurations. */
export function startPostgres(): { url: string; stop(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'redmug-bench-pg-'));
  const url = execFileSync('bash', [path.join(ROOT, 'infra/postgres/start-temp-postgres.sh'), dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  return {
    url,
    stop() {
      execFileSync('bash', [path.join(ROOT, 'infra/postgres/stop-temp-postgres.sh'), dir], { stdio: 'inherit' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function startRedis(): { url: string; stop(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'redmug-bench-redis-'));
  const url = execFileSync('bash', [path.join(ROOT, 'infra/redis/start-temp-redis.sh'), dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  return {
    url,
    stop() {
      execFileSync('bash', [path.join(ROOT, 'infra/redis/stop-temp-redis.sh'), dir], { stdio: 'inherit' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface BenchPeople {
  db: Db;
  /** Session cookie values, one signed-in member each. */
  cookies: string[];
  emails: string[];
  /** Sessions open right now, one per circle of eight. */
  circles: string[];
}

/**
 * Members and circles for the app configurations. Accounts are real rows (argon2id hash, computed once and shared
 * so preparing thousands of accounts takes seconds); sessions are inserted as sign-in would, because sign-in is
 * measured on its own and would otherwise dominate the ramp-up.
 */
export async function preparePeople(databaseUrl: string, members: number, circleSize: number): Promise<BenchPeople> {
  const db = await openDb({ databaseUrl });
  const hash = await hashPassword(BENCH_PASSWORD);
  const cookies: string[] = [];
  const emails: string[] = [];
  const now = new Date();
  const expires = new Date(now.getTime() + 24 * 3600_000);
  for (let i = 0; i < members; i += 500) {
    const batch = Array.from({ length: Math.min(500, members - i) }, (_, j) => ({ id: randomUUID(), email: `bench${i + j}@example.ca`, token: newSecretToken() }));
    await db.query(
      `INSERT INTO users (id, email, first_name, role, member_kind, password_hash)
       SELECT unnest($1::uuid[]), unnest($2::text[]), 'Bench', 'member', 'lawyer', $3`,
      [batch.map((b) => b.id), batch.map((b) => b.email), hash],
    );
    await db.query(
      `INSERT INTO auth_sessions (id_hash, user_id, created_at, expires_at)
       SELECT unnest($1::text[]), unnest($2::uuid[]), $3, $4`,
      [batch.map((b) => hashToken(b.token)), batch.map((b) => b.id), now, expires],
    );
    // The rush measures joining, not reading the confidentiality pledge: these members agreed already.
    await db.query('INSERT INTO confidentiality_pledges (user_id, agreed_at) SELECT unnest($1::uuid[]), $2', [batch.map((b) => b.id), now]);
    cookies.push(...batch.map((b) => b.token));
    emails.push(...batch.map((b) => b.email));
  }
  const circles: string[] = [];
  for (let c = 0; c < Math.ceil(members / circleSize); c++) circles.push(await openCircleNow(db, `bench-${c}`, 'Bench topic', now));
  return { db, cookies, emails, circles };
}
