import type { Redis } from 'ioredis';
import type { HandEntry, TopicState } from '../../../shared/schemas/live';
import { LIVE_STATE_TTL_SECONDS, type LiveState } from './liveState';

/**
 * Live state shared by every instance through Redis. Hand order comes from one atomic counter, so concurrent
 * raises on different instances still form one queue; topic pivots and hand changes each run as one script, so
 * none is lost and each costs one round trip.
 */
/** The queue after a change, as identity, raisedAt, identity, raisedAt, … in queue order. */
const HANDS_AFTER = `
local ids = redis.call('ZRANGE', KEYS[2], 0, -1)
local out = {}
for _, id in ipairs(ids) do
  out[#out + 1] = id
  out[#out + 1] = redis.call('HGET', KEYS[3], id) or ''
end
return out`;
/** KEYS: handSeq, hands, handsAt. ARGV: identity, raisedAt, ttl. */
const RAISE = `
local seq = redis.call('INCR', KEYS[1])
if redis.call('ZADD', KEYS[2], 'NX', seq, ARGV[1]) == 1 then redis.call('HSET', KEYS[3], ARGV[1], ARGV[2]) end
for i = 1, 3 do redis.call('EXPIRE', KEYS[i], ARGV[3]) end
${HANDS_AFTER}`;
/** KEYS: handSeq, hands, handsAt. ARGV: identity. */
const LOWER = `
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
${HANDS_AFTER}`;
const PIVOT = `
local raw = redis.call('GET', KEYS[1])
local t
if raw then t = cjson.decode(raw) else t = cjson.decode(ARGV[1]) end
if type(t.trail) ~= 'table' then t.trail = {} end
if t.current ~= cjson.null and t.current ~= nil then
  table.insert(t.trail, { topic = t.current, at = ARGV[3] })
end
t.current = ARGV[2]
local out = cjson.encode(t)
redis.call('SET', KEYS[1], out, 'EX', ARGV[4])
return out`;

export function createRedisLiveState(redis: Redis, prefix = 'rm:live'): LiveState {
  const key = (id: string, part: string) => `${prefix}:{${id}}:${part}`;
  const ttl = LIVE_STATE_TTL_SECONDS;
  const touch = (...keys: string[]) => {
    const m = redis.multi();
    for (const k of keys) m.expire(k, ttl);
    return m.exec();
  };
  const parseTopic = (raw: string): TopicState => {
    const t = JSON.parse(raw) as { current: string | null; trail: unknown };
    // cjson writes an empty Lua table as {}.
    return { current: t.current ?? null, trail: Array.isArray(t.trail) ? (t.trail as TopicState['trail']) : [] };
  };

  async function hands(id: string): Promise<HandEntry[]> {
    const ids = await redis.zrange(key(id, 'hands'), 0, -1);
    if (ids.length === 0) return [];
    const at = await redis.hmget(key(id, 'handsAt'), ...ids);
    return ids.map((identity, i) => ({ identity, raisedAt: at[i] ?? new Date(0).toISOString() }));
  }

  const handKeys = (id: string) => [key(id, 'handSeq'), key(id, 'hands'), key(id, 'handsAt')] as const;
  const handList = (flat: unknown): HandEntry[] => {
    const a = flat as string[];
    const out: HandEntry[] = [];
    for (let i = 0; i < a.length; i += 2) out.push({ identity: a[i]!, raisedAt: a[i + 1] || new Date(0).toISOString() });
    return out;
  };

  const flag = async (id: string, part: string) => (await redis.get(key(id, part))) === '1';

  return {
    async topic(id, preset) {
      const raw = await redis.get(key(id, 'topic'));
      return raw ? parseTopic(raw) : { current: preset, trail: [] };
    },
    async pivot(id, preset, topic, at) {
      const initial = JSON.stringify({ current: preset, trail: [] });
      const out = (await redis.eval(PIVOT, 1, key(id, 'topic'), initial, topic, at.toISOString(), String(ttl))) as string;
      return parseTopic(out);
    },
    async raiseHand(id, identity, at) {
      return handList(await redis.eval(RAISE, 3, ...handKeys(id), identity, at.toISOString(), String(ttl)));
    },
    async lowerHand(id, identity) {
      return handList(await redis.eval(LOWER, 3, ...handKeys(id), identity));
    },
    async lowerAll(id) {
      await redis.del(key(id, 'hands'), key(id, 'handsAt'));
      return [];
    },
    async callNext(id) {
      const popped = await redis.zpopmin(key(id, 'hands'));
      const called = popped[0] ?? null;
      if (called) await redis.hdel(key(id, 'handsAt'), called);
      return { called, hands: await hands(id) };
    },
    hands,
    async setLocked(id, locked) {
      await redis.set(key(id, 'locked'), locked ? '1' : '0', 'EX', ttl);
    },
    isLocked: (id) => flag(id, 'locked'),
    async setEnded(id) {
      await redis.set(key(id, 'ended'), '1', 'EX', ttl);
    },
    isEnded: (id) => flag(id, 'ended'),
    async admit(id, identity) {
      await redis.sadd(key(id, 'admitted'), identity);
      await touch(key(id, 'admitted'));
    },
    async wasAdmitted(id, identity) {
      return (await redis.sismember(key(id, 'admitted'), identity)) === 1;
    },
    async remove(id, identity) {
      await redis
        .multi()
        .sadd(key(id, 'removed'), identity)
        .expire(key(id, 'removed'), ttl)
        .zrem(key(id, 'hands'), identity)
        .hdel(key(id, 'handsAt'), identity)
        .exec();
    },
    async isRemoved(id, identity) {
      return (await redis.sismember(key(id, 'removed'), identity)) === 1;
    },
    async setMicBlocked(id, identity, blocked) {
      if (blocked) await redis.multi().sadd(key(id, 'micBlocked'), identity).expire(key(id, 'micBlocked'), ttl).exec();
      else await redis.srem(key(id, 'micBlocked'), identity);
    },
    async micBlocked(id) {
      return new Set(await redis.smembers(key(id, 'micBlocked')));
    },
    async bindRoom(roomName, id) {
      await redis.set(`${prefix}:room:${roomName}`, id, 'EX', ttl);
    },
    async sessionOfRoom(roomName) {
      return redis.get(`${prefix}:room:${roomName}`);
    },
  };
}
