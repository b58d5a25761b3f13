import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalLivekit } from '../../server/src/livekit/localLivekit';
import { createMedia } from '../../server/src/livekit/media';
import { openDb } from '../../server/src/store/db';
import type { AuditLogEntry } from '../../shared/schemas/reports';
import { ApiClient } from '../support/httpClient';
import { startTestLivekit } from '../support/livekit';
import { command, connectSocket, next, type ClientSocket } from '../support/sockets';
import { IN_WINDOW, startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD, type People } from '../support/users';

/**
 * Issue #7: an auditor reads the audit log of staff and host actions — who, what, when, which target — and
 * nothing else. No chat, nobody's presence, no reports, no schedule, no peer support, and never a circle: no
 * LiveKit token and no socket admission.
 */
const SESSION = 'rmcc_2026-11-30';
const CHAT = 'something said only in the circle';
const REFUSAL = /auditor account can read the audit log only/;
const root = path.resolve(import.meta.dirname, '../..');

let livekit: LocalLivekit;
let app: TestApp;
let people: People;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  livekit = await startTestLivekit();
  // Pinned to the Monday circle's window (12:05 Alberta time): safe beside the real livekit-server, which only
  // answers the readiness check here; no token is taken to it (the lawyer's is only checked for being there).
  app = await startTestApp({ now: IN_WINDOW, media: createMedia(livekit.connection) });
  people = await createPeople(app);
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app?.close();
  await livekit?.stop();
});

async function signedIn(email: string, password = PASSWORD) {
  const c = new ApiClient(app.url);
  expect((await c.signIn(email, password)).status).toBe(200);
  return c;
}
async function socketOf(c: ApiClient) {
  const socket = await connectSocket(app.url, c.cookie('rm_sid'));
  sockets.push(socket);
  return socket;
}
const count = async (sql: string, params: unknown[] = []) => Number((await app.db.query<{ n: string }>(sql, params))[0]!.n);

describe('an auditor', () => {
  let auditor: ApiClient;
  let auditorId: string;
  let lee: ClientSocket;

  it('is invited by staff (with no member kind), accepts, and signs in again later', async () => {
    const staff = await signedIn('staff@example.ca');
    expect((await staff.post('/api/auth/invites', { role: 'auditor', memberKind: 'lawyer' })).body.code).toBe('VALIDATION_FAILED');
    const invite = await staff.post('/api/auth/invites', { role: 'auditor', email: 'ada@audit.example.ca' });
    expect(invite.status).toBe(201);

    const newcomer = new ApiClient(app.url);
    await newcomer.get('/api/auth/session');
    const accepted = await newcomer.post('/api/auth/accept-invite', {
      token: invite.body.token,
      email: 'ada@audit.example.ca',
      firstName: 'Ada',
      password: 'an auditor passphrase',
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.user).toMatchObject({ role: 'auditor', memberKind: null, yearOfCall: null, firstName: 'Ada' });
    auditorId = accepted.body.user.id;

    auditor = await signedIn('ada@audit.example.ca', 'an auditor passphrase');
    expect((await auditor.get('/api/auth/session')).body.user).toMatchObject({ id: auditorId, role: 'auditor' });
  });

  it('reads the audit log: a schedule change and host actions with who, what and when — no chat, nobody present', async () => {
    const staff = await signedIn('staff@example.ca');
    expect((await staff.post(`/api/scheduling/sessions/${SESSION}/topic`, { topic: 'Burnout and boundaries' })).status).toBe(200);
    expect((await staff.post(`/api/scheduling/sessions/${SESSION}/hosts`, { hostId: people.volunteer.id, backupId: null })).status).toBe(200);
    lee = await socketOf(await signedIn('lawyer@example.ca'));
    expect(await command(lee, 'circle:join', { sessionId: SESSION, displayName: 'Lee in the circle' })).toMatchObject({ ok: true });
    const host = await socketOf(staff);
    expect(await command(host, 'circle:join', { sessionId: SESSION, displayName: 'Sasha' })).toMatchObject({ ok: true });
    expect(await command(host, 'topic:pivot', { topic: 'Managing a heavy caseload' })).toMatchObject({ ok: true });
    const heard = next(lee, 'chat:received');
    expect(await command(host, 'chat:send', { text: CHAT })).toMatchObject({ ok: true });
    expect((await heard).text).toBe(CHAT);

    const res = await auditor.get('/api/reports/audit');
    expect(res.status).toBe(200);
    const entries = res.body.entries as AuditLogEntry[];
    expect(entries.filter((e) => e.targetId === SESSION).map((e) => e.action)).toEqual(['circle.pivot', 'session.hosts', 'session.topic']);
    expect(entries.find((e) => e.action === 'session.topic')).toEqual({
      at: IN_WINDOW.replace('Z', '.000Z'),
      when: 'Mon 30 Nov 2026, 12:05 Alberta time (UTC−6)',
      actorName: 'Sasha',
      actorRole: 'staff',
      action: 'session.topic',
      targetType: 'session',
      targetId: SESSION,
      // The circle's title and start, never its topic.
      targetLabel: 'Red Mug Coffee Circle, Mon 30 Nov 2026, 12:00',
    });
    expect(entries.find((e) => e.action === 'invite.create')).toMatchObject({ actorRole: 'staff', targetType: 'role', targetId: 'auditor' });
    // Only who, what, when and which target: nothing said, nobody who was there.
    for (const e of entries) expect(Object.keys(e).sort()).toEqual(['action', 'actorName', 'actorRole', 'at', 'targetId', 'targetLabel', 'targetType', 'when']);
    const text = JSON.stringify(res.body);
    for (const never of [CHAT, 'Burnout', 'heavy caseload', 'Lee', people.lawyer.id, people.lawyer.email, people.volunteer.id]) {
      expect(text).not.toContain(never);
    }
    // The same filter staff have.
    const pivots = await auditor.get('/api/reports/audit?action=circle.pivot');
    expect((pivots.body.entries as AuditLogEntry[]).map((e) => e.action)).toEqual(['circle.pivot']);
  });

  it.each([
    ['GET', '/api/reports/attendance?from=2026-11-01&to=2026-11-30'],
    ['GET', '/api/reports/milestones'],
    ['GET', '/api/reports/outcomes'],
    ['POST', '/api/reports/outcomes/history'],
    ['GET', '/api/scheduling/sessions'],
    ['GET', '/api/scheduling/volunteers'],
    ['POST', `/api/scheduling/sessions/${SESSION}/topic`],
    ['POST', `/api/scheduling/sessions/${SESSION}/change`],
    ['POST', '/api/scheduling/series'],
    ['GET', '/api/matching/queue'],
    ['GET', '/api/matching/stats'],
    ['POST', '/api/matching/requests'],
    ['GET', '/api/matching/notices'],
    ['GET', '/api/circles/next'],
    ['POST', '/api/auth/invites'],
  ])('is refused %s %s with a plain 403', async (method, url) => {
    const res = await auditor.request(method, url, method === 'GET' ? {} : { json: { topic: 'x', role: 'auditor' } });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(REFUSAL) });
  });

  it('gets no LiveKit token for a circle that is open to everyone else', async () => {
    const lawyer = await signedIn('lawyer@example.ca');
    const lawyerJoin = await lawyer.post(`/api/circles/sessions/${SESSION}/join`, { displayName: 'Lee' });
    expect(lawyerJoin.status).toBe(200);
    expect(lawyerJoin.body.media).toMatchObject({ available: true, token: expect.any(String) });

    const tickets = await count('SELECT count(*) AS n FROM attendance_tickets');
    const res = await auditor.post(`/api/circles/sessions/${SESSION}/join`, { displayName: 'Ada' });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ code: 'FORBIDDEN', message: expect.stringMatching(REFUSAL) });
    expect(await count('SELECT count(*) AS n FROM attendance_tickets')).toBe(tickets);
  });

  it('is refused admission to the live circle with a typed ack, and nobody there sees them', async () => {
    const socket = await socketOf(auditor);
    expect(await command(socket, 'circle:join', { sessionId: SESSION, displayName: 'Ada' })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: expect.stringMatching(REFUSAL),
    });
    expect(await command(socket, 'support:request', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await command(socket, 'chat:send', { text: 'hello' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await count('SELECT count(*) AS n FROM contact_requests WHERE user_id = $1', [auditorId])).toBe(0);

    // The next person in is announced to the circle: the list has everyone admitted, and no auditor.
    const announced = next(lee, 'participants:changed', (p) => p.participants.some((x) => x.displayName === 'Val'));
    const val = await socketOf(await signedIn('volunteer@example.ca'));
    expect(await command(val, 'circle:join', { sessionId: SESSION, displayName: 'Val' })).toMatchObject({ ok: true });
    expect((await announced).participants.map((p) => p.displayName).sort()).toEqual(['Lee in the circle', 'Sasha', 'Val']);
  });

  it('never appears in the audit log as an actor for anything they tried', async () => {
    const entries = (await auditor.get('/api/reports/audit')).body.entries as AuditLogEntry[];
    expect(entries.filter((e) => e.actorName === 'Ada')).toEqual([]);
  });
});

describe('npm run admin', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const admin = (dataDir: string, ...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    return promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/src/admin.ts', ...args], { cwd: root, env });
  };

  it('adds an auditor and makes auditor invites; an auditor with a member kind is a usage error', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'redmug-admin-'));
    dirs.push(dataDir);
    const added = await admin(dataDir, 'user:add', '--email', 'audit@example.ca', '--role', 'auditor', '--name', 'Ada');
    expect(added.stdout).toContain('Created auditor audit@example.ca');
    expect((await admin(dataDir, 'invite:create', '--role', 'auditor')).stdout).toMatch(/Invite link .*\/invite\//);
    await expect(admin(dataDir, 'user:add', '--email', 'x@example.ca', '--role', 'auditor', '--kind', 'lawyer', '--name', 'X')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--kind is required for members'),
    });

    const db = await openDb({ dataDir: path.join(dataDir, 'pglite') });
    try {
      expect(await db.query('SELECT email, role, member_kind FROM users')).toEqual([{ email: 'audit@example.ca', role: 'auditor', member_kind: null }]);
      expect(await db.query('SELECT role, member_kind FROM invites')).toEqual([{ role: 'auditor', member_kind: null }]);
    } finally {
      await db.close();
    }
  }, 90_000); // four processes, each starting Node, tsx and PGlite: slow on a busy two-core machine
});
