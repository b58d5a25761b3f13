import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/src/clock';
import { createLogger } from '../../server/src/log';
import { smtpMailer } from '../../server/src/mail/mailer';
import { createRemindersService } from '../../server/src/reminders/reminders.service';
import { openDb, type Db } from '../../server/src/store/db';
import { createJobLease } from '../../server/src/store/jobLease';
import { signedInAs } from '../support/httpClient';
import { freshPostgresDatabase } from '../support/postgres';
import { startSmtpServer, type SmtpServer } from '../support/smtpServer';
import { startTestApp, TEST_SECRET, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD } from '../support/users';

/**
 * Issue #18, item 3: two app instances on one real PostgreSQL, their reminder jobs running at the same moment,
 * send each reminder exactly once. The clocks are pinned alike: the reminders read only the app's clock (every
 * time in their SQL is a parameter), and nothing here asks PostgreSQL for the time.
 */
const MONDAY_9AM = '2026-11-30T15:00:00Z';
const PUBLIC = 'https://redmug.example.org';

let smtp: SmtpServer;
let dbs: Db[];
let apps: TestApp[];
const members = ['lawyer@example.ca', 'student@example.ca', 'm1@example.ca', 'm2@example.ca', 'm3@example.ca'];

beforeAll(async () => {
  smtp = await startSmtpServer();
  const url = await freshPostgresDatabase();
  dbs = [await openDb({ databaseUrl: url }), await openDb({ databaseUrl: url })];
  const env = { SMTP_URL: smtp.url, PUBLIC_URL: PUBLIC };
  apps = [await startTestApp({ db: dbs[0], now: MONDAY_9AM, env }), await startTestApp({ db: dbs[1], now: MONDAY_9AM, env })];
  await createPeople(apps[0]!);
  for (const e of members.slice(2)) {
    await apps[0]!.services.auth.createUser({ email: e, firstName: e.slice(0, 2), role: 'member', memberKind: 'lawyer', password: PASSWORD });
  }
  // Each opts in on one instance or the other, as a load balancer would send them.
  for (const [i, e] of members.entries()) {
    const c = await signedInAs(apps[i % 2]!.url, e);
    expect((await c.post('/api/reminders/circle_day', { subscribed: true })).status).toBe(200);
  }
});
afterAll(async () => {
  for (const a of apps ?? []) await a.close();
  for (const d of dbs ?? []) await d.close();
  await smtp?.close();
});

const tally = () => {
  const n = new Map<string, number>();
  for (const m of smtp.received) for (const to of m.to) n.set(to, (n.get(to) ?? 0) + 1);
  return Object.fromEntries([...n].sort());
};

describe('several instances, one PostgreSQL', () => {
  it('jobs running at once on both instances send each person exactly one morning reminder', async () => {
    const runs = await Promise.all([0, 1, 0, 1].map((i) => apps[i]!.services.reminders.runOnce()));
    // The lease lets one run at a time; whoever ran, the work was done once.
    expect(runs.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    await Promise.all(apps.map((a) => a.services.reminders.runOnce()));
    expect(tally()).toEqual(Object.fromEntries(members.map((e) => [e, 1]).sort()));
  });

  it('even without the job lease, the claims alone keep it to one e-mail each', async () => {
    const clock = { now: () => new Date('2026-12-07T15:00:00Z') };
    const noLease = { run: async (_name: string, _ttl: number, fn: () => Promise<void>) => (await fn(), true) };
    const services = dbs.map((db) =>
      createRemindersService({
        db,
        clock,
        log: createLogger('silent'),
        mailer: smtpMailer({ url: smtp.url, from: 'Red Mug <no-reply@redmug.example.org>' }),
        publicUrl: PUBLIC,
        secret: TEST_SECRET,
        window: { opensMinutesBefore: 10, closesMinutesAfterEnd: 0 },
        hour: 8,
        threshold: 5,
        lease: noLease,
      }),
    );
    const before = smtp.received.length;
    await Promise.all([...services, ...services].map((s) => s.runOnce()));
    expect(smtp.received.length - before).toBe(members.length);
    expect(tally()).toEqual(Object.fromEntries(members.map((e) => [e, 2]).sort()));
  });

  it('the job lease: one holder at a time across instances, let go after the run, taken over once expired', async () => {
    const clock = fixedClock('2026-12-01T12:00:00Z');
    const [a, b] = dbs.map((db) => createJobLease(db, clock));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const first = a!.run('lease-test', 60_000, async () => {
      started();
      await held;
    });
    await running;
    expect(await b!.run('lease-test', 60_000, async () => undefined)).toBe(false);
    release();
    expect(await first).toBe(true);
    expect(await b!.run('lease-test', 60_000, async () => undefined)).toBe(true);

    // A holder that died (its lease left behind) blocks others only until the lease expires.
    await dbs[0]!.query(`INSERT INTO job_leases (name, holder, expires_at) VALUES ('lease-test', 'gone', $1)`, [new Date('2026-12-01T12:01:00Z')]);
    expect(await b!.run('lease-test', 60_000, async () => undefined)).toBe(false);
    clock.set('2026-12-01T12:01:00Z');
    expect(await b!.run('lease-test', 60_000, async () => undefined)).toBe(true);
  });
});
