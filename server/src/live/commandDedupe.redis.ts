import type { Redis } from 'ioredis';
import type { Claim, CommandDedupe, DedupeTimes } from './commandDedupe';

/** Stands for a claim without an outcome; outcomes are JSON objects, so never equal to it. */
const RUNNING = 'running';
/** KEYS: the command's key. ARGV: RUNNING, runningMs. One round trip, atomic across instances. */
const CLAIM = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return {'new'} end
return {'seen', redis.call('GET', KEYS[1]) or ARGV[1]}`;
/** KEYS: the command's key. ARGV: RUNNING. Only a claim is forgotten, never an outcome. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * Remembered commands shared by every instance through Redis, so a retry that reconnects to another instance is
 * still answered once. Keys hold only opaque ids (a keyed hash of the person, the client's random id); values
 * only what the pipeline hands over (ids and flags, never text), and expire on their own.
 */
export function createRedisCommandDedupe(redis: Redis, times: DedupeTimes, prefix = 'rm:cmd'): CommandDedupe {
  const key = (person: string, commandId: string) => `${prefix}:${person}:${commandId}`;
  return {
    async claim(person, commandId): Promise<Claim> {
      const [state, value] = (await redis.eval(CLAIM, 1, key(person, commandId), RUNNING, String(times.runningMs))) as [string, string?];
      if (state === 'new') return { state: 'new' };
      return value === undefined || value === RUNNING ? { state: 'running' } : { state: 'done', outcome: value };
    },
    async settle(person, commandId, outcome) {
      await redis.set(key(person, commandId), outcome, 'PX', times.keepMs);
    },
    async release(person, commandId) {
      await redis.eval(RELEASE, 1, key(person, commandId), RUNNING);
    },
  };
}
