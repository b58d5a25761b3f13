import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { participantIdentity, roomNameFor } from '../../server/src/livekit/identities';
import { RoomServiceClient } from 'livekit-server-sdk';
import { enterCircleThroughUi, signInThroughUi } from '../support/circlePages';
import { clusterSetup } from '../support/clusterApps';
import { inboundBytesFrom, inboundPaths } from '../support/mediaPaths';
import { openCircleNow } from '../support/openCircles';
import { TEST_SECRET } from '../support/testApp';

/**
 * Issue #20, item 1: a circle on a real two-node LiveKit cluster (two livekit-server processes on loopback sharing
 * one Redis). The member joins through app instance 0, which hands out node 0's URL; the volunteer through
 * instance 1, which hands out node 1's. LiveKit keeps the room on one node (`room_node_map` in Redis) and relays the
 * signalling of whoever connected to the other: both still see and hear each other, with the media of both coming
 * from the room's node.
 */
const world = clusterSetup({ livekitUrls: 'direct' });
const TOPIC = 'Two nodes, one circle';
let sessionId: string;

beforeAll(async () => {
  sessionId = await openCircleNow(world.db, 'cluster', TOPIC);
});

/** The ports of the LiveKit WebSockets the page opened (signalling), in order. */
function signallingPorts(page: Page): number[] {
  const ports: number[] = [];
  page.on('websocket', (ws) => {
    const url = new URL(ws.url());
    if (url.pathname.startsWith('/rtc')) ports.push(Number(url.port));
  });
  return ports;
}

describe('a circle on a two-node LiveKit cluster', () => {
  it('two people joining through different nodes see and hear each other', async () => {
    const { cluster, apps } = world;
    const [member, volunteer] = await Promise.all([world.open(), world.open()]);
    const memberWs = signallingPorts(member);
    const volunteerWs = signallingPorts(volunteer);
    await Promise.all([
      signInThroughUi(member, apps[0].url, 'lawyer@example.ca', TOPIC),
      signInThroughUi(volunteer, apps[1].url, 'volunteer@example.ca', TOPIC),
    ]);
    await Promise.all([enterCircleThroughUi(member, sessionId, 'Lee K.'), enterCircleThroughUi(volunteer, sessionId, 'Val')]);

    for (const page of [member, volunteer]) {
      await expect.poll(() => page.getByTestId('participant-tile').count(), { timeout: 30_000 }).toBe(2);
    }
    // Each signalled through the node its app instance named.
    const [node0, node1] = cluster.nodes as [(typeof cluster.nodes)[0], (typeof cluster.nodes)[0]];
    const portOf = (n: typeof node0) => Number(new URL(n.livekit.connection.url).port);
    expect(new Set(memberWs)).toEqual(new Set([portOf(node0)]));
    expect(new Set(volunteerWs)).toEqual(new Set([portOf(node1)]));

    // The room lives on one node, which LiveKit picked (at random among the available ones).
    const room = roomNameFor(TEST_SECRET, sessionId);
    const host = await cluster.nodeOfRoom(room);
    expect(host).not.toBeNull();
    console.log(`cluster: the circle's room is on node ${host!.index}; node ${1 - host!.index} relays the other person's signalling`);

    // Real media both ways, from the room's node (its RTC ports) whichever node each one signalled through.
    const fromRoomNode = (port: number) => cluster.nodeOfPort(port) === host;
    for (const page of [member, volunteer]) {
      await expect
        .poll(() => inboundBytesFrom(page, fromRoomNode), { timeout: 30_000 })
        .toSatisfy((b: { audio: number; video: number }) => b.audio > 0 && b.video > 0);
      const before = await inboundBytesFrom(page, fromRoomNode);
      await expect
        .poll(() => inboundBytesFrom(page, fromRoomNode), { timeout: 15_000 })
        .toSatisfy((b: { audio: number; video: number }) => b.audio > before.audio && b.video > before.video);
      // Nothing arrives from the other node: it carries signalling only.
      for (const p of await inboundPaths(page)) if (p.remotePort !== null) expect(cluster.nodeOfPort(p.remotePort)).toBe(host);
    }

    // Either node answers for the whole room: its RoomService reaches the room's node through Redis.
    const identities = [participantIdentity(TEST_SECRET, world.people.lawyer.id, sessionId), participantIdentity(TEST_SECRET, world.people.volunteer.id, sessionId)];
    for (const node of cluster.nodes) {
      const rooms = new RoomServiceClient(node.livekit.connection.url.replace(/^ws/, 'http'), cluster.keys.apiKey, cluster.keys.apiSecret);
      expect((await rooms.listParticipants(room)).map((p) => p.identity).sort()).toEqual([...identities].sort());
    }

    // What LiveKit carries across the relay arrives too: the member sees the red mug on the volunteer's tile.
    const remote = member.locator('[data-testid="participant-tile"][data-local="false"]');
    await expect.poll(() => remote.getByTestId('red-mug-badge').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => remote.textContent()).toContain('Val');
    await world.screenshot(member, 'cluster-member.png');

    // Leaving through one node is seen through the other.
    await volunteer.getByRole('button', { name: 'Leave' }).click();
    await volunteer.waitForURL(`${apps[1].url}/`);
    await expect.poll(() => member.getByTestId('participant-tile').count(), { timeout: 30_000 }).toBe(1);
  });
});
