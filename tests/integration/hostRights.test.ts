import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionHostIds } from '../../server/src/live/hostPolicy';
import { findLivekitBinary, startLocalLivekit, type LocalLivekit } from '../../server/src/livekit/localLivekit';
import { createMedia } from '../../server/src/livekit/media';
import { ApiClient } from '../support/httpClient';
import { openCircleNow } from '../support/openCircles';
import { command, connectSocket, expectOk, type ClientSocket } from '../support/sockets';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD, type People } from '../support/users';

/** Host rights come from the roster and the role: a host of one circle is an ordinary participant in another. */
let livekit: LocalLivekit;
let app: TestApp;
let people: People;
let circleA: string;
let circleB: string;
const roster = new Map<string, { hostId: string | null; backupId: string | null }>();
const hostIds: SessionHostIds = async (id) => roster.get(id) ?? { hostId: null, backupId: null };
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  livekit = await startLocalLivekit({ bin: findLivekitBinary(process.env.LIVEKIT_BIN)! });
  app = await startTestApp({ media: createMedia(livekit.connection), now: new Date().toISOString(), hostIds });
  people = await createPeople(app);
  circleA = await openCircleNow(app.db, 'roster-a', 'A');
  circleB = await openCircleNow(app.db, 'roster-b', 'B');
  roster.set(circleA, { hostId: people.volunteer.id, backupId: null });
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await app.close();
  await livekit.stop();
});

async function join(email: string, sessionId: string) {
  const http = new ApiClient(app.url);
  await http.signIn(email, PASSWORD);
  const socket = await connectSocket(app.url, http.cookie('rm_sid'));
  sockets.push(socket);
  return { socket, snapshot: expectOk(await command(socket, 'circle:join', { sessionId, displayName: 'Someone' })) };
}

describe('host rights', () => {
  it.each([
    ['the assigned volunteer host, in their circle', 'volunteer@example.ca', () => circleA, true],
    ['the assigned volunteer host, in another circle', 'volunteer@example.ca', () => circleB, false],
    ['staff, in any circle', 'staff@example.ca', () => circleB, true],
    ['a lawyer', 'lawyer@example.ca', () => circleA, false],
    ['an articling student', 'student@example.ca', () => circleA, false],
  ])('%s: host = %s', async (_label, email, circle, expected) => {
    const { socket, snapshot } = await join(email, circle());
    expect(snapshot.you.isHost).toBe(expected);
    const ack = await command(socket, 'topic:pivot', { topic: `pivot by ${email}` });
    expect(ack.ok).toBe(expected);
    if (!ack.ok) expect(ack.code).toBe('FORBIDDEN');
  });

  it('a backup host has host rights too, and a roster change applies on the next join', async () => {
    roster.set(circleB, { hostId: null, backupId: people.volunteer.id });
    const { snapshot } = await join('volunteer@example.ca', circleB);
    expect(snapshot.you.isHost).toBe(true);
  });
});
