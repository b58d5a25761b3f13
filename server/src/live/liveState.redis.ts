import { defineScript, type CommandParser } from 'redis';
import type { HandEntry, TopicState } from '../../../shared/schemas/live';
import type { RedisClient } from '../redis';
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

/** The queue from a script's flat reply. */
function handList(flat: string[]): HandEntry[] {
  const out: HandEntry[] = [];
  for (let i = 0; i < flat.length; i += 2) out.push({ identity: flat[i]!, raisedAt: flat[i + 1] || new Date(0).toISOString() });
  return out;
}

function parseTopic(raw: string): TopicState {
  const t = JSON.parse(raw) as { current: string | null; trail: unknown };
  // cjson writes an empty Lua table as {}.
  return { current: t.current ?? null, trail: Array.isArray(t.trail) ? (t.trail as TopicState['trail']) : [] };
}

type HandKeys = readonly [handSeq: string, hands: string, handsAt: string];

/** The scripts above as node-redis scripts; `createRedisClient` registers them on every client it makes. */
export const LIVE_STATE_SCRIPTS = {
  rmLiveRaiseHand: defineScript({
    SCRIPT: RAISE,
    NUMBER_OF_KEYS: 3,
    parseCommand(parser: CommandParser, keys: HandKeys, identity: string, raisedAt: string, ttl: number) {
      parser.pushKeys([...keys]);
      parser.push(identity, raisedAt, String(ttl));
    },
    transformReply: handList,
  }),
  rmLiveLowerHand: defineScript({
    SCRIPT: LOWER,
    NUMBER_OF_KEYS: 3,
    parseCommand(parser: CommandParser, keys: HandKeys, identity: string) {
      parser.pushKeys([...keys]);
      parser.push(identity);
    },
    transformReply: handList,
  }),
  /** KEYS: topic. ARGV: the initial state as JSON, the new topic, when, ttl. */
  rmLivePivot: defineScript({
    SCRIPT: PIVOT,
    NUMBER_OF_KEYS: 1,
    parseCommand(parser: CommandParser, key: string, initial: string, topic: string, at: string, ttl: number) {
      parser.pushKey(key);
      parser.push(initial, topic, at, String(ttl));
    },
    transformReply: parseTopic,
  }),
};

export function createRedisLiveState(redis: RedisClient, prefix = 'rm:live'): LiveState {
  const key = (id: string, part: string) => `${prefix}:{${id}}:${part}`;
  const ttl = LIVE_STATE_TTL_SECONDS;
  const expiry = { type: 'EX', value: ttl } as const;

  async function hands(id: string): Promise<HandEntry[]> {
    const ids = await redis.zRange(key(id, 'hands'), 0, -1);
    if (ids.length === 0) return [];
    const at = await redis.hmGet(key(id, 'handsAt'), ids);
    return ids.map((identity, i) => ({ identity, raisedAt: at[i] ?? new Date(0).toISOString() }));
  }

  const handKeys = (id: string): HandKeys => [key(id, 'handSeq'), key(id, 'hands'), key(id, 'handsAt')];

  const flag = async (id: string, part: string) => (await redis.get(key(id, part))) === '1';

  return {
    async topic(id, preset) {
      const raw = await redis.get(key(id, 'topic'));
      return raw ? parseTopic(raw) : { current: preset, trail: [] };
    },
    async pivot(id, preset, topic, at) {
      const initial = JSON.stringify({ current: preset, trail: [] });
      return redis.rmLivePivot(key(id, 'topic'), initial, topic, at.toISOString(), ttl);
    },
    async raiseHand(id, identity, at) {
      return redis.rmLiveRaiseHand(handKeys(id), identity, at.toISOString(), ttl);
    },
    async lowerHand(id, identity) {
      return redis.rmLiveLowerHand(handKeys(id), identity);
    },
    async lowerAll(id) {
      await redis.del([key(id, 'hands'), key(id, 'handsAt')]);
      return [];
    },
    async callNext(id) {
      const popped = await redis.zPopMin(key(id, 'hands'));
      const called = popped?.value ?? null;
      if (called) await redis.hDel(key(id, 'handsAt'), called);
      return { called, hands: await hands(id) };
    },
    hands,
    async setLocked(id, locked) {
      await redis.set(key(id, 'locked'), locked ? '1' : '0', { expiration: expiry });
    },
    isLocked: (id) => flag(id, 'locked'),
    async setEnded(id) {
      await redis.set(key(id, 'ended'), '1', { expiration: expiry });
    },
    isEnded: (id) => flag(id, 'ended'),
    async admit(id, identity) {
      await redis.sAdd(key(id, 'admitted'), identity);
      await redis.expire(key(id, 'admitted'), ttl);
    },
    async wasAdmitted(id, identity) {
      return (await redis.sIsMember(key(id, 'admitted'), identity)) === 1;
    },
    async remove(id, identity) {
      await redis
        .multi()
        .sAdd(key(id, 'removed'), identity)
        .expire(key(id, 'removed'), ttl)
        .zRem(key(id, 'hands'), identity)
        .hDel(key(id, 'handsAt'), identity)
        .exec();
    },
    async isRemoved(id, identity) {
      return (await redis.sIsMember(key(id, 'removed'), identity)) === 1;
    },
    async setMicBlocked(id, identity, blocked) {
      if (blocked) await redis.multi().sAdd(key(id, 'micBlocked'), identity).expire(key(id, 'micBlocked'), ttl).exec();
      else await redis.sRem(key(id, 'micBlocked'), identity);
    },
    async micBlocked(id) {
      return new Set(await redis.sMembers(key(id, 'micBlocked')));
    },
    async e2eeEpoch(id) {
      return Number((await redis.get(key(id, 'e2eeEpoch'))) ?? 0);
    },
    async nextE2eeEpoch(id) {
      const [epoch] = await redis.multi().incr(key(id, 'e2eeEpoch')).expire(key(id, 'e2eeEpoch'), ttl).exec();
      return Number(epoch);
    },
    async bindRoom(roomName, id) {
      await redis.set(`${prefix}:room:${roomName}`, id, { expiration: expiry });
    },
    async sessionOfRoom(roomName) {
      return redis.get(`${prefix}:room:${roomName}`);
    },
  };
}
