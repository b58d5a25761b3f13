import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAuthService } from '../../server/src/auth/auth.service';
import { createLoginThrottle } from '../../server/src/auth/loginThrottle';
import { schedulingRepository } from '../../server/src/scheduling/scheduling.repository';
import { systemClock } from '../../server/src/clock';
import { ensureMondayCircle } from '../../server/src/seed';
import { MIGRATIONS } from '../../server/src/store/migrations';
import { openDb, type Db, type DbOptions } from '../../server/src/store/db';
import { freshPostgresDatabase } from '../support/postgres';
import { startTestApp } from '../support/testApp';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The same contract, run against embedded PGlite on disk and a real PostgreSQL server. */
const engines: Array<[string, () => Promise<DbOptions>]> = [
  [
    'PGlite',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'redmug-pglite-'));
      dirs.push(dir);
      // A level down, as under DATA_DIR: the store's lock file sits beside its directory.
      return { dataDir: path.join(dir, 'pglite') };
    },
  ],
  ['PostgreSQL', async () => ({ databaseUrl: await freshPostgresDatabase() })],
];

const auth = (db: Db) =>
  createAuthService({ db, clock: systemClock, throttle: createLoginThrottle({ maxFailures: 5, blockMinutes: 1 }), sessionTtlHours: 1, inviteTtlDays: 1 });

describe.each(engines)('store on %s', (_engine, options) => {
  it('applies every migration once, even when opened again', async () => {
    const opts = await options();
    const first = await openDb(opts);
    await first.close();
    const db = await openDb(opts);
    const applied = await db.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(applied.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
    await db.close();
  });

  it('keeps accounts, the series and topics across a reopen', async () => {
    const opts = await options();
    let db = await openDb(opts);
    await ensureMondayCircle(db);
    await ensureMondayCircle(db);
    await auth(db).createUser({ email: 'keep@example.ca', firstName: 'Kim', role: 'volunteer', memberKind: null, password: 'long enough pass' });
    await schedulingRepository(db).setTopic('rmcc', '2026-11-30', 'First topic', null);
    await schedulingRepository(db).setTopic('rmcc', '2026-11-30', 'Changed topic', null);
    await db.close();

    db = await openDb(opts);
    expect(await auth(db).countUsers()).toBe(1);
    expect((await schedulingRepository(db).activeSeries()).map((s) => s.id)).toEqual(['rmcc']);
    expect(await schedulingRepository(db).topicOn('rmcc', '2026-11-30')).toBe('Changed topic');
    const signedIn = await auth(db).login('keep@example.ca', 'long enough pass', '127.0.0.1');
    expect(await auth(db).userForSession(signedIn.sessionToken)).toMatchObject({ email: 'keep@example.ca' });
    await db.close();
  });

  it('refuses a second account with the same email and keeps the first', async () => {
    const db = await openDb(await options());
    const a = auth(db);
    await a.createUser({ email: 'dup@example.ca', firstName: 'One', role: 'staff', memberKind: null, password: 'long enough pass' });
    await expect(
      a.createUser({ email: 'DUP@example.ca', firstName: 'Two', role: 'member', memberKind: 'lawyer', password: 'another pass 123' }),
    ).rejects.toMatchObject({ code: 'EMAIL_TAKEN', status: 409 });
    const rows = await db.query<{ first_name: string }>('SELECT first_name FROM users');
    expect(rows).toEqual([{ first_name: 'One' }]);
    await db.close();
  });

  it('rolls back a failed transaction completely', async () => {
    const db = await openDb(await options());
    await ensureMondayCircle(db);
    await expect(
      db.transaction(async (tx) => {
        await schedulingRepository(tx).setTopic('rmcc', '2026-12-07', 'Half-done', null);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await schedulingRepository(db).topicOn('rmcc', '2026-12-07')).toBeNull();
    await db.close();
  });

  it('upgrades a store made before the auditor role: old accounts and invites stay, auditors fit, nothing else does', async () => {
    const opts = await options();
    const before = await openDb(opts, MIGRATIONS.filter((m) => m.id < 40));
    await auth(before).createUser({ email: 'old@example.ca', firstName: 'Olga', role: 'staff', memberKind: null, password: 'long enough pass' });
    await before.query(`INSERT INTO invites (token_hash, role, member_kind, created_at, expires_at) VALUES ('h-old', 'member', 'lawyer', now(), now())`);
    await expect(
      before.query(`INSERT INTO users (id, email, first_name, role, password_hash) VALUES (gen_random_uuid(), 'a@example.ca', 'A', 'auditor', 'h')`),
    ).rejects.toThrow(/users_role_check/);
    await before.close();

    const db = await openDb(opts);
    expect((await db.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id')).map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
    expect(await db.query('SELECT email, role FROM users')).toEqual([{ email: 'old@example.ca', role: 'staff' }]);
    expect(await db.query('SELECT role, member_kind FROM invites')).toEqual([{ role: 'member', member_kind: 'lawyer' }]);
    const auditor = await auth(db).createUser({ email: 'audit@example.ca', firstName: 'Ada', role: 'auditor', memberKind: null, password: 'long enough pass' });
    expect(auditor).toMatchObject({ role: 'auditor', memberKind: null });
    await auth(db).createInvite({ role: 'auditor', memberKind: null }, auditor.id);
    expect(await db.query(`SELECT member_kind FROM invites WHERE role = 'auditor'`)).toEqual([{ member_kind: null }]);
    // Still refused by the schema itself: an unknown role, and an auditor with a member kind.
    for (const [role, kind, check] of [['superuser', null, /users_role_check/], ['auditor', 'lawyer', /users_check/]] as const) {
      await expect(
        db.query(`INSERT INTO users (id, email, first_name, role, member_kind, password_hash) VALUES (gen_random_uuid(), $1, 'X', $2, $3, 'h')`, [
          `${role}@example.ca`,
          role,
          kind,
        ]),
      ).rejects.toThrow(check);
    }
    await expect(
      db.query(`INSERT INTO invites (token_hash, role, created_at, expires_at) VALUES ('h-new', 'superuser', now(), now())`),
    ).rejects.toThrow(/invites_role_check/);
    await db.close();
  });

  it('upgrades a store made before feeds used current zone data: every event a subscriber has gets a higher SEQUENCE', async () => {
    const opts = await options();
    /** SEQUENCE and DTSTAMP of each event of the Monday circle's feed, by UID and RECURRENCE-ID. */
    const served = async (db: Db, now: string) => {
      const app = await startTestApp({ db, now });
      try {
        const text = (await (await fetch(`${app.url}/api/scheduling/series/rmcc/feed.ics`)).text()).replace(/\r\n[ \t]/g, '');
        const field = (event: string, name: string) => new RegExp(`^${name}[;:](.*)$`, 'm').exec(event)?.[1] ?? '';
        return new Map(
          text
            .split('BEGIN:VEVENT')
            .slice(1)
            .map((e) => [`${field(e, 'UID')} ${field(e, 'RECURRENCE-ID')}`, { sequence: Number(field(e, 'SEQUENCE')), stamp: field(e, 'DTSTAMP') }]),
        );
      } finally {
        await app.close();
      }
    };
    const before = await openDb(opts, MIGRATIONS.filter((m) => m.id !== 6));
    await ensureMondayCircle(before);
    await schedulingRepository(before).setTopic('rmcc', '2026-12-07', 'Boundaries', null); // an override event beside the series
    const old = await served(before, '2026-10-28T20:00:00Z');
    await before.close();

    const db = await openDb(opts);
    const now = await served(db, '2026-11-28T20:00:00Z');
    expect([...now.keys()]).toEqual([...old.keys()]);
    expect(now.size).toBe(2);
    for (const [key, was] of old) {
      expect(now.get(key)!.sequence).toBeGreaterThan(was.sequence);
      expect(now.get(key)!.stamp).not.toBe(was.stamp);
    }
    // Applied once: opening the store again bumps nothing.
    await db.close();
    const again = await openDb(opts);
    expect(await again.query('SELECT sequence FROM circle_series')).toEqual([{ sequence: now.get('rmcc@redmug ')!.sequence }]);
    await again.close();
  });

  it('enforces the member-kind rule in the schema itself', async () => {
    const db = await openDb(await options());
    await expect(
      db.query(`INSERT INTO users (id, email, first_name, role, member_kind, password_hash)
                VALUES (gen_random_uuid(), 'x@example.ca', 'X', 'volunteer', 'lawyer', 'h')`),
    ).rejects.toThrow();
    await db.close();
  });
});
