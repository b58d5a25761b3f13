import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { TrackSource } from 'livekit-server-sdk';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { participantIdentity, roomNameFor } from '../../server/src/livekit/identities';
import { findLivekitBinary, startLocalLivekit, type LocalLivekit } from '../../server/src/livekit/localLivekit';
import { createMedia } from '../../server/src/livekit/media';
import { connectRedis, type RedisClient } from '../../server/src/redis';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { enterCircleThroughUi, signInThroughUi } from '../support/circlePages';
import { openCircleNow } from '../support/openCircles';
import { startTestApp, TEST_SECRET, type TestApp } from '../support/testApp';
import { createPeople, type People } from '../support/users';

const root = path.resolve(import.meta.dirname, '../..');
const artifacts = path.join(root, 'test-results', 'e2e');

let livekit: LocalLivekit;
let app: TestApp;
let SESSION: string;
let redis: RedisClient;
let people: People;
const browsers: TestBrowser[] = [];

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  redis = await connectRedis(inject('redisUrl'));
  await redis.flushAll();
  // The app first, so LiveKit's webhooks can point at it; then LiveKit; then the app learns where LiveKit is.
  app = await startTestApp({ now: 'real', clientDir: path.join(root, 'client/dist'), redis, media: createMedia(null) });
  const bin = findLivekitBinary(process.env.LIVEKIT_BIN);
  if (!bin) throw new Error('livekit-server is needed: run infra/provision.sh (npm test does)');
  livekit = await startLocalLivekit({ bin, webhookUrl: `${app.url}/api/livekit/webhook` });
  app.media.setConnection(livekit.connection);
  people = await createPeople(app);
  SESSION = await openCircleNow(app.db, 'e2e', 'Setting boundaries');
});

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await app?.close();
  await livekit?.stop();
  redis?.destroy();
});

async function open(): Promise<Page> {
  const b = await launchBrowser();
  browsers.push(b);
  return b.page;
}

describe('a host runs the live circle', () => {
  it('pivots, sees hands, reads chat, mutes and removes — and nothing said is kept', async () => {
    const [host, member] = await Promise.all([open(), open()]);
    await Promise.all([
      signInThroughUi(host, app.url, 'staff@example.ca', 'Setting boundaries'),
      signInThroughUi(member, app.url, 'lawyer@example.ca', 'Setting boundaries'),
    ]);
    await Promise.all([enterCircleThroughUi(host, SESSION, 'Sasha'), enterCircleThroughUi(member, SESSION, 'Lee')]);
    await expect.poll(() => member.getByTestId('participant-tile').count(), { timeout: 30_000 }).toBe(2);

    // The host pivots the topic; the member sees it at once, with the earlier topic in the trail.
    await host.getByLabel('New topic').fill('Returning from leave');
    await host.getByRole('button', { name: 'Change topic' }).click();
    const topic = member.getByRole('region', { name: 'Topic' });
    await topic.getByText('Returning from leave').first().waitFor();
    expect(await topic.textContent()).toContain('Setting boundaries');

    // The member raises a hand; the host sees the queue.
    await member.getByRole('button', { name: 'Raise hand' }).click();
    await host.getByRole('list', { name: 'Raised hands' }).getByText('Lee').waitFor();

    // Chat reaches the host and is never stored.
    const marker = `said-in-confidence-${randomBytes(6).toString('hex')}`;
    await member.getByLabel('Message').fill(marker);
    await member.getByRole('button', { name: 'Send' }).click();
    await host.getByRole('list', { name: 'Messages' }).getByText(marker).waitFor();

    // The host mutes the member: LiveKit reports the microphone muted, and the member is told in plain words.
    const rooms = app.media.roomService()!;
    const room = roomNameFor(TEST_SECRET, SESSION);
    const identity = participantIdentity(TEST_SECRET, people.lawyer.id, SESSION);
    const micMuted = async () =>
      (await rooms.getParticipant(room, identity)).tracks.find((t) => t.source === TrackSource.MICROPHONE)?.muted;
    await expect.poll(micMuted, { timeout: 20_000 }).toBe(false);
    await host.getByRole('button', { name: 'Mute Lee' }).click();
    await host.getByRole('status').filter({ hasText: 'Lee is muted.' }).waitFor();
    await member.getByRole('alert').filter({ hasText: 'muted your microphone' }).waitFor();
    await expect.poll(micMuted, { timeout: 20_000 }).toBe(true);
    await host.screenshot({ path: path.join(artifacts, 'live-circle-host.png') });

    // The host removes the member: they leave the room, are told, and cannot come back.
    await host.getByRole('button', { name: 'Remove Lee' }).click();
    await host.getByRole('button', { name: 'Confirm removing Lee' }).click();
    await member.getByRole('alert').filter({ hasText: 'removed you' }).waitFor();
    await expect.poll(() => host.getByTestId('participant-tile').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(async () => (await rooms.listParticipants(room)).map((p) => p.identity), { timeout: 20_000 }).not.toContain(identity);
    await member.screenshot({ path: path.join(artifacts, 'live-circle-removed.png') });

    await member.goto(`${app.url}/circles/${SESSION}/join`);
    await member.getByRole('button', { name: 'Enter the circle' }).click();
    await member.getByRole('alert').filter({ hasText: 'removed you from this circle' }).waitFor();

    // Nothing of the chat survives anywhere on the server.
    const tables = await app.db.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    for (const { tablename } of tables) expect(JSON.stringify(await app.db.query(`SELECT * FROM "${tablename}"`))).not.toContain(marker);
    for (const key of await redis.keys('*')) {
      const type = await redis.type(key);
      const value =
        type === 'stream'
          ? JSON.stringify(await redis.xRange(key, '-', '+'))
          : type === 'string'
            ? await redis.get(key)
            : type === 'hash'
              ? JSON.stringify(await redis.hGetAll(key))
              : type === 'set'
                ? JSON.stringify(await redis.sMembers(key))
                : type === 'zset'
                  ? JSON.stringify(await redis.zRange(key, 0, -1))
                  : JSON.stringify(await redis.lRange(key, 0, -1));
      expect(value ?? '').not.toContain(marker);
    }
    expect(app.logLines.join('\n')).not.toContain(marker);
  });
});
