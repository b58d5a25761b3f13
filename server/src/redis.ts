import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { createClient } from 'redis';
import { COMMAND_DEDUPE_SCRIPTS } from './live/commandDedupe.redis';
import { LIVE_STATE_SCRIPTS } from './live/liveState.redis';

/**
 * The longest wait between two attempts to reach Redis again, so live features come back within about this long
 * of Redis returning (the fault test allows 5 s).
 */
const RECONNECT_MAX_MS = 1_000;

/**
 * The one place that makes the app's Redis clients (node-redis): for `index.ts` (so the fault tests' app processes
 * too) and for the tests.
 */
export function createRedisClient(url: string, onError: (err: Error) => void = () => undefined) {
  const client = createClient({
    url,
    // While Redis is unreachable our commands fail at once (ClientOfflineError) instead of waiting in a queue for
    // it to return: a live command gets SERVICE_UNAVAILABLE, sign-in counts in memory, the health check says so.
    // A command already sent when the connection drops fails with it.
    disableOfflineQueue: true,
    socket: {
      // Never give up (node-redis' default does after a socket timeout): exponential from 50 ms up to a second,
      // with a little jitter so that several instances do not all knock at once when Redis returns.
      reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, RECONNECT_MAX_MS) + Math.floor(Math.random() * 100),
    },
    // Loaded by SHA (EVALSHA) and sent again in full only when Redis answers NOSCRIPT, e.g. after a restart.
    scripts: { ...LIVE_STATE_SCRIPTS, ...COMMAND_DEDUPE_SCRIPTS },
  });
  // node-redis emits 'error' for every failed attempt to reconnect, and an 'error' nobody listens to is a crash.
  client.on('error', onError);
  return client;
}

export type RedisClient = ReturnType<typeof createRedisClient>;

/** A client made by `createRedisClient`, connected (resolves once Redis answers; retries until then). */
export function connectRedis(url: string, onError?: (err: Error) => void): Promise<RedisClient> {
  return createRedisClient(url, onError).connect();
}

/**
 * A connection of its own for `@socket.io/redis-streams-adapter`, which also duplicates it for its stream reader
 * and its pub/sub. Unlike ours, its commands wait for Redis while it is away (node-redis' offline queue) rather
 * than fail at once: the reader polls XREAD in a loop that retries at once on an error, so failing fast would spin
 * that loop without ever yielding to the event loop; and the adapter does not catch a failed write of a
 * disconnected socket's recovery session, which would end the process as an unhandled rejection. Broadcasts
 * meanwhile are few (commands are refused), and what waits is sent when Redis is back.
 */
export async function connectAdapterClient(redis: RedisClient): Promise<RedisClient> {
  const client = redis.duplicate({ disableOfflineQueue: false });
  client.on('error', () => undefined); // the app's own client reports Redis being away; this one reconnects alike
  return client.connect();
}

/**
 * A rate limiter counted in Redis, so every instance sees the same count. While Redis is unreachable it does not
 * wait for it: each instance counts in memory (the insurance limiter) until Redis is back.
 */
export function redisLimiter(redis: RedisClient, opts: { keyPrefix: string; points: number; duration: number; blockDuration?: number }): RateLimiterRedis {
  return new RateLimiterRedis({
    storeClient: redis,
    useRedisPackage: true,
    rejectIfRedisNotReady: true,
    ...opts,
    insuranceLimiter: new RateLimiterMemory(opts),
  });
}

/** Closes a client: waits for what it has sent when Redis is there, drops it when it is not. */
export async function closeRedis(client: RedisClient): Promise<void> {
  if (!client.isOpen) return;
  if (client.isReady) await client.close();
  else client.destroy();
}
