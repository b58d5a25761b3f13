import fc from 'fast-check';
import { expect, it } from 'vitest';
import { liveStateCommands, newModel } from '../../../tests/support/liveStateModel';
import { createMemoryLiveState } from './liveState.memory';

/** Model-based: random sequences of hand-queue and moderation steps agree with a simple model at every step. */
it('the in-memory live state behaves like the model', async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fc.commands(liveStateCommands, { maxCommands: 60 }), async (cmds) => {
      const sessionId = `model-${n++}`;
      await fc.asyncModelRun(() => ({ model: newModel(null), real: { live: createMemoryLiveState(), sessionId } }), cmds);
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
  );
  expect(n).toBeGreaterThan(0);
});
