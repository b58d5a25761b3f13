import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LocalLivekit } from '../../server/src/livekit/localLivekit';
import { createMedia } from '../../server/src/livekit/media';
import { ApiClient } from '../support/httpClient';
import { startTestLivekit } from '../support/livekit';
import { openCircleNow } from '../support/openCircles';
import { command, connectSocket, expectOk, next, type ClientSocket } from '../support/sockets';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD } from '../support/users';

/**
 * Fault 3: LiveKit stops mid-circle. The circle goes on as text (topic, hands, chat) with a clear notice of the
 * missing audio and video, and media comes back when LiveKit does.
 */
let livekit: LocalLivekit;
let app: TestApp;
let sessionId: string;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  livekit = await startTestLivekit();
  app = await startTestApp({ media: createMedia(livekit.connection, { cacheMs: 200 }), now: 'real' });
  await createPeople(app);
  sessionId = await openCircleNow(app.db, 'fault-livekit', 'Media fault');
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await app?.close();
  await livekit?.stop();
});

async function person(email: string, name: string) {
  const http = new ApiClient(app.url);
  await http.signIn(email, PASSWORD);
  const socket = await connectSocket(app.url, http.cookie('rm_sid'));
  sockets.push(socket);
  const snapshot = expectOk(await command(socket, 'circle:join', { sessionId, displayName: name }));
  return { http, socket, identity: snapshot.you.identity };
}
const mediaStatus = async (http: ApiClient) => (await http.get('/api/media/status')).body as { available: boolean; message: string | null };
const mediaJoin = (http: ApiClient, name: string) => http.post(`/api/circles/sessions/${sessionId}/join`, { displayName: name });

it('LiveKit stopped: text-only circle with a notice; media back when LiveKit returns', async () => {
  const host = await person('staff@example.ca', 'Sasha');
  const member = await person('lawyer@example.ca', 'Lee');
  expect((await mediaJoin(member.http, 'Lee')).body.media.available).toBe(true);

  await livekit.halt();
  const stoppedAt = Date.now();
  await expect.poll(async () => (await mediaStatus(member.http)).available, { timeout: 5_000, interval: 100 }).toBe(false);
  expect((await mediaStatus(member.http)).message).toMatch(/audio and video/i);
  // Joining still admits to the circle, without a token and with the notice the circle page shows.
  const textOnly = await mediaJoin(member.http, 'Lee');
  expect(textOnly.status).toBe(200);
  expect(textOnly.body.media).toEqual({ available: false, message: expect.stringMatching(/audio and video/i) });

  // The circle itself goes on.
  const topic = next(member.socket, 'topic:changed');
  expectOk(await command(host.socket, 'topic:pivot', { topic: 'Carrying on in text' }));
  expect((await topic).current).toBe('Carrying on in text');
  const hands = next(host.socket, 'hands:changed', (p) => p.hands.length === 1);
  expectOk(await command(member.socket, 'hand:raise', {}));
  await hands;
  const chat = next(host.socket, 'chat:received');
  expectOk(await command(member.socket, 'chat:send', { text: 'still here' }));
  expect((await chat).text).toBe('still here');
  // Media moderation says plainly why it cannot act; the rest of moderation still works.
  const mute = await command(host.socket, 'moderation:mute', { identity: member.identity });
  expect(mute).toMatchObject({ ok: false, code: 'MEDIA_UNAVAILABLE' });
  expectOk(await command(host.socket, 'circle:lock', { locked: true }));
  expectOk(await command(host.socket, 'circle:lock', { locked: false }));
  console.log(`fault 3: notice within ${Date.now() - stoppedAt} ms of LiveKit stopping (text features checked meanwhile)`);

  await livekit.restart();
  await expect.poll(async () => (await mediaStatus(member.http)).available, { timeout: 15_000, interval: 200 }).toBe(true);
  const again = await mediaJoin(member.http, 'Lee');
  expect(again.status).toBe(200);
  expect(again.body.media).toMatchObject({ available: true, token: expect.any(String) });
});
