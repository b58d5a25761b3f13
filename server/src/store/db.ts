import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { migrate, MIGRATIONS, type Migration } from './migrations';

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

export type DbOptions = { databaseUrl: string } | { dataDir: string } | { memory: true };

/** Opens the store and brings its schema up to date (`migrations` is for upgrade tests: an older schema). */
export async function openDb(options: DbOptions, migrations: ReadonlyArray<Migration> = MIGRATIONS): Promise<Db> {
  const db = 'databaseUrl' in options ? openPostgres(options.databaseUrl) : await openPglite(options);
  await migrate(db, migrations);
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

async function openPglite(options: { dataDir: string } | { memory: true }): Promise<Db> {
  let lite: PGlite;
  if ('dataDir' in options) {
    mkdirSync(options.dataDir, { recursive: true });
    lite = await PGlite.create({ dataDir: options.dataDir });
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
    close: () => lite.close(),
  };
}
