import fc from 'fast-check';
import { afterAll, expect, inject, it } from 'vitest';
import { createRedisLiveState } from '../../server/src/live/liveState.redis';
import { TEST_SECRET } from '../support/testApp';
import { connectRedis } from '../../server/src/redis';
import { liveStateCommands, newModel } from '../support/liveStateModel';

/** The Redis live state (what several instances share) agrees with the same simple model as the in-memory one. */
const redis = await connectRedis(inject('redisUrl'));
afterAll(() => redis.destroy());

it('the Redis live state behaves like the model', async () => {
  const live = createRedisLiveState(redis, TEST_SECRET);
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fc.commands(liveStateCommands, { maxCommands: 40 }), async (cmds) => {
      const sessionId = `model-${Date.now()}-${n++}`;
      await fc.asyncModelRun(() => ({ model: newModel(null), real: { live, sessionId } }), cmds);
    }),
    { numRuns: Math.min(Number(process.env.FUZZ_RUNS ?? 60), 300) },
  );
  expect(n).toBeGreaterThan(0);
}, 60_000);
