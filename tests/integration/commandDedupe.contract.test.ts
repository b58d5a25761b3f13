import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { commandOwner, type CommandDedupe, type DedupeTimes } from '../../server/src/live/commandDedupe';
import { createMemoryCommandDedupe } from '../../server/src/live/commandDedupe.memory';
import { createRedisCommandDedupe } from '../../server/src/live/commandDedupe.redis';
import { connectRedis } from '../../server/src/redis';

// Two connections, as two instances would have; each test keeps to its own key prefix.
const clients = await Promise.all([connectRedis(inject('redisUrl')), connectRedis(inject('redisUrl'))]);
afterAll(() => clients.forEach((c) => c.destroy()));

const TIMES: DedupeTimes = { runningMs: 30_000, keepMs: 120_000 };
let next = 0;
const newRedis = () => clients[next++ % clients.length]!;
const prefix = () => `test:cmd:${randomBytes(4).toString('hex')}`;

/** The same contract for both implementations; each test gets a fresh store. */
const implementations: Array<[string, () => CommandDedupe]> = [
  ['memory', () => createMemoryCommandDedupe(TIMES)],
  ['Redis', () => createRedisCommandDedupe(newRedis(), TIMES, prefix())],
];

const id = (n: number) => `cmd_${String(n).padStart(16, '0')}`;
const outcome = (data: unknown) => JSON.stringify({ event: 'chat:send', data });

describe.each(implementations)('command dedupe (%s)', (_name, make) => {
  it('a first claim runs; a repeat meanwhile is told it is running; after the outcome, a repeat gets it', async () => {
    const s = make();
    expect(await s.claim('alex', id(1))).toEqual({ state: 'new' });
    expect(await s.claim('alex', id(1))).toEqual({ state: 'running' });
    await s.settle('alex', id(1), outcome({ id: 'm1' }));
    expect(await s.claim('alex', id(1))).toEqual({ state: 'done', outcome: outcome({ id: 'm1' }) });
    expect(await s.claim('alex', id(1))).toEqual({ state: 'done', outcome: outcome({ id: 'm1' }) });
  });

  it('ids are per person: the same id from someone else is a new command', async () => {
    const s = make();
    expect(await s.claim('alex', id(1))).toEqual({ state: 'new' });
    await s.settle('alex', id(1), outcome(null));
    expect(await s.claim('blair', id(1))).toEqual({ state: 'new' });
    expect(await s.claim('alex', id(2))).toEqual({ state: 'new' });
  });

  it('a released claim (nothing applied) is judged afresh; an outcome is never released', async () => {
    const s = make();
    expect(await s.claim('alex', id(1))).toEqual({ state: 'new' });
    await s.release('alex', id(1));
    expect(await s.claim('alex', id(1))).toEqual({ state: 'new' });
    await s.settle('alex', id(1), outcome(null));
    await s.release('alex', id(1));
    expect(await s.claim('alex', id(1))).toEqual({ state: 'done', outcome: outcome(null) });
  });

  it('of many claims of one id at once, exactly one runs', async () => {
    const s = make();
    const claims = await Promise.all(Array.from({ length: 20 }, () => s.claim('alex', id(7))));
    expect(claims.filter((c) => c.state === 'new')).toHaveLength(1);
    expect(claims.filter((c) => c.state === 'running')).toHaveLength(19);
  });
});

describe('memory command dedupe', () => {
  it('forgets an outcome after the recovery window, and a claim without one sooner', async () => {
    let now = 1_000_000;
    const s = createMemoryCommandDedupe(TIMES, () => now);
    await s.claim('alex', id(1));
    await s.settle('alex', id(1), outcome(null));
    await s.claim('alex', id(2));
    now += TIMES.runningMs;
    // The claim of a command that never finished lapses, so a retry is not refused for long.
    expect(await s.claim('alex', id(2))).toEqual({ state: 'new' });
    expect(await s.claim('alex', id(1))).toEqual({ state: 'done', outcome: outcome(null) });
    now += TIMES.keepMs - TIMES.runningMs;
    expect(await s.claim('alex', id(1))).toEqual({ state: 'new' });
  });
});

describe('Redis command dedupe', () => {
  it('is shared between instances: a retry on another instance gets the first outcome', async () => {
    const p = prefix();
    const a = createRedisCommandDedupe(newRedis(), TIMES, p);
    const b = createRedisCommandDedupe(newRedis(), TIMES, p);
    const both = await Promise.all([a.claim('alex', id(1)), b.claim('alex', id(1))]);
    expect(both.map((c) => c.state).sort()).toEqual(['new', 'running']);
    await (both[0]!.state === 'new' ? a : b).settle('alex', id(1), outcome({ id: 'm1' }));
    expect(await b.claim('alex', id(1))).toEqual({ state: 'done', outcome: outcome({ id: 'm1' }) });
  });

  it('keys hold only opaque ids and expire: a claim within the running time, an outcome within the recovery window', async () => {
    const p = prefix();
    const r = newRedis();
    const s = createRedisCommandDedupe(r, TIMES, p);
    const person = commandOwner('a-test-secret', '0b9e2c3a-6c1d-4f7e-9a51-3d2a1f0e9c44');
    expect(person).not.toContain('0b9e2c3a');
    await s.claim(person, id(1));
    await s.claim(person, id(2));
    await s.settle(person, id(2), outcome(null));
    const keys = (await r.keys(`${p}:*`)).sort();
    expect(keys).toEqual([`${p}:${person}:${id(1)}`, `${p}:${person}:${id(2)}`]);
    for (const k of keys) expect(k.slice(p.length)).toMatch(/^(:[A-Za-z0-9_-]+){2}$/);
    const [running, kept] = [await r.pTTL(keys[0]!), await r.pTTL(keys[1]!)];
    expect(running).toBeGreaterThan(0);
    expect(running).toBeLessThanOrEqual(TIMES.runningMs);
    expect(kept).toBeGreaterThan(TIMES.runningMs);
    expect(kept).toBeLessThanOrEqual(TIMES.keepMs);
  });
});
