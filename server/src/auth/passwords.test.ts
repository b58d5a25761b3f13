import { describe, expect, it } from 'vitest';
import { withVerifySlot } from './passwords';

/** A task that runs until released, recording how many run at once. */
function gate() {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return { done, release };
}

describe('the cap on password verifications', () => {
  it('runs at most `concurrency` at once, queues the rest in order, and refuses past the queue', async () => {
    let now = 0;
    let most = 0;
    const order: number[] = [];
    const gates = Array.from({ length: 6 }, gate);
    const limits = { concurrency: 2, queue: 4 };
    const runs = gates.map((g, i) =>
      withVerifySlot(async () => {
        now++;
        most = Math.max(most, now);
        order.push(i);
        await g.done;
        now--;
        return i;
      }, limits),
    );
    await expect(withVerifySlot(async () => 'too many', limits)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
    for (const g of gates) g.release();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    // A newcomer arriving just as a slot is handed over does not make three.
    expect(await withVerifySlot(async () => 'after', limits)).toBe('after');
  });
});
