import { defineScript, type CommandParser } from 'redis';
import type { RedisClient } from '../redis';
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

/** The scripts above as node-redis scripts; `createRedisClient` registers them on every client it makes. */
export const COMMAND_DEDUPE_SCRIPTS = {
  rmCommandClaim: defineScript({
    SCRIPT: CLAIM,
    NUMBER_OF_KEYS: 1,
    parseCommand(parser: CommandParser, key: string, runningMs: number) {
      parser.pushKey(key);
      parser.push(RUNNING, String(runningMs));
    },
    transformReply: (reply: [string, string?]) => reply,
  }),
  rmCommandRelease: defineScript({
    SCRIPT: RELEASE,
    NUMBER_OF_KEYS: 1,
    parseCommand(parser: CommandParser, key: string) {
      parser.pushKey(key);
      parser.push(RUNNING);
    },
    transformReply: (reply: number) => reply,
  }),
};

/**
 * Remembered commands shared by every instance through Redis, so a retry that reconnects to another instance is
 * still answered once. Keys hold only opaque ids (a keyed hash of the person, the client's random id); values
 * only what the pipeline hands over (ids and flags, never text), and expire on their own.
 */
export function createRedisCommandDedupe(redis: RedisClient, times: DedupeTimes, prefix = 'rm:cmd'): CommandDedupe {
  const key = (person: string, commandId: string) => `${prefix}:${person}:${commandId}`;
  return {
    async claim(person, commandId): Promise<Claim> {
      const [state, value] = await redis.rmCommandClaim(key(person, commandId), times.runningMs);
      if (state === 'new') return { state: 'new' };
      return value === undefined || value === RUNNING ? { state: 'running' } : { state: 'done', outcome: value };
    },
    async settle(person, commandId, outcome) {
      await redis.set(key(person, commandId), outcome, { expiration: { type: 'PX', value: times.keepMs } });
    },
    async release(person, commandId) {
      await redis.rmCommandRelease(key(person, commandId));
    },
  };
}
