import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import type { Queryable } from './db';

/**
 * A lease on a named job in the shared store, so that of several app instances on one PostgreSQL only one runs
 * it at a time. The lease expires by itself: an instance that dies mid-run is replaced after `ttlMs`. Times come
 * from the app's clock, not the database's, so every instance judges expiry the same way.
 *
 * A lease is not the only guard: work a job does must still be idempotent (the reminders claim each send), since
 * a run that outlives its lease may overlap the next holder's.
 */
export interface JobLease {
  /** Runs `fn` if this instance gets the lease now; returns whether it ran. The lease is let go afterwards. */
  run(name: string, ttlMs: number, fn: () => Promise<void>): Promise<boolean>;
}

export function createJobLease(db: Queryable, clock: Clock, holder = randomUUID()): JobLease {
  return {
    async run(name, ttlMs, fn) {
      const now = clock.now();
      const taken = await db.query(
        `INSERT INTO job_leases (name, holder, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
           WHERE job_leases.expires_at <= $4 OR job_leases.holder = EXCLUDED.holder
         RETURNING name`,
        [name, holder, new Date(now.getTime() + ttlMs), now],
      );
      if (taken.length === 0) return false;
      try {
        await fn();
      } finally {
        await db.query('DELETE FROM job_leases WHERE name = $1 AND holder = $2', [name, holder]);
      }
      return true;
    },
  };
}
