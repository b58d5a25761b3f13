import { randomBytes } from 'node:crypto';
import { TrackSource } from 'livekit-server-sdk';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { participantIdentity, roomNameFor } from '../../server/src/livekit/identities';
import { enterCircleThroughUi, signInThroughUi } from '../support/circlePages';
import { e2eSetup } from '../support/e2e';
import { openCircleNow } from '../support/openCircles';
import { TEST_SECRET } from '../support/testApp';

// Live state on Redis, and LiveKit's webhooks reaching the app.
const e2e = e2eSetup({ livekit: 'webhooks', redisUrl: inject('redisUrl') });
let SESSION: string;

beforeAll(async () => {
  SESSION = await openCircleNow(e2e.app.db, 'e2e', 'Setting boundaries');
});

describe('a host runs the live circle', () => {
  it('pivots, sees hands, reads chat, mutes and removes — and nothing said is kept', async () => {
    const [host, member] = await Promise.all([e2e.open(), e2e.open()]);
    await Promise.all([
      signInThroughUi(host, e2e.app.url, 'staff@example.ca', 'Setting boundaries'),
      signInThroughUi(member, e2e.app.url, 'lawyer@example.ca', 'Setting boundaries'),
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
    const rooms = e2e.app.media.roomService()!;
    const room = roomNameFor(TEST_SECRET, SESSION);
    const identity = participantIdentity(TEST_SECRET, e2e.people.lawyer.id, SESSION);
    const micMuted = async () =>
      (await rooms.getParticipant(room, identity)).tracks.find((t) => t.source === TrackSource.MICROPHONE)?.muted;
    await expect.poll(micMuted, { timeout: 20_000 }).toBe(false);
    await host.getByRole('button', { name: 'Mute Lee' }).click();
    await host.getByRole('status').filter({ hasText: 'Lee is muted.' }).waitFor();
    await member.getByRole('alert').filter({ hasText: 'muted your microphone' }).waitFor();
    await expect.poll(micMuted, { timeout: 20_000 }).toBe(true);
    await e2e.screenshot(host, 'live-circle-host.png');

    // Stopped from unmuting, then allowed again: LiveKit takes the microphone away and gives it back, and neither
    // change of permission opens the data channel the token withholds.
    const permission = async () => {
      const p = (await rooms.getParticipant(room, identity)).permission;
      return { sources: p?.canPublishSources, data: p?.canPublishData, hidden: p?.hidden, metadata: p?.canUpdateMetadata };
    };
    expect(await permission()).toEqual({ sources: [TrackSource.CAMERA, TrackSource.MICROPHONE], data: false, hidden: false, metadata: false });
    await host.getByRole('button', { name: 'Stop unmuting for Lee' }).click();
    await member.getByText('The host has turned off unmuting').waitFor();
    await expect.poll(permission, { timeout: 20_000 }).toEqual({ sources: [TrackSource.CAMERA], data: false, hidden: false, metadata: false });
    await host.getByRole('button', { name: 'Allow unmuting for Lee' }).click();
    await expect.poll(permission, { timeout: 20_000 }).toEqual({ sources: [TrackSource.CAMERA, TrackSource.MICROPHONE], data: false, hidden: false, metadata: false });

    // The host removes the member: they leave the room, are told, and cannot come back.
    await host.getByRole('button', { name: 'Remove Lee' }).click();
    await host.getByRole('button', { name: 'Confirm removing Lee' }).click();
    await member.getByRole('alert').filter({ hasText: 'removed you' }).waitFor();
    await expect.poll(() => host.getByTestId('participant-tile').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(async () => (await rooms.listParticipants(room)).map((p) => p.identity), { timeout: 20_000 }).not.toContain(identity);
    await e2e.screenshot(member, 'live-circle-removed.png');

    // The pre-join page says so before they try, and offers no way in.
    await member.goto(`${e2e.app.url}/circles/${SESSION}/join`);
    await member.getByTestId('doors-closed').filter({ hasText: 'removed you from this circle' }).waitFor();
    expect(await member.getByRole('button', { name: 'Enter the circle' }).isDisabled()).toBe(true);

    // Nothing of the chat survives anywhere on the server.
    const tables = await e2e.app.db.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    for (const { tablename } of tables) expect(JSON.stringify(await e2e.app.db.query(`SELECT * FROM "${tablename}"`))).not.toContain(marker);
    for (const key of await e2e.redis.keys('*')) {
      const type = await e2e.redis.type(key);
      const value =
        type === 'stream'
          ? JSON.stringify(await e2e.redis.xRange(key, '-', '+'))
          : type === 'string'
            ? await e2e.redis.get(key)
            : type === 'hash'
              ? JSON.stringify(await e2e.redis.hGetAll(key))
              : type === 'set'
                ? JSON.stringify(await e2e.redis.sMembers(key))
                : type === 'zset'
                  ? JSON.stringify(await e2e.redis.zRange(key, 0, -1))
                  : JSON.stringify(await e2e.redis.lRange(key, 0, -1));
      expect(value ?? '').not.toContain(marker);
    }
    expect(e2e.app.logLines.join('\n')).not.toContain(marker);
  });
});
