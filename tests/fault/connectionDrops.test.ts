import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { createRedisLiveState } from '../../server/src/live/liveState.redis';
import { connectRedis, type RedisClient } from '../../server/src/redis';
import { openDb, type Db } from '../../server/src/store/db';
import { startAppProcess, type AppProcess } from '../support/appProcess';
import { newLiveParticipant, reliably, type LiveClient } from '../support/liveClient';
import { openCircleNow } from '../support/openCircles';
import { freshPostgresDatabase } from '../support/postgres';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy';
import { TEST_SECRET } from '../support/testApp';

/**
 * Fault 5: every client's connection is cut every few seconds for a minute (FAULT_DROP_SECONDS) while the host
 * pivots topics and locks and unlocks, and members raise and lower hands. With acks and retries on the client
 * (one command id per command, whatever the retries) and connection-state recovery (or a fresh join) on the
 * server, no topic change, hand raise or moderation change is lost or applied twice, and every client ends up
 * seeing exactly the server's state.
 */
const DURATION_MS = Number(process.env.FAULT_DROP_SECONDS ?? 60) * 1000;
const DROP_EVERY_MS = 3_000;

let db: Db;
let redis: RedisClient;
let app: AppProcess;
let proxy: TcpProxy;
let sessionId: string;
const clients: LiveClient[] = [];

beforeAll(async () => {
  const databaseUrl = await freshPostgresDatabase();
  db = await openDb({ databaseUrl });
  redis = await connectRedis(inject('redisUrl'));
  app = await startAppProcess({ DATABASE_URL: databaseUrl, REDIS_URL: inject('redisUrl'), SESSION_SECRET: TEST_SECRET });
  proxy = await startTcpProxy([app.url]);
  sessionId = await openCircleNow(db, `fault-drops-${Date.now()}`, 'Start');
});
afterAll(async () => {
  clients.forEach((c) => c.close());
  await proxy?.close();
  await app?.stop('SIGKILL');
  redis?.destroy();
  await db?.close();
});

async function participant(name: string, role: 'member' | 'staff'): Promise<LiveClient> {
  const c = await newLiveParticipant(db, proxy.url, sessionId, name, role);
  clients.push(c);
  return c;
}

it('a minute of dropped connections loses no topic change, hand raise or moderation change, and repeats none', async () => {
  const host = await participant('drophost', 'staff');
  const members = [await participant('dropa', 'member'), await participant('dropb', 'member'), await participant('dropc', 'member')];
  const sentTopics: string[] = [];
  const handWanted = new Map<LiveClient, boolean>(members.map((m) => [m, false]));
  let lockWanted = false;
  let drops = 0;
  const dropper = setInterval(() => (drops += proxy.dropAll() > 0 ? 1 : 0), DROP_EVERY_MS);
  const until = Date.now() + DURATION_MS;

  const hostLoop = async () => {
    for (let i = 1; Date.now() < until; i++) {
      const topic = `Topic ${i}`;
      const ack = await reliably(host, 'topic:pivot', { topic });
      expect(ack.ok).toBe(true);
      sentTopics.push(topic);
      if (i % 3 === 0) {
        lockWanted = !lockWanted;
        expect((await reliably(host, 'circle:lock', { locked: lockWanted })).ok).toBe(true);
      }
    }
  };
  const memberLoop = async (m: LiveClient, k: number) => {
    for (let i = 0; Date.now() < until; i++) {
      const raise = (i + k) % 2 === 0;
      expect((await reliably(m, raise ? 'hand:raise' : 'hand:lower', {})).ok).toBe(true);
      handWanted.set(m, raise);
    }
  };
  try {
    await Promise.all([hostLoop(), ...members.map((m, k) => memberLoop(m, k))]);
  } finally {
    clearInterval(dropper);
  }

  // The server has every topic once, in order (a retried pivot whose first ack was lost is not applied again),
  // the hands each member last asked for, and the last lock state.
  const live = createRedisLiveState(redis, TEST_SECRET);
  const topic = await live.topic(sessionId, null);
  const history = [...topic.trail.map((t) => t.topic), topic.current].filter((t) => t !== 'Start');
  expect(history).toEqual(sentTopics);
  const hands = (await live.hands(sessionId)).map((h) => h.identity).sort();
  expect(hands).toEqual(members.filter((m) => handWanted.get(m)).map((m) => m.snapshot.you.identity).sort());
  expect(await live.isLocked(sessionId)).toBe(lockWanted);

  // Every client, once connected, sees exactly that.
  await Promise.all(clients.map((c) => (c.socket.connected ? undefined : c.nextBack())));
  await expect
    .poll(() => clients.map((c) => JSON.stringify({ topic: c.view.topic, trail: c.view.trail, hands: [...c.view.hands].sort(), locked: c.view.locked })), { timeout: 5_000 })
    .toEqual(clients.map(() => JSON.stringify({ topic: topic.current, trail: topic.trail.map((t) => t.topic), hands, locked: lockWanted })));
  const recovered = clients.reduce((n, c) => n + c.returns.recovered, 0);
  const rejoined = clients.reduce((n, c) => n + c.returns.rejoined, 0);
  expect(drops).toBeGreaterThanOrEqual(Math.floor(DURATION_MS / DROP_EVERY_MS) - 1);
  console.log(`fault 5: ${drops} drops over ${DURATION_MS / 1000} s; ${sentTopics.length} topics; returns: ${recovered} recovered, ${rejoined} rejoined`);
}, DURATION_MS + 60_000);
