import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMedia } from '../../server/src/livekit/media';
import { ApiClient } from '../support/httpClient';
import { openCircleNow } from '../support/openCircles';
import { command, connectSocket, expectOk, next, type ClientSocket } from '../support/sockets';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD } from '../support/users';

/** With LiveKit unreachable the circle goes on as text: topic, hands, chat and removal still work. */
let app: TestApp;
let sessionId: string;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  app = await startTestApp({
    media: createMedia({ url: 'ws://127.0.0.1:9', apiKey: 'k', apiSecret: 'an-api-secret-long-enough-for-livekit' }),
    now: new Date().toISOString(),
  });
  await createPeople(app);
  sessionId = await openCircleNow(app.db, 'text-only', 'Text only');
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await app.close();
});

async function join(email: string, name: string) {
  const http = new ApiClient(app.url);
  await http.signIn(email, PASSWORD);
  const socket = await connectSocket(app.url, http.cookie('rm_sid'));
  sockets.push(socket);
  const snapshot = expectOk(await command(socket, 'circle:join', { sessionId, displayName: name }));
  return { socket, identity: snapshot.you.identity, http };
}

describe('the live circle without LiveKit', () => {
  it('tells the host plainly that media actions cannot be done, and everything else works', async () => {
    const host = await join('staff@example.ca', 'Sasha');
    const member = await join('lawyer@example.ca', 'Lee');
    expect(await command(host.socket, 'moderation:mute', { identity: member.identity })).toEqual({
      ok: false,
      code: 'MEDIA_UNAVAILABLE',
      message: 'Audio and video are unavailable right now, so this cannot be done.',
    });
    expectOk(await command(host.socket, 'topic:pivot', { topic: 'Still talking' }));
    expectOk(await command(member.socket, 'hand:raise', {}));
    const chat = next(host.socket, 'chat:received', (m) => m.text === 'typing instead');
    expectOk(await command(member.socket, 'chat:send', { text: 'typing instead' }));
    await chat;
    const told = next(member.socket, 'moderation:applied', (n) => n.action === 'removed');
    expectOk(await command(host.socket, 'moderation:remove', { identity: member.identity }));
    await told;
    const again = await member.http.post(`/api/circles/sessions/${sessionId}/join`, { displayName: 'Lee' });
    expect(again.body.code).toBe('REMOVED');
  });
});
