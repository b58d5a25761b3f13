import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditLogEntry } from '../../shared/schemas/reports';
import { ApiClient, signedInAs } from '../support/httpClient';
import { command, connectSocket, type ClientSocket } from '../support/sockets';
import { IN_WINDOW, startTestApp, type TestApp } from '../support/testApp';
import { createPeople, type People } from '../support/users';

const SESSION = 'rmcc_2026-11-30';
let app: TestApp;
let people: People;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  app = await startTestApp({ now: IN_WINDOW });
  people = await createPeople(app);
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app.close();
});

const signedIn = (email: string) => signedInAs(app.url, email);
async function inCircle(c: ApiClient, displayName: string) {
  const socket = await connectSocket(app.url, c.cookie('rm_sid'));
  sockets.push(socket);
  expect(await command(socket, 'circle:join', { sessionId: SESSION, displayName })).toMatchObject({ ok: true });
  return socket;
}

describe('the audit log', () => {
  it('shows staff and host actions — who, what, when, which session — and never who was present', async () => {
    const staff = await signedIn('staff@example.ca');
    expect((await staff.post(`/api/scheduling/sessions/${SESSION}/topic`, { topic: 'Burnout and boundaries' })).status).toBe(200);
    expect((await staff.post('/api/auth/invites', { role: 'volunteer' })).status).toBe(201);
    const lee = await signedIn('lawyer@example.ca');
    await inCircle(lee, 'Lee in the circle');
    const host = await inCircle(staff, 'Sasha');
    expect(await command(host, 'topic:pivot', { topic: 'Managing a heavy caseload' })).toMatchObject({ ok: true });
    expect(await command(host, 'circle:lock', { locked: true })).toMatchObject({ ok: true });

    const res = await staff.get('/api/reports/audit');
    expect(res.status).toBe(200);
    const entries = res.body.entries as AuditLogEntry[];
    const mine = entries.filter((e) => e.targetId === SESSION).map((e) => e.action);
    expect(mine).toEqual(['circle.lock', 'circle.pivot', 'session.topic']);
    expect(entries.find((e) => e.action === 'circle.pivot')).toMatchObject({ actorName: 'Sasha', actorRole: 'staff', targetType: 'session' });
    expect(entries.find((e) => e.action === 'invite.create')).toMatchObject({ targetType: 'role', targetId: 'volunteer' });
    const text = JSON.stringify(res.body);
    for (const never of [people.lawyer.id, people.lawyer.email, 'Lee', 'Burnout', 'heavy caseload']) expect(text).not.toContain(never);

    expect((await staff.get('/api/reports/audit?limit=0')).status).toBe(400);
    expect((await lee.get('/api/reports/audit')).status).toBe(403);
  });

  it('records chat removal (never the message), staff reading and handling one-on-one requests, and topic library edits', async () => {
    const staff = await signedIn('staff@example.ca');
    const host = await inCircle(staff, 'Sasha');
    expect(await command(host, 'circle:lock', { locked: false })).toMatchObject({ ok: true });
    const sam = await signedIn('student@example.ca');
    const samSocket = await inCircle(sam, 'Sam');
    const said = 'A very private sentence about my practice';
    const sent = (await command(samSocket, 'chat:send', { text: said })) as { ok: true; data: { id: string } };
    expect((await command(host, 'chat:remove', { messageId: sent.data.id })).ok).toBe(true);
    expect((await command(samSocket, 'support:request', {})).ok).toBe(true);
    // Reading the open requests in the staff inbox is on record too, as on the socket.
    expect((await staff.get('/api/inbox')).status).toBe(200);
    const list = (await command(host, 'support:list', {})) as { ok: true; data: Array<{ id: string }> };
    expect((await command(host, 'support:handle', { id: list.data[0]!.id })).ok).toBe(true);
    expect((await staff.post('/api/scheduling/topics', { topic: 'Imposter feelings' })).status).toBeLessThan(300);
    const library = await staff.get('/api/scheduling/topics');
    const entry = (library.body.topics as Array<{ id: string; topic: string }>).find((t) => t.topic === 'Imposter feelings')!;
    expect((await staff.post(`/api/scheduling/topics/${entry.id}/delete`)).status).toBe(200);

    const rows = await app.db.query<{ action: string; actor_id: string | null; target_type: string; target_id: string }>(
      "SELECT action, actor_id, target_type, target_id FROM audit_log WHERE action IN ('circle.chat_remove', 'support.list', 'support.handle', 'topics.library_add', 'topics.library_remove') ORDER BY at, action",
    );
    // The app's clock is pinned here, so all share one instant: compared in the order of their names.
    expect(rows.map((r) => [r.action, r.actor_id, r.target_type])).toEqual([
      ['circle.chat_remove', people.staff.id, 'session'],
      ['support.handle', people.staff.id, 'contact_request'],
      ['support.list', people.staff.id, 'contact_requests'],
      ['support.list', people.staff.id, 'contact_requests'],
      ['topics.library_add', people.staff.id, 'topic_library'],
      ['topics.library_remove', people.staff.id, 'topic_library'],
    ]);
    expect(rows.filter((r) => r.action.startsWith('topics.')).map((r) => r.target_id)).toEqual([entry.id, entry.id]);
    const all = JSON.stringify(await app.db.query('SELECT * FROM audit_log'));
    for (const never of [said, sent.data.id, 'Imposter', people.student.id]) expect(all).not.toContain(never);
  });
});
