import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMedia, type Media } from '../../server/src/livekit/media';
import { openDb } from '../../server/src/store/db';
import { ApiClient } from '../support/httpClient';
import { openCircleNow } from '../support/openCircles';
import { command, connectSocket, expectOk, type ClientSocket } from '../support/sockets';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD } from '../support/users';

/**
 * LiveKit side of removal and webhooks: a removal takes the person out of the LiveKit room at once; if they come
 * back with their old (still unexpired) token, LiveKit's signed participant_joined webhook makes us show them out
 * again; unsigned or wrongly signed webhooks change nothing.
 */
const conn = { url: 'ws://127.0.0.1:9', apiKey: 'webhook-key', apiSecret: 'webhook-secret-long-enough-for-livekit-0123' };
const removals: Array<{ room: string; identity: string }> = [];
const deletedRooms: string[] = [];
let app: TestApp;
let recordingMedia: Media;
let sessionId: string;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  const real = createMedia(conn);
  // LiveKit's room service recorded rather than called; everything else as in production.
  const media: Media = {
    ...real,
    status: async () => ({ available: true, message: null }),
    roomService: () =>
      ({
        removeParticipant: async (room: string, identity: string) => void removals.push({ room, identity }),
        deleteRoom: async (room: string) => void deletedRooms.push(room),
      }) as never,
  };
  recordingMedia = media;
  app = await startTestApp({ media, now: new Date().toISOString() });
  await createPeople(app);
  sessionId = await openCircleNow(app.db, 'revocation', 'Revocation');
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await app.close();
});

async function join(email: string, circle = sessionId, at = app) {
  const http = new ApiClient(at.url);
  await http.signIn(email, PASSWORD);
  const socket = await connectSocket(at.url, http.cookie('rm_sid'));
  sockets.push(socket);
  const snapshot = expectOk(await command(socket, 'circle:join', { sessionId: circle, displayName: 'Someone' }));
  return { http, socket, identity: snapshot.you.identity };
}

function webhook(body: string, secret = conn.apiSecret) {
  const at = new AccessToken(conn.apiKey, secret);
  at.sha256 = createHash('sha256').update(body).digest('base64');
  return at.toJwt();
}
const post = (body: string, authorization?: string, base = app.url) =>
  fetch(`${base}/api/livekit/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/webhook+json', ...(authorization ? { authorization } : {}) },
    body,
  });

describe('revocation on removal', () => {
  it('a removed person is taken out of LiveKit, and shown out again when they return with their old token', async () => {
    const host = await join('staff@example.ca');
    const member = await join('lawyer@example.ca');
    const token = await member.http.post(`/api/circles/sessions/${sessionId}/join`, { displayName: 'Lee' });
    expect(token.body.media.available).toBe(true);
    const room = JSON.parse(Buffer.from(token.body.media.token.split('.')[1], 'base64url').toString()).video.room as string;

    expectOk(await command(host.socket, 'moderation:remove', { identity: member.identity }));
    expect(removals).toEqual([{ room, identity: member.identity }]);

    // The old token still opens the room until it expires; LiveKit tells us, and we show them out.
    const body = JSON.stringify({ event: 'participant_joined', room: { name: room }, participant: { identity: member.identity }, id: 'EV_1', createdAt: Math.floor(Date.now() / 1000) });
    const res = await post(body, await webhook(body));
    expect(res.status).toBe(204);
    expect(removals).toHaveLength(2);
    expect(removals[1]).toEqual({ room, identity: member.identity });

    // Someone never removed is left alone.
    const other = JSON.stringify({ event: 'participant_joined', room: { name: room }, participant: { identity: host.identity }, id: 'EV_2', createdAt: Math.floor(Date.now() / 1000) });
    expect((await post(other, await webhook(other))).status).toBe(204);
    expect(removals).toHaveLength(2);
  });
});

describe('webhook verification', () => {
  const body = JSON.stringify({ event: 'participant_joined', room: { name: 'r' }, participant: { identity: 'p_AAAAAAAAAAAAAAAAAAAAAA' }, id: 'EV_3', createdAt: Math.floor(Date.now() / 1000) });
  it.each([
    ['unsigned', async () => undefined],
    ['signed with another secret', () => webhook(body, 'some-other-secret-long-enough-for-livekit-99')],
    ['signed for another body', () => webhook(`${body} `)],
    ['garbage', async () => 'Bearer nonsense'],
  ])('%s: 401, nothing happens', async (_label, auth) => {
    const before = removals.length;
    const res = await post(body, await auth());
    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe('UNAUTHENTICATED');
    expect(removals).toHaveLength(before);
  });
});

describe('an ended circle stays ended', () => {
  it('its LiveKit room is deleted, deleted again when an old token reaches it, and no token or socket is let in after a restart', async () => {
    const db = await openDb({ memory: true });
    const first = await startTestApp({ db, media: recordingMedia, now: new Date().toISOString() });
    const circle = await openCircleNow(db, 'ended-stays', 'Ended');
    await createPeople(first);
    const host = await join('staff@example.ca', circle, first);
    const member = await join('lawyer@example.ca', circle, first);
    const token = await member.http.post(`/api/circles/sessions/${circle}/join`, { displayName: 'Lee' });
    const room = JSON.parse(Buffer.from(token.body.media.token.split('.')[1], 'base64url').toString()).video.room as string;

    expectOk(await command(host.socket, 'circle:end', {}));
    expect(deletedRooms).toEqual([room]);

    // The member's old token still opens a (new) room on LiveKit: told by its webhook, we delete the room again.
    const body = JSON.stringify({ event: 'participant_joined', room: { name: room }, participant: { identity: member.identity }, id: 'EV_END_1', createdAt: Math.floor(Date.now() / 1000) });
    expect((await post(body, await webhook(body), first.url)).status).toBe(204);
    expect(deletedRooms).toEqual([room, room]);
    await first.close();

    // A restart forgets the live state (here in memory); the store does not: still ended for the route and the socket.
    const second = await startTestApp({ db, media: recordingMedia, now: new Date().toISOString() });
    const again = new ApiClient(second.url);
    await again.signIn('lawyer@example.ca', PASSWORD);
    const refused = await again.post(`/api/circles/sessions/${circle}/join`, { displayName: 'Lee' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CIRCLE_ENDED');
    const socket = await connectSocket(second.url, again.cookie('rm_sid'));
    sockets.push(socket);
    expect(await command(socket, 'circle:join', { sessionId: circle, displayName: 'Lee' })).toMatchObject({ ok: false, code: 'CIRCLE_ENDED' });
    await second.close();
    await db.close();
  });
});

describe('a webhook that fails is processed again when LiveKit retries it', () => {
  it('answers with an error and forgets the event id, so the same event delivered again counts', async () => {
    const db = await openDb({ memory: true });
    const failing = await startTestApp({ db, media: recordingMedia, now: new Date().toISOString() });
    const body = JSON.stringify({ event: 'participant_left', room: { name: 'r_x' }, participant: { identity: 'p_AAAAAAAAAAAAAAAAAAAAAA', sid: 'PA_1' }, id: 'EV_RETRY', createdAt: Math.floor(Date.now() / 1000) });
    // The store fails under the first delivery (its attendance tickets are out of reach for a moment)…
    await db.query('ALTER TABLE attendance_tickets RENAME TO attendance_tickets_away');
    expect((await post(body, await webhook(body), failing.url)).status).toBe(500);
    expect(await db.query('SELECT id FROM webhook_events WHERE id = $1', ['EV_RETRY'])).toEqual([]);
    // …and the retry, once it is back, is processed rather than dropped as a duplicate.
    await db.query('ALTER TABLE attendance_tickets_away RENAME TO attendance_tickets');
    expect((await post(body, await webhook(body), failing.url)).status).toBe(204);
    expect(await db.query('SELECT id FROM webhook_events WHERE id = $1', ['EV_RETRY'])).toEqual([{ id: 'EV_RETRY' }]);
    // A third delivery is the duplicate.
    expect((await post(body, await webhook(body), failing.url)).status).toBe(204);
    await failing.close();
    await db.close();
  });
});
