import type { Page } from 'playwright-core';
import { TrackSource } from 'livekit-server-sdk';
import { beforeAll, expect, it } from 'vitest';
import { participantIdentity, roomNameFor } from '../../server/src/livekit/identities';
import { enterCircleThroughUi, signInThroughUi } from '../support/circlePages';
import { clusterSetup } from '../support/clusterApps';
import type { ClusterNode } from '../support/livekitCluster';
import { inboundBytesFrom } from '../support/mediaPaths';
import { openCircleNow } from '../support/openCircles';
import { TEST_SECRET } from '../support/testApp';

/**
 * Issue #20, item 1: the LiveKit node hosting a circle dies mid-circle (SIGKILL: no draining, nothing
 * unregistered). Each app instance hands out one LiveKit URL, a front that prefers its own node and falls back to
 * the other (as nginx with a backup server would). LiveKit v1.13.5 does not move a live room: the dead node's
 * entry in Redis goes stale (no stats for 5 s), and the next join or reconnect re-creates the room on a surviving
 * node. livekit-client reconnects on its own (with the token LiveKit refreshed over signalling), so media comes
 * back for everyone without a reload; the circle's topic, hands and host rights live in the app and are intact.
 */
const world = clusterSetup({ livekitUrls: 'failover' });
const TOPIC = 'When a node fails';
let sessionId: string;

beforeAll(async () => {
  sessionId = await openCircleNow(world.db, 'cluster-kill', TOPIC);
});

type Bytes = { audio: number; video: number };

/** Waits until audio and video arrive from `node` on the page and keep arriving; returns when they were first seen. */
async function mediaBackFrom(page: Page, node: ClusterNode, timeout: number): Promise<number> {
  const fromNode = (port: number) => port >= node.rtcPorts.start && port <= node.rtcPorts.end;
  await expect.poll(() => inboundBytesFrom(page, fromNode), { timeout, interval: 250 }).toSatisfy((b: Bytes) => b.audio > 0 && b.video > 0);
  const at = Date.now();
  const first = await inboundBytesFrom(page, fromNode);
  await expect
    .poll(() => inboundBytesFrom(page, fromNode), { timeout: 15_000, interval: 250 })
    .toSatisfy((b: Bytes) => b.audio > first.audio && b.video > first.video);
  return at;
}

it('the node hosting a circle is killed: media comes back on the other node for everyone, topic, hands and host rights intact', async () => {
  const { cluster, apps } = world;
  const [host, member] = await Promise.all([world.open(), world.open()]);
  const signIn = (page: Page, app: 0 | 1, email: string) => signInThroughUi(page, apps[app].url, email, TOPIC);
  await Promise.all([signIn(host, 0, 'staff@example.ca'), signIn(member, 1, 'lawyer@example.ca')]);
  await Promise.all([enterCircleThroughUi(host, sessionId, 'Sasha'), enterCircleThroughUi(member, sessionId, 'Lee')]);
  for (const page of [host, member]) await expect.poll(() => page.getByTestId('participant-tile').count(), { timeout: 30_000 }).toBe(2);

  const room = roomNameFor(TEST_SECRET, sessionId);
  const doomed = (await cluster.nodeOfRoom(room))!;
  expect(doomed).not.toBeNull();
  const survivor = cluster.nodes.find((n) => n !== doomed)!;
  for (const page of [host, member]) await mediaBackFrom(page, doomed, 30_000);

  // The circle as it stands: a pivoted topic, a raised hand.
  await host.getByLabel('New topic').fill('Carrying on');
  await host.getByRole('button', { name: 'Change topic' }).click();
  await member.getByRole('region', { name: 'Topic' }).getByText('Carrying on').first().waitFor();
  await member.getByRole('button', { name: 'Raise hand' }).click();
  await host.getByRole('list', { name: 'Raised hands' }).getByText('Lee').waitFor();

  const killedAt = Date.now();
  await doomed.livekit.kill();

  // Media back for both, from the surviving node's ports: each page reconnects by itself, no reload, no click.
  const backAt = await Promise.all([host, member].map((page) => mediaBackFrom(page, survivor, 60_000)));
  // The host signals through node 0 (app 0's front prefers it), the member through node 1.
  const through = (i: number) => (cluster.nodes[i] === doomed ? `through the dead node ${i}` : `through the surviving node ${i}`);
  const seconds = backAt.map((t) => (t - killedAt) / 1000);
  console.log(
    `fault: node ${doomed.index}, hosting the circle, killed; media back from node ${survivor.index} after ${seconds[0]!.toFixed(1)} s for the ` +
      `host (signalling ${through(0)}) and ${seconds[1]!.toFixed(1)} s for the member (signalling ${through(1)}): everyone within ` +
      `${Math.max(...seconds).toFixed(1)} s`,
  );
  for (const page of [host, member]) await expect.poll(() => page.getByTestId('participant-tile').count(), { timeout: 30_000 }).toBe(2);
  expect(await cluster.nodeOfRoom(room)).toBe(survivor);

  // The circle is intact: the topic with its trail, the raised hand, on both screens.
  for (const page of [host, member]) {
    const topic = page.getByRole('region', { name: 'Topic' });
    await topic.getByText('Carrying on').first().waitFor();
    expect(await topic.textContent()).toContain(TOPIC);
  }
  await host.getByRole('list', { name: 'Raised hands' }).getByText('Lee').waitFor();

  // Host rights hold, in the app and in LiveKit: the host mutes the member in the re-created room.
  const rooms = apps[0].media.roomService()!;
  const identity = participantIdentity(TEST_SECRET, world.people.lawyer.id, sessionId);
  const micMuted = async () => (await rooms.getParticipant(room, identity)).tracks.find((t) => t.source === TrackSource.MICROPHONE)?.muted;
  await expect.poll(micMuted, { timeout: 20_000 }).toBe(false);
  await host.getByRole('button', { name: 'Mute Lee' }).click();
  await host.getByRole('status').filter({ hasText: 'Lee is muted.' }).waitFor();
  await member.getByRole('alert').filter({ hasText: 'muted your microphone' }).waitFor();
  await expect.poll(micMuted, { timeout: 20_000 }).toBe(true);
  // And the host still pivots.
  await host.getByLabel('New topic').fill('After the node');
  await host.getByRole('button', { name: 'Change topic' }).click();
  await member.getByRole('region', { name: 'Topic' }).getByText('After the node').first().waitFor();
}, 180_000);
