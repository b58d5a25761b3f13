import { defineScript, type CommandParser } from 'redis';
import type { HandEntry, KnockEntry, TopicState } from '../../../shared/schemas/live';
import type { RedisClient } from '../redis';
import { KNOCK_TTL_SECONDS, LIVE_STATE_TTL_SECONDS, type LiveState } from './liveState';
import { createSealer, type Sealer } from './sealed';

/**
 * Live state shared by every instance through Redis. Hand order comes from one atomic counter, so concurrent
 * raises on different instances still form one queue; topic pivots and hand changes each run as one script, so
 * none is lost and each costs one round trip. Names and typed topics are sealed (AES-GCM, key from the app's secret)
 * before they are sent: Redis, its AOF and its snapshots hold ciphertext and opaque identities only.
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
/**
 * KEYS: topicNow, topicTrail. ARGV: the sealed preset ('' for none), the sealed new topic, when, ttl. The topic and
 * each trail entry are sealed before they get here; a trail entry is `when|sealed topic`.
 */
const PIVOT = `
local cur = redis.call('GET', KEYS[1])
if not cur then cur = ARGV[1] end
if cur ~= '' then redis.call('RPUSH', KEYS[2], ARGV[3] .. '|' .. cur) end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[4])
redis.call('EXPIRE', KEYS[2], ARGV[4])
local out = redis.call('LRANGE', KEYS[2], 0, -1)
table.insert(out, 1, ARGV[2])
return out`;

/** The queue from a script's flat reply. */
function handList(flat: string[]): HandEntry[] {
  const out: HandEntry[] = [];
  for (let i = 0; i < flat.length; i += 2) out.push({ identity: flat[i]!, raisedAt: flat[i + 1] || new Date(0).toISOString() });
  return out;
}

/** The topic state from the sealed current topic and the sealed trail (`when|sealed`, oldest first). */
function openTopic(sealer: Sealer, current: string | null, trail: string[]): TopicState {
  const entries: TopicState['trail'] = [];
  for (const entry of trail) {
    const bar = entry.indexOf('|');
    const topic = bar > 0 ? sealer.open(entry.slice(bar + 1)) : null;
    if (topic !== null) entries.push({ topic, at: entry.slice(0, bar) });
  }
  return { current: current ? sealer.open(current) : null, trail: entries };
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
  /** The reply: the sealed current topic, then the sealed trail. */
  rmLivePivot: defineScript({
    SCRIPT: PIVOT,
    NUMBER_OF_KEYS: 2,
    parseCommand(parser: CommandParser, keys: readonly [now: string, trail: string], preset: string, topic: string, at: string, ttl: number) {
      parser.pushKeys([...keys]);
      parser.push(preset, topic, at, String(ttl));
    },
    transformReply: (reply: string[]) => reply,
  }),
};

/**
 * `secret` is the app's: names and typed topics are sealed with a key derived from it before they reach Redis, so
 * every instance (same secret) reads them and Redis alone never does.
 */
export function createRedisLiveState(redis: RedisClient, secret: string, prefix = 'rm:live'): LiveState {
  const key = (id: string, part: string) => `${prefix}:{${id}}:${part}`;
  const sealer = createSealer(secret);
  const topicKeys = (id: string) => [key(id, 'topicNow'), key(id, 'topicTrail')] as const;
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
      const [now, trail] = topicKeys(id);
      const [current, entries] = await Promise.all([redis.get(now), redis.lRange(trail, 0, -1)]);
      return current === null ? { current: preset, trail: [] } : openTopic(sealer, current, entries);
    },
    async pivot(id, preset, topic, at) {
      const [current, ...trail] = await redis.rmLivePivot(topicKeys(id), preset === null ? '' : sealer.seal(preset), sealer.seal(topic), at.toISOString(), ttl);
      return openTopic(sealer, current ?? null, trail);
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
    async setName(id, identity, displayName) {
      await redis.multi().hSet(key(id, 'names'), identity, sealer.seal(displayName)).expire(key(id, 'names'), ttl).exec();
    },
    async names(id) {
      const names = new Map<string, string>();
      for (const [identity, sealed] of Object.entries(await redis.hGetAll(key(id, 'names')))) {
        const name = sealer.open(sealed);
        if (name !== null) names.set(identity, name);
      }
      return names;
    },
    async name(id, identity) {
      const sealed = await redis.hGet(key(id, 'names'), identity);
      return sealed ? sealer.open(sealed) : null;
    },
    // A knock is `when|sealed name` under the person's identity: the name is sealed like every other.
    async addKnock(id, identity, displayName, at) {
      await redis
        .multi()
        .hSet(key(id, 'knocks'), identity, `${at.toISOString()}|${sealer.seal(displayName)}`)
        .expire(key(id, 'knocks'), KNOCK_TTL_SECONDS)
        .exec();
    },
    async takeKnock(id, identity) {
      return (await redis.hDel(key(id, 'knocks'), identity)) === 1;
    },
    async knocks(id) {
      const out: KnockEntry[] = [];
      for (const [identity, value] of Object.entries(await redis.hGetAll(key(id, 'knocks')))) {
        const bar = value.indexOf('|');
        const displayName = bar > 0 ? sealer.open(value.slice(bar + 1)) : null;
        if (displayName !== null) out.push({ identity, displayName, at: value.slice(0, bar) });
      }
      return out.sort((a, b) => a.at.localeCompare(b.at));
    },
    async clearKnocks(id) {
      const [ids] = await redis.multi().hKeys(key(id, 'knocks')).del(key(id, 'knocks')).exec();
      return (ids as unknown as string[]) ?? [];
    },
    async actingHost(id) {
      return redis.get(key(id, 'actingHost'));
    },
    async setActingHost(id, identity, ifNone) {
      const set = await redis.set(key(id, 'actingHost'), identity, { expiration: expiry, ...(ifNone ? { condition: 'NX' as const } : {}) });
      return set === 'OK';
    },
    async bindRoom(roomName, id) {
      await redis.set(`${prefix}:room:${roomName}`, id, { expiration: expiry });
    },
    async sessionOfRoom(roomName) {
      return redis.get(`${prefix}:room:${roomName}`);
    },
  };
}
