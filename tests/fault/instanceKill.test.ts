import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { createRedisLiveState } from '../../server/src/live/liveState.redis';
import { connectRedis, type RedisClient } from '../../server/src/redis';
import { openDb, type Db } from '../../server/src/store/db';
import { startAppProcess, type AppProcess } from '../support/appProcess';
import { newLiveParticipant, type LiveClient } from '../support/liveClient';
import { openCircleNow } from '../support/openCircles';
import { freshPostgresDatabase } from '../support/postgres';
import { expectOk, raw } from '../support/sockets';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy';
import { TEST_SECRET } from '../support/testApp';

/**
 * Fault 2: one of two app instances is killed with SIGKILL mid-circle. Every client behind the load balancer is
 * back in the circle on the other instance within 5 s (p95), keeps its place in the hand queue, and the host keeps
 * host rights.
 */
let db: Db;
let redis: RedisClient;
let procs: AppProcess[];
let proxy: TcpProxy;
let sessionId: string;
const clients: LiveClient[] = [];

beforeAll(async () => {
  const databaseUrl = await freshPostgresDatabase();
  db = await openDb({ databaseUrl });
  redis = await connectRedis(inject('redisUrl'));
  const env = { DATABASE_URL: databaseUrl, REDIS_URL: inject('redisUrl'), SESSION_SECRET: TEST_SECRET };
  procs = await Promise.all([startAppProcess(env), startAppProcess(env)]);
  proxy = await startTcpProxy(procs.map((p) => p.url));
  sessionId = await openCircleNow(db, 'fault-kill', 'Before the fault');
});
afterAll(async () => {
  clients.forEach((c) => c.close());
  await proxy?.close();
  await Promise.all((procs ?? []).map((p) => p.stop('SIGKILL')));
  redis?.destroy();
  await db?.close();
});

async function participant(name: string, role: 'member' | 'staff'): Promise<LiveClient> {
  const c = await newLiveParticipant(db, proxy.url, sessionId, name, role);
  clients.push(c);
  return c;
}

it('a SIGKILLed instance: clients are back on the other within 5 s (p95), hand queue and host rights intact', async () => {
  const host = await participant('sasha', 'staff');
  const members: LiveClient[] = [];
  for (let i = 0; i < 7; i++) members.push(await participant(`member${i}`, 'member'));
  for (const m of members.slice(0, 5)) expectOk(await raw(m.socket, 'hand:raise', {}));
  const live = createRedisLiveState(redis, TEST_SECRET);
  const queueBefore = (await live.hands(sessionId)).map((h) => h.identity);
  expect(queueBefore).toEqual(members.slice(0, 5).map((m) => m.snapshot.you.identity));

  // Round-robin put about half the clients on each instance; kill the first.
  const disconnected = new Set<LiveClient>();
  clients.forEach((c) => c.socket.once('disconnect', () => disconnected.add(c)));
  const backTimes = new Map<LiveClient, Promise<number>>(clients.map((c) => [c, c.nextBack()]));
  const killedAt = Date.now();
  await procs[0]!.stop('SIGKILL');
  // Wait until every client that lost its instance is back.
  // The kernel closes all of a killed process's connections at once, so its clients all see it together.
  await expect.poll(() => disconnected.size, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
  const lost = [...disconnected];
  const times = (await Promise.all(lost.map((c) => backTimes.get(c)!))).map((t) => t - killedAt).sort((a, b) => a - b);
  const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!;
  expect(p95).toBeLessThan(5_000);
  expect(clients.every((c) => c.socket.connected)).toBe(true);

  // Everyone kept their place, and the host still hosts.
  expect((await live.hands(sessionId)).map((h) => h.identity)).toEqual(queueBefore);
  expectOk(await raw(host.socket, 'topic:pivot', { topic: 'After the fault' }));
  const called = expectOk(await raw(host.socket, 'hand:callNext', {})) as { called: string };
  expect(called.called).toBe(queueBefore[0]);
  console.log(`fault 2: ${lost.length} of ${clients.length} clients reconnected; times (ms) ${times.join(', ')}; p95 ${p95} ms`);
});
