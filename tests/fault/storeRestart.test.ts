import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAuthService } from '../../server/src/auth/auth.service';
import { createLoginThrottle } from '../../server/src/auth/loginThrottle';
import { systemClock } from '../../server/src/clock';
import { openDb, type DbOptions } from '../../server/src/store/db';
import { startAppProcess, type AppProcess } from '../support/appProcess';
import { ApiClient } from '../support/httpClient';
import { openCircleNow } from '../support/openCircles';
import { startTempServer, type TempServer } from '../support/tempServers';
import { TEST_SECRET } from '../support/testApp';
import { PASSWORD } from '../support/users';

/**
 * Fault 4: the store restarted (PostgreSQL) or the app restarted on its embedded store (PGlite, killed with
 * SIGKILL): no schedule, account or attendance data is lost, and the app serves again without a restart of its own.
 */
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** A staff account and an open circle, written before the app starts. */
async function prepare(options: DbOptions): Promise<string> {
  const db = await openDb(options);
  const auth = createAuthService({ db, clock: systemClock, throttle: createLoginThrottle({ maxFailures: 50, blockMinutes: 1 }), sessionTtlHours: 1, inviteTtlDays: 1 });
  await auth.createUser({ email: 'staff@example.ca', firstName: 'Sasha', role: 'staff', memberKind: null, password: PASSWORD });
  const sessionId = await openCircleNow(db, 'fault-store', 'Preset');
  // Ten people reached this year (pseudonymous, as the attendance webhooks record them, each once in a group large
  // enough to be counted).
  for (let i = 0; i < 10; i++) {
    await db.query(
      `INSERT INTO attendance_reach (reporting_year, pseudonym, kind, first_seen_on, last_seen_on, first_counted_on) VALUES ($1, $2, 'lawyer', $3, $3, $3)`,
      [new Date().getUTCFullYear(), `pseudonym-${i}`, new Date().toISOString().slice(0, 10)],
    );
  }
  await db.close();
  return sessionId;
}

/** Through the app: an invited member creates an account, and staff set the session's topic. */
async function writeData(url: string, sessionId: string) {
  const staff = new ApiClient(url);
  expect((await staff.signIn('staff@example.ca', PASSWORD)).status).toBe(200);
  const invite = await staff.post('/api/auth/invites', { role: 'member', memberKind: 'lawyer' });
  expect(invite.status).toBe(201);
  const member = new ApiClient(url);
  await member.get('/api/auth/session');
  const accepted = await member.post('/api/auth/accept-invite', { token: invite.body.token, email: 'new.member@example.ca', firstName: 'Noor', password: 'a long enough passphrase' });
  expect(accepted.status).toBe(201);
  expect((await staff.post(`/api/scheduling/sessions/${sessionId}/topic`, { topic: 'Set before the restart' })).status).toBe(200);
}

/** After the fault: the same account signs in and the schedule still carries the topic. */
async function expectDataKept(url: string, sessionId: string) {
  const member = new ApiClient(url);
  expect((await member.signIn('new.member@example.ca', 'a long enough passphrase')).status).toBe(200);
  const session = await member.get(`/api/circles/sessions/${sessionId}`);
  expect(session.status).toBe(200);
  expect(JSON.stringify(session.body)).toContain('Set before the restart');
  const staff = new ApiClient(url);
  expect((await staff.signIn('staff@example.ca', PASSWORD)).status).toBe(200);
  const reach = await staff.get('/api/reports/milestones');
  expect(reach.body.years).toEqual([expect.objectContaining({ year: new Date().getUTCFullYear(), uniqueIndividuals: 10 })]);
}

describe('store faults', () => {
  it('PostgreSQL restarted under a running app: nothing lost, and the app serves again once it is back', async () => {
    const pg: TempServer = startTempServer('postgres');
    cleanups.push(() => pg.destroy());
    const sessionId = await prepare({ databaseUrl: pg.url });
    const app: AppProcess = await startAppProcess({ DATABASE_URL: pg.url, SESSION_SECRET: TEST_SECRET });
    cleanups.push(() => app.stop('SIGKILL'));
    await writeData(app.url, sessionId);

    pg.stop();
    const down = await new ApiClient(app.url).get('/readyz');
    expect(down.status).toBe(503);
    expect(pg.start()).toBe(pg.url);
    // The pool replaces its broken connections; readiness follows within a few requests.
    await expect.poll(async () => (await new ApiClient(app.url).get('/readyz')).status, { timeout: 10_000, interval: 200 }).toBe(200);
    await expectDataKept(app.url, sessionId);
  });

  it('the app killed (SIGKILL) on its embedded PGlite store and started again: nothing lost', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'redmug-fault-pglite-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const sessionId = await prepare({ dataDir: path.join(dataDir, 'pglite') });
    const env = { DATA_DIR: dataDir, SESSION_SECRET: TEST_SECRET };
    const first = await startAppProcess(env);
    cleanups.push(() => first.stop('SIGKILL'));
    await writeData(first.url, sessionId);
    await first.stop('SIGKILL');

    const second = await startAppProcess(env);
    cleanups.push(() => second.stop('SIGKILL'));
    await expectDataKept(second.url, sessionId);
  });
});
