import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';

/**
 * One process at a time on an embedded PGlite data directory. PGlite is single-process: two processes on one
 * directory each keep their own view and overwrite the other's writes, so an account made by `npm run admin`
 * beside a running app was reported made and then lost (issue #12).
 *
 * The lock is a kernel advisory lock (POSIX `fcntl`), so the kernel drops it however the holder ends — exit,
 * crash, SIGKILL — and a stale lock cannot block a restart; it also holds between containers sharing the volume,
 * where a pid in a lock file would mean nothing. Node has no `flock()`, but its built-in SQLite takes `fcntl`
 * locks: the lock is an empty SQLite file beside the data directory with an exclusive transaction kept open.
 * Who holds it is written next to it, for messages only; the kernel lock alone decides.
 *
 * CAUTION: a POSIX lock belongs to the process and is dropped when the process closes *any* descriptor of that
 * file, so nothing but this module may open the lock file (SQLite copes with its own descriptors), and the lock
 * means nothing on a network filesystem that does not implement `fcntl` locks.
 */

const StoreOwner = z.enum(['app', 'admin', 'other']);
/** Who opened the store: the app (`index.ts`), the admin command, or anything else (tests, scripts). */
export type StoreOwner = z.infer<typeof StoreOwner>;

const StoreHolder = z.object({ pid: z.number().int().positive(), owner: StoreOwner, since: z.string() });
export type StoreHolder = z.infer<typeof StoreHolder>;

export class StoreLockedError extends Error {
  override name = 'StoreLockedError';
  constructor(
    readonly dataDir: string,
    /** Null when the holder has not written its name yet, or its record is unreadable. */
    readonly holder: StoreHolder | null,
  ) {
    super(`The store in ${dataDir} is open in another process: ${describeHolder(holder)}`);
  }
}

/** "Red Mug (pid 42)", "npm run admin (pid 42)", ... for messages that say whom to wait for or stop. */
export function describeHolder(holder: StoreHolder | null): string {
  if (!holder) return 'Another process';
  const who = { app: 'Red Mug', admin: 'npm run admin', other: 'Another program' }[holder.owner];
  return `${who} (pid ${holder.pid})`;
}

export interface StoreLock {
  /** Idempotent; the kernel releases the lock anyway when the process ends. */
  release(): void;
}

const SQLITE_BUSY = 5;

/**
 * Every lock this process holds. A connection nobody references is closed by the garbage collector, and the
 * lock with it, so the lock must not depend on the caller keeping its `StoreLock`: only `release()` or the end
 * of the process lets go.
 */
const held = new Set<DatabaseSync>();

/** Takes the lock on `dataDir` at once or throws `StoreLockedError`; never waits. */
export function lockDataDir(dataDir: string, owner: StoreOwner): StoreLock {
  const base = path.resolve(dataDir);
  mkdirSync(path.dirname(base), { recursive: true });
  const holderFile = `${base}.lock.json`;
  const file = new DatabaseSync(`${base}.lock`, { timeout: 0 });
  try {
    // The journal in memory: nothing is ever written to the file, so no journal file should appear beside it.
    file.exec('PRAGMA journal_mode = MEMORY');
    file.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    file.close();
    if ((err as { errcode?: number }).errcode === SQLITE_BUSY) throw new StoreLockedError(dataDir, readHolder(holderFile));
    throw err;
  }
  const holder: StoreHolder = { pid: process.pid, owner, since: new Date().toISOString() };
  const partial = `${holderFile}.${process.pid}`;
  try {
    writeFileSync(partial, JSON.stringify(holder) + '\n');
    renameSync(partial, holderFile);
  } catch (err) {
    file.close();
    throw err;
  }
  held.add(file);
  return {
    release() {
      if (!held.delete(file)) return;
      // Removed while still held: once released, the file may already be the next holder's.
      rmSync(holderFile, { force: true });
      file.close();
    },
  };
}

function readHolder(holderFile: string): StoreHolder | null {
  try {
    const parsed = StoreHolder.safeParse(JSON.parse(readFileSync(holderFile, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
