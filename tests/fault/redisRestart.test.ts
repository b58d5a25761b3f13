import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRedisLiveState } from '../../server/src/live/liveState.redis';
import { connectRedis } from '../../server/src/redis';
import { openDb, type Db } from '../../server/src/store/db';
import { startAppProcess, type AppProcess } from '../support/appProcess';
import { newLiveParticipant, type LiveClient } from '../support/liveClient';
import { openCircleNow } from '../support/openCircles';
import { freshPostgresDatabase } from '../support/postgres';
import { expectOk, next, raw } from '../support/sockets';
import { startTempServer, type TempServer } from '../support/tempServers';
import { TEST_SECRET } from '../support/testApp';

/**
 * Fault 1: Redis is stopped mid-circle and started again (persisting with an fsync-always append-only file).
 * Clients stay connected and are told live features are reconnecting; commands meanwhile get a typed
 * SERVICE_UNAVAILABLE; within 5 s of Redis returning live features are back, with topic, hand queue and
 * moderation state as before. A connection dropped during the outage comes back when Redis does, and the
 * instance stays up.
 */
let redisServer: TempServer;
let db: Db;
let app: AppProcess;
let sessionId: string;
const clients: LiveClient[] = [];

beforeAll(async () => {
  redisServer = startTempServer('redis', { REDIS_PERSIST: '1' });
  const databaseUrl = await freshPostgresDatabase();
  db = await openDb({ databaseUrl });
  app = await startAppProcess({ DATABASE_URL: databaseUrl, REDIS_URL: redisServer.url, SESSION_SECRET: TEST_SECRET });
  sessionId = await openCircleNow(db, 'fault-redis', 'Before Redis stops');
});
afterAll(async () => {
  clients.forEach((c) => c.close());
  await app?.stop('SIGKILL');
  redisServer?.destroy();
  await db?.close();
});

async function participant(name: string, role: 'member' | 'staff'): Promise<LiveClient> {
  const c = await newLiveParticipant(db, app.url, sessionId, name, role);
  clients.push(c);
  return c;
}

it('Redis stopped and restarted: clients see "reconnecting", live features back within 5 s, state as before', async () => {
  const host = await participant('sasha', 'staff');
  const members = [await participant('ana', 'member'), await participant('ben', 'member'), await participant('cy', 'member')];
  expectOk(await raw(host.socket, 'topic:pivot', { topic: 'Kept through the fault' }));
  for (const m of members.slice(0, 2)) expectOk(await raw(m.socket, 'hand:raise', {}));
  expectOk(await raw(host.socket, 'circle:lock', { locked: true }));
  expectOk(await raw(host.socket, 'moderation:remove', { identity: members[2]!.snapshot.you.identity }));

  const inspect = await connectRedis(redisServer.url);
  const state = async () => {
    const live = createRedisLiveState(inspect, TEST_SECRET);
    const topic = await live.topic(sessionId, null);
    return {
      topic: topic.current,
      trail: topic.trail.map((t) => t.topic),
      hands: (await live.hands(sessionId)).map((h) => h.identity),
      locked: await live.isLocked(sessionId),
      removed: await live.isRemoved(sessionId, members[2]!.snapshot.you.identity),
    };
  };
  const before = await state();
  expect(before).toMatchObject({ topic: 'Kept through the fault', locked: true, removed: true });
  expect(before.hands).toHaveLength(2);
  inspect.destroy();

  const degraded = [host, ...members.slice(0, 2)].map((c) => next(c.socket, 'live:degraded'));
  redisServer.stop();
  for (const d of degraded) expect((await d).message).toMatch(/reconnecting/i);
  expect(host.socket.connected).toBe(true);
  expect(await raw(host.socket, 'topic:pivot', { topic: 'Not now' })).toMatchObject({ ok: false, code: 'SERVICE_UNAVAILABLE' });

  const restored = [host, ...members.slice(0, 2)].map((c) => next(c.socket, 'live:restored', () => true, 10_000));
  const startedAt = Date.now();
  redisServer.start();
  await Promise.all(restored);
  // Back means a command goes through again.
  expectOk(await raw(members[0]!.socket, 'hand:lower', {}));
  expectOk(await raw(members[0]!.socket, 'hand:raise', {}));
  const recovery = Date.now() - startedAt;
  expect(recovery).toBeLessThan(5_000);
  console.log(`fault 1: live features back ${recovery} ms after Redis returned`);

  const after = await connectRedis(redisServer.url);
  const live = createRedisLiveState(after, TEST_SECRET);
  const topic = await live.topic(sessionId, null);
  expect(topic.current).toBe(before.topic);
  expect(topic.trail.map((t) => t.topic)).toEqual(before.trail);
  // The member who lowered and raised again is now last; the other kept their place.
  expect((await live.hands(sessionId)).map((h) => h.identity)).toEqual([before.hands[1], before.hands[0]]);
  expect(await live.isLocked(sessionId)).toBe(true);
  expect(await live.isRemoved(sessionId, members[2]!.snapshot.you.identity)).toBe(true);
  after.destroy();
});

it('a connection dropped while Redis is away: the instance stays up, and the client is back in the circle once Redis is', async () => {
  const circle = await openCircleNow(db, 'fault-redis-drop', 'While Redis is away');
  const host = await newLiveParticipant(db, app.url, circle, 'eve', 'staff');
  const member = await newLiveParticipant(db, app.url, circle, 'dee', 'member');
  clients.push(host, member);
  const degraded = next(host.socket, 'live:degraded');
  redisServer.stop();
  await degraded;

  // A dropped transport is a recoverable disconnect: the server keeps the session for recovery in Redis, and the
  // client asks for it back at once. Both wait for Redis; neither may take the instance down.
  const back = member.nextBack();
  member.socket.io.engine.close();
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect({ exitCode: app.proc.exitCode, signal: app.proc.signalCode }).toEqual({ exitCode: null, signal: null });
  expect(host.socket.connected).toBe(true);

  const restored = next(host.socket, 'live:restored', () => true, 10_000);
  const startedAt = Date.now();
  redisServer.start();
  await Promise.all([restored, back]);
  expect(Date.now() - startedAt).toBeLessThan(5_000);
  expectOk(await raw(member.socket, 'hand:raise', {}));
});
