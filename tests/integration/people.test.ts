import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicUser, Role } from '../../shared/schemas/auth';
import type { CircleSnapshot } from '../../shared/schemas/live';
import type { Person } from '../../shared/schemas/people';
import type { AuditLogEntry } from '../../shared/schemas/reports';
import { AppError } from '../../server/src/http/errors';
import { openDb } from '../../server/src/store/db';
import { ApiClient } from '../support/httpClient';
import { freshPostgresDatabase } from '../support/postgres';
import { command, connectSocket, raw, type ClientSocket } from '../support/sockets';
import { IN_WINDOW, startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD, type People } from '../support/users';

/** Staff manage people: the list, role changes (audited, sockets closed), and the guards around them. */
const root = path.resolve(import.meta.dirname, '../..');
const SESSION = 'rmcc_2026-11-30';
let app: TestApp;
let people: People;
let staff: ApiClient;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  app = await startTestApp({ now: IN_WINDOW });
  people = await createPeople(app);
  staff = await signedIn(app, 'staff@example.ca');
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app?.close();
});

async function signedIn(on: TestApp, email: string): Promise<ApiClient> {
  const c = new ApiClient(on.url);
  expect((await c.signIn(email, PASSWORD)).status).toBe(200);
  return c;
}
async function socketOf(c: ApiClient): Promise<ClientSocket> {
  const s = await connectSocket(app.url, c.cookie('rm_sid'));
  sockets.push(s);
  return s;
}
function disconnected(s: ClientSocket): Promise<string> {
  return new Promise((resolve) => s.once('disconnect', (reason) => resolve(reason)));
}
async function make(email: string, firstName: string, role: Role, memberKind: PublicUser['memberKind'] = null): Promise<PublicUser> {
  const u = await app.services.auth.createUser({ email, firstName, role, memberKind, password: PASSWORD });
  return u;
}
const names = (r: { body: { people: Person[] } }) => r.body.people.map((p) => p.firstName);

describe('the list of people', () => {
  it('shows each account with exactly its id, name, email, role, kind, year of call, creation date and whether it is disabled', async () => {
    const res = await staff.get('/api/people');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 4, limit: 50, offset: 0 });
    expect(names(res)).toEqual(['Lee', 'Sam', 'Sasha', 'Val']);
    const lee = res.body.people[0] as Person;
    expect(Object.keys(lee).sort()).toEqual(['createdAt', 'disabled', 'email', 'firstName', 'id', 'memberKind', 'role', 'yearOfCall']);
    expect(lee).toMatchObject({ id: people.lawyer.id, email: 'lawyer@example.ca', role: 'member', memberKind: 'lawyer', yearOfCall: null, disabled: false });
    expect(Number.isNaN(Date.parse(lee.createdAt))).toBe(false);
    // Nothing but accounts: no password hash, no circles, no attendance, no support requests.
    expect(JSON.stringify(res.body)).not.toMatch(/password|argon|session|attend|request/i);
  });

  it('filters by role and by a piece of the name or email, case-insensitively, taking % and _ literally', async () => {
    expect(names(await staff.get('/api/people?role=member'))).toEqual(['Lee', 'Sam']);
    expect(names(await staff.get('/api/people?q=SAS'))).toEqual(['Sasha']);
    expect(names(await staff.get('/api/people?q=student%40'))).toEqual(['Sam']);
    expect(names(await staff.get('/api/people?q=example.ca&role=volunteer'))).toEqual(['Val']);
    expect(names(await staff.get('/api/people?q=%25'))).toEqual([]);
    expect(names(await staff.get('/api/people?q=_'))).toEqual([]);
    expect(names(await staff.get('/api/people?q=%20%20'))).toEqual(['Lee', 'Sam', 'Sasha', 'Val']);
    expect((await staff.get('/api/people?role=auditor')).body).toMatchObject({ people: [], total: 0 });
  });

  it('pages with a limit and an offset, and says how many match in all', async () => {
    const first = await staff.get('/api/people?limit=3');
    expect(first.body).toMatchObject({ total: 4, limit: 3, offset: 0 });
    expect(names(first)).toEqual(['Lee', 'Sam', 'Sasha']);
    const second = await staff.get('/api/people?limit=3&offset=3');
    expect(second.body).toMatchObject({ total: 4, limit: 3, offset: 3 });
    expect(names(second)).toEqual(['Val']);
    expect(names(await staff.get('/api/people?offset=40'))).toEqual([]);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['offset=-1', 'offset'],
    ['role=judge', 'role'],
    [`q=${'x'.repeat(101)}`, 'q'],
    ['sort=email', '(body)'],
    ['q=a&q=b', 'q'],
  ])('refuses ?%s with a 400 naming the field', async (query, field) => {
    const res = await staff.get(`/api/people?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain(field);
  });

  it('is for staff only', async () => {
    for (const email of ['lawyer@example.ca', 'volunteer@example.ca']) {
      expect((await (await signedIn(app, email)).get('/api/people')).status).toBe(403);
    }
    expect((await new ApiClient(app.url).get('/api/people')).status).toBe(401);
  });
});

describe('changing a role', () => {
  it('member → volunteer: the session says so at once, their sockets close, the next carries the red mug, and the audit log has who and when without naming them', async () => {
    const lee = await signedIn(app, 'lawyer@example.ca');
    const sam = await socketOf(await signedIn(app, 'student@example.ca'));
    const before = await socketOf(lee);
    const joined = (await command(before, 'circle:join', { sessionId: SESSION, displayName: 'Lee L.' })) as { ok: true; data: CircleSnapshot };
    expect(joined.ok).toBe(true);
    const self = (snap: CircleSnapshot) => snap.participants.find((p) => p.identity === snap.you.identity);
    expect(self(joined.data)).toMatchObject({ role: 'member', badge: '' });
    const closed = disconnected(before);

    const res = await staff.patch(`/api/people/${people.lawyer.id}/role`, { role: 'volunteer', memberKind: null });
    expect(res.status).toBe(200);
    expect(res.body.person).toMatchObject({ id: people.lawyer.id, firstName: 'Lee', role: 'volunteer', memberKind: null });

    expect(await closed).toBe('io server disconnect');
    // Only Lee's sockets: Sam's still answers.
    expect(await raw(sam, 'support:list', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await lee.get('/api/auth/session')).body.user).toMatchObject({ id: people.lawyer.id, role: 'volunteer', memberKind: null });

    const after = await socketOf(lee);
    const rejoined = (await command(after, 'circle:join', { sessionId: SESSION, displayName: 'Lee L.' })) as { ok: true; data: CircleSnapshot };
    // A new volunteer has no training or confidentiality undertaking on record yet: no red mug until staff record both.
    expect(self(rejoined.data)).toMatchObject({ role: 'volunteer', badge: '' });
    const today = '2026-11-30';
    expect((await staff.post(`/api/people/${people.lawyer.id}/readiness`, { trainingCompletedOn: today, undertakingSignedOn: today })).status).toBe(200);
    const ready = (await command(after, 'circle:join', { sessionId: SESSION, displayName: 'Lee L.' })) as { ok: true; data: CircleSnapshot };
    expect(self(ready.data)).toMatchObject({ role: 'volunteer', badge: 'red-mug' });

    const audit = await staff.get('/api/reports/audit?action=user.role_change');
    expect(audit.status).toBe(200);
    const entries = audit.body.entries as AuditLogEntry[];
    expect(entries).toEqual([
      {
        at: new Date(IN_WINDOW).toISOString(),
        when: 'Mon 30 Nov 2026, 12:05 Alberta time (UTC−6)',
        actorName: 'Sasha',
        actorRole: 'staff',
        action: 'user.role_change',
        targetType: 'user',
        targetId: people.lawyer.id,
        // An account only by a short reference: never a name.
        targetLabel: `An account (ref. ${people.lawyer.id.replace(/-/g, '').slice(0, 8)})`,
      },
    ]);
    const text = JSON.stringify(audit.body);
    for (const never of ['Lee', people.lawyer.email, 'volunteer', 'member']) expect(text).not.toContain(never);
    const rows = await app.db.query('SELECT * FROM audit_log WHERE action = $1', ['user.role_change']);
    expect(JSON.stringify(rows)).not.toMatch(/Lee|lawyer@example\.ca/);
  });

  it('changes a member kind (an articling student called to the bar) and says nothing when nothing changes', async () => {
    const sam = await socketOf(await signedIn(app, 'student@example.ca'));
    const closed = disconnected(sam);
    const res = await staff.patch(`/api/people/${people.student.id}/role`, { role: 'member', memberKind: 'lawyer' });
    expect(res.body.person).toMatchObject({ role: 'member', memberKind: 'lawyer' });
    await closed;
    const count = async () => (await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE target_id = $1`, [people.student.id]))[0]!.n;
    expect(await count()).toBe(1);

    // The same role again: 200 with the person as they are, no audit entry, no sockets closed.
    const still = await socketOf(await signedIn(app, 'student@example.ca'));
    expect((await staff.patch(`/api/people/${people.student.id}/role`, { role: 'member', memberKind: 'lawyer' })).status).toBe(200);
    expect(await count()).toBe(1);
    expect(await raw(still, 'support:list', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it.each([
    ['no body at all', undefined, '(body)'],
    ['a member without a kind', { role: 'member' }, 'memberKind'],
    ['a kind for a volunteer', { role: 'volunteer', memberKind: 'lawyer' }, 'memberKind'],
    ['an unknown role', { role: 'judge', memberKind: null }, 'role'],
    ['an unknown kind', { role: 'member', memberKind: 'partner' }, 'memberKind'],
    ['extra fields', { role: 'volunteer', memberKind: null, firstName: 'Mallory' }, '(body)'],
    ['a list', [{ role: 'volunteer' }], '(body)'],
  ])('refuses %s with a 400 naming the field', async (_name, body, field) => {
    const res = await staff.request('PATCH', `/api/people/${people.volunteer.id}/role`, body === undefined ? {} : { json: body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain(field);
    expect((await staff.get('/api/people?role=volunteer')).body.people.map((p: Person) => p.id)).toContain(people.volunteer.id);
  });

  it('refuses a body that is not JSON', async () => {
    const res = await staff.request('PATCH', `/api/people/${people.volunteer.id}/role`, { raw: '{role:' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('takes an id in upper case as the same account', async () => {
    const res = await staff.patch(`/api/people/${people.volunteer.id.toUpperCase()}/role`, { role: 'volunteer', memberKind: null });
    expect(res.status).toBe(200);
    expect(res.body.person.id).toBe(people.volunteer.id);
  });

  it('answers 404 for an account that does not exist', async () => {
    for (const id of [randomUUID(), 'not-a-uuid', '1%27%20OR%201=1']) {
      const res = await staff.patch(`/api/people/${id}/role`, { role: 'volunteer', memberKind: null });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no account') });
    }
  });

  it('needs the CSRF token', async () => {
    const res = await staff.patch(`/api/people/${people.volunteer.id}/role`, { role: 'member', memberKind: 'lawyer' }, { csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF_REJECTED');
  });

  it('refuses changing your own role', async () => {
    const res = await staff.patch(`/api/people/${people.staff.id}/role`, { role: 'volunteer', memberKind: null });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('your own role') });
    expect((await staff.get('/api/auth/session')).body.user.role).toBe('staff');
  });

  it('refuses to demote the last staff account, even for a staff member demoted a moment before', async () => {
    const kim = await make('kim@example.ca', 'Kim', 'volunteer');
    const promoted = await staff.patch(`/api/people/${kim.id}/role`, { role: 'staff', memberKind: null });
    expect(promoted.body.person.role).toBe('staff');
    const kimAsStaff: PublicUser = { ...kim, role: 'staff' };
    // Sasha demotes Kim; Kim's own request (already past the role check) then tries to demote Sasha.
    expect((await staff.patch(`/api/people/${kim.id}/role`, { role: 'volunteer', memberKind: null })).status).toBe(200);
    const refused = app.services.people.changeRole(kimAsStaff, people.staff.id, { role: 'volunteer', memberKind: null });
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ status: 409, code: 'CONFLICT', text: 'people.error.lastStaff' });
    // With another staff account about, a demoted one still cannot act on what it no longer is.
    const lou = await make('lou@example.ca', 'Lou', 'staff');
    await expect(app.services.people.changeRole(kimAsStaff, lou.id, { role: 'volunteer', memberKind: null })).rejects.toMatchObject({ status: 403 });
    expect((await app.db.query(`SELECT first_name FROM users WHERE role = 'staff' ORDER BY first_name`)).map((r) => r.first_name)).toEqual(['Lou', 'Sasha']);
  });
});

/** Two staff demoting each other at the same moment: exactly one wins, so staff can never be locked out. */
describe.each(['pglite', 'postgres'] as const)('two staff demoting each other at once (%s)', (engine) => {
  let on: TestApp;
  beforeAll(async () => {
    on = await startTestApp({ now: IN_WINDOW, ...(engine === 'postgres' ? { db: await openDb({ databaseUrl: await freshPostgresDatabase() }) } : {}) });
  });
  afterAll(async () => {
    await on?.close();
    if (engine === 'postgres') await on?.db.close();
  });

  it('lets exactly one of them through', async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = await Promise.all(
        [`a${round}`, `b${round}`].map((n) => on.services.auth.createUser({ email: `${n}@example.ca`, firstName: n, role: 'staff', memberKind: null, password: PASSWORD })),
      );
      const [ca, cb] = await Promise.all([signedIn(on, a!.email), signedIn(on, b!.email)]);
      const results = await Promise.all([
        ca.patch(`/api/people/${b!.id}/role`, { role: 'volunteer', memberKind: null }),
        cb.patch(`/api/people/${a!.id}/role`, { role: 'volunteer', memberKind: null }),
      ]);
      const statuses = results.map((r) => r.status).sort();
      // The loser is refused either at the role check (403, when the winner committed first) or under the lock (409).
      expect(statuses[0]).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      const staffLeft = await on.db.query(`SELECT id FROM users WHERE role = 'staff'`);
      expect(staffLeft).toHaveLength(1);
      // Start the next round with only its own two staff accounts.
      await on.db.query(`UPDATE users SET role = 'volunteer' WHERE role = 'staff'`);
    }
  });
});

describe('accounts made from invites and from the command line are audited', () => {
  it('records invite.accept with the inviting staff member as actor and never the new person’s name', async () => {
    const invite = await staff.post('/api/auth/invites', { role: 'member', memberKind: 'articling_student' });
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({ createdAt: new Date(IN_WINDOW).toISOString(), expiresAt: new Date(Date.parse(IN_WINDOW) + 14 * 86_400_000).toISOString() });
    const newcomer = new ApiClient(app.url);
    await newcomer.get('/api/auth/session');
    const accepted = await newcomer.post('/api/auth/accept-invite', { token: invite.body.token, email: 'nadia@example.ca', firstName: 'Nadia', password: PASSWORD });
    expect(accepted.status).toBe(201);
    const audit = await staff.get('/api/reports/audit?action=invite.accept');
    expect(audit.body.entries).toEqual([
      {
        at: new Date(IN_WINDOW).toISOString(),
        when: 'Mon 30 Nov 2026, 12:05 Alberta time (UTC−6)',
        actorName: 'Sasha',
        actorRole: 'staff',
        action: 'invite.accept',
        targetType: 'user',
        targetId: accepted.body.user.id,
        targetLabel: `An account (ref. ${accepted.body.user.id.replace(/-/g, '').slice(0, 8)})`,
      },
    ]);
    expect(JSON.stringify(audit.body)).not.toMatch(/Nadia|nadia@/);
  });

  it('records user.create from npm run admin, with no actor and only the new id', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'redmug-admin-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir };
      delete env.DATABASE_URL;
      const added = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'server/src/admin.ts', 'user:add', '--email', 'alex@example.ca', '--role', 'staff', '--name', 'Alex'],
        { cwd: root, env },
      );
      expect(added.stdout).toContain('Created staff alex@example.ca');
      const db = await openDb({ dataDir: path.join(dataDir, 'pglite') });
      try {
        const [user] = await db.query<{ id: string }>('SELECT id::text AS id FROM users');
        expect(await db.query('SELECT actor_id, action, target_type, target_id FROM audit_log')).toEqual([
          { actor_id: null, action: 'user.create', target_type: 'user', target_id: user!.id },
        ]);
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000); // a process starting Node, tsx and a new PGlite store, then the test opening it: slow on a busy machine
});
