import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboxCount, InboxResponse } from '../../shared/schemas/inbox';
import { ApiClient, signedInAs } from '../support/httpClient';
import { command, connectSocket, expectOk, type ClientSocket } from '../support/sockets';
import { IN_WINDOW, startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD, type People } from '../support/users';

/** Issue #16: one inbox for staff with both kinds of request, oldest first, and the count behind the header's badge. */
const SESSION = 'rmcc_2026-11-30';
const SECRET_TEXT = 'my managing partner keeps shouting at me';
let app: TestApp;
let people: People;
let staff: ApiClient;
const sockets: ClientSocket[] = [];

const at = (minutes: number) => app.clock.set(new Date(Date.parse(IN_WINDOW) + minutes * 60_000));
const inbox = async () => {
  const res = await staff.get('/api/inbox');
  expect(res.status).toBe(200);
  return InboxResponse.parse(res.body).items;
};
const waiting = async () => InboxCount.parse((await staff.get('/api/inbox/count')).body).waiting;
const peerRequest = (c: ApiClient) => c.post('/api/matching/requests', { category: 'workplace', details: SECRET_TEXT, contact: { method: 'phone', phone: '780 555 0100' } });

beforeAll(async () => {
  app = await startTestApp({ now: IN_WINDOW });
  people = await createPeople(app);
  staff = await signedInAs(app.url, 'staff@example.ca');
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await app.close();
});

describe('the staff inbox', () => {
  it('lists one-on-one and peer-support requests together, oldest first, labelled by kind, and counts what waits', async () => {
    expect(await inbox()).toEqual([]);
    expect(await waiting()).toBe(0);

    const lee = await signedInAs(app.url, 'lawyer@example.ca');
    const sam = await signedInAs(app.url, 'student@example.ca');
    expect((await peerRequest(lee)).status).toBe(201);
    at(5);
    const samSocket = await connectSocket(app.url, sam.cookie('rm_sid'));
    sockets.push(samSocket);
    expectOk(await command(samSocket, 'circle:join', { sessionId: SESSION, displayName: 'Sam' }));
    expectOk(await command(samSocket, 'support:request', {}));
    at(10);
    const second = await peerRequest(sam);
    expect(second.status).toBe(201);

    const items = await inbox();
    expect(items.map((i) => i.kind)).toEqual(['peer', 'contact', 'peer']);
    expect(items[1]).toMatchObject({ kind: 'contact', request: { firstName: 'Sam', email: 'student@example.ca', fromCircle: true } });
    expect(items[0]).toMatchObject({ kind: 'peer', request: { category: 'workplace', callerKind: 'lawyer', pendingProposal: false } });
    // What the caller wrote is read on the request's own page (audited), never in the inbox.
    expect(JSON.stringify(items)).not.toMatch(/shouting|780 555/);
    expect(await waiting()).toBe(3);

    // Handled on the one-on-one page: gone from the inbox.
    const staffSocket = await connectSocket(app.url, staff.cookie('rm_sid'));
    sockets.push(staffSocket);
    expectOk(await command(staffSocket, 'support:handle', { id: items[1]!.request.id }));
    expect((await inbox()).map((i) => i.kind)).toEqual(['peer', 'peer']);

    // Matched: being served, so no longer waiting.
    const volunteer = await signedInAs(app.url, 'volunteer@example.ca');
    expect((await volunteer.post('/api/matching/profile', { capacity: 2, available: true })).status).toBe(200);
    const match = await staff.post(`/api/matching/requests/${items[0]!.request.id}/proposals`, { volunteerId: people.volunteer.id });
    expect(match.status).toBe(201);
    // A proposal waiting for the volunteer still waits.
    expect((await inbox())[0]).toMatchObject({ request: { pendingProposal: true } });
    expect((await volunteer.post(`/api/matching/matches/${match.body.id}/accept`)).status).toBe(200);
    expect((await inbox()).map((i) => i.request.id)).toEqual([second.body.id]);
    expect(await waiting()).toBe(1);
  });

  it('is for staff only', async () => {
    const anonymous = new ApiClient(app.url);
    expect((await anonymous.get('/api/inbox')).status).toBe(401);
    expect((await anonymous.get('/api/inbox/count')).status).toBe(401);
    await app.services.auth.createUser({ email: 'ada@audit.example.ca', firstName: 'Ada', role: 'auditor', memberKind: null, password: PASSWORD });
    for (const email of ['lawyer@example.ca', 'volunteer@example.ca', 'ada@audit.example.ca']) {
      const c = await signedInAs(app.url, email);
      for (const path of ['/api/inbox', '/api/inbox/count']) {
        const res = await c.get(path);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
    }
  });
});
