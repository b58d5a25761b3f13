import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMedia, type Media } from '../../server/src/livekit/media';
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
let app: TestApp;
let sessionId: string;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  const real = createMedia(conn);
  // LiveKit's room service recorded rather than called; everything else as in production.
  const media: Media = {
    ...real,
    status: async () => ({ available: true, message: null }),
    roomService: () => ({ removeParticipant: async (room: string, identity: string) => void removals.push({ room, identity }) }) as never,
  };
  app = await startTestApp({ media, now: new Date().toISOString() });
  await createPeople(app);
  sessionId = await openCircleNow(app.db, 'revocation', 'Revocation');
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await app.close();
});

async function join(email: string) {
  const http = new ApiClient(app.url);
  await http.signIn(email, PASSWORD);
  const socket = await connectSocket(app.url, http.cookie('rm_sid'));
  sockets.push(socket);
  const snapshot = expectOk(await command(socket, 'circle:join', { sessionId, displayName: 'Someone' }));
  return { http, socket, identity: snapshot.you.identity };
}

function webhook(body: string, secret = conn.apiSecret) {
  const at = new AccessToken(conn.apiKey, secret);
  at.sha256 = createHash('sha256').update(body).digest('base64');
  return at.toJwt();
}
const post = (body: string, authorization?: string) =>
  fetch(`${app.url}/api/livekit/webhook`, {
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
