import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Config } from '../config';
import { migrate, MIGRATIONS, type Migration } from './migrations';
import { lockDataDir, type StoreLock, type StoreOwner } from './storeLock';

/**
 * The store speaks the PostgreSQL dialect through one narrow interface, with two engines behind it:
 * embedded PGlite (the default, a data directory on disk) and a real PostgreSQL server (`DATABASE_URL`).
 */
export interface Queryable {
  query<T extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; rolls back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Cheap round-trip for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A PGlite `dataDir` is locked for as long as the store is open (`storeLock.ts`): opening it while another process
 * has it throws `StoreLockedError`. `owner` names this process in the other one's message.
 */
export type DbOptions = { databaseUrl: string } | { dataDir: string; owner?: StoreOwner } | { memory: true };

/** The store the configuration names: PostgreSQL when `DATABASE_URL` is set, else PGlite under `DATA_DIR`. */
export function configuredStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>, owner: StoreOwner): DbOptions {
  return config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: path.join(config.dataDir, 'pglite'), owner };
}

/** Opens the store and brings its schema up to date (`migrations` is for upgrade tests: an older schema). */
export async function openDb(options: DbOptions, migrations: ReadonlyArray<Migration> = MIGRATIONS): Promise<Db> {
  const db = 'databaseUrl' in options ? openPostgres(options.databaseUrl) : await openPglite(options);
  try {
    await migrate(db, migrations);
  } catch (err) {
    // Closed, so a PGlite store's lock is not kept by a process that goes on (a test, a retry).
    await db.close().catch(() => undefined);
    throw err;
  }
  return db;
}

function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its server must not crash the process; the next query reports the failure.
  pool.on('error', () => undefined);
  return {
    engine: 'postgres',
    async query<T extends object>(sql: string, params: unknown[] = []) {
      const res = await pool.query(sql, params);
      return res.rows as T[];
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Queryable = {
          query: async <R extends object>(sql: string, params: unknown[] = []) =>
            (await client.query(sql, params)).rows as R[],
        };
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}

async function openPglite(options: { dataDir: string; owner?: StoreOwner } | { memory: true }): Promise<Db> {
  let lite: PGlite;
  let lock: StoreLock | undefined;
  if ('dataDir' in options) {
    // Before PGlite touches the directory: a second process must not even read it while another one writes.
    keepPrivate();
    lock = lockDataDir(options.dataDir, options.owner ?? 'other');
    try {
      mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
      privateTree(options.dataDir);
      lite = await PGlite.create({ dataDir: options.dataDir });
      // A new store's files come out of PGlite's initdb as 0666 whatever the umask; later ones follow the umask.
      privateTree(options.dataDir);
    } catch (err) {
      lock.release();
      throw err;
    }
  } else {
    lite = await PGlite.create();
  }
  return {
    engine: 'pglite',
    async query<T extends object>(sql: string, params: unknown[] = []) {
      const res = await lite.query<T>(sql, params);
      return res.rows;
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return lite.transaction((tx) =>
        fn({ query: async <R extends object>(sql: string, params: unknown[] = []) => (await tx.query<R>(sql, params)).rows }),
      );
    },
    async ping() {
      await lite.query('SELECT 1');
    },
    async close() {
      try {
        await lite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/**
 * The embedded store holds every account, password hash and schedule: readable by this process's user only. PGlite
 * goes on creating files as it runs (relations, WAL segments) with the process's umask, so that is narrowed to the owner
 * (nothing this process writes — the store, its lock, the admin socket, development secrets — needs more); not
 * possible in a worker thread, where the modes set at opening (privateTree) still hold the directory shut.
 */
function keepPrivate(): void {
  try {
    process.umask(process.umask() | 0o077);
  } catch {
    // Worker threads cannot change the umask; the 0700 directory keeps everyone else out of what is created later.
  }
}

/** Directories 0700 and files 0600 under `dir` (and `dir` itself), so a store made before this rule is private too. */
function privateTree(dir: string): void {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) privateTree(p);
    else if (!lstatSync(p).isSymbolicLink()) chmodSync(p, 0o600);
  }
}
