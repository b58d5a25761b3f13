import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { LiveState } from '../../server/src/live/liveState';
import { createMemoryLiveState } from '../../server/src/live/liveState.memory';
import { createRedisLiveState } from '../../server/src/live/liveState.redis';
import { TEST_SECRET } from '../support/testApp';
import { connectRedis } from '../../server/src/redis';

// Two connections, as two instances would have; each test keeps to its own key prefix.
const clients = await Promise.all([connectRedis(inject('redisUrl')), connectRedis(inject('redisUrl'))]);
afterAll(() => clients.forEach((c) => c.destroy()));

/** The same contract for both implementations; each test gets a fresh state and its own session id. */
const implementations: Array<[string, () => LiveState]> = [
  ['memory', () => createMemoryLiveState()],
  [
    'Redis',
    () => createRedisLiveState(clients[0], TEST_SECRET, `test:${randomBytes(4).toString('hex')}`),
  ],
];

const t0 = new Date('2026-11-30T19:05:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);

describe.each(implementations)('live state (%s)', (_name, make) => {
  it('starts from the preset topic and keeps a trail of pivots', async () => {
    const s = make();
    expect(await s.topic('c1', 'Preset')).toEqual({ current: 'Preset', trail: [] });
    await s.pivot('c1', 'Preset', 'Returning from leave', at(60));
    const t = await s.pivot('c1', 'Preset', 'Boundaries', at(120));
    expect(t).toEqual({
      current: 'Boundaries',
      trail: [
        { topic: 'Preset', at: at(60).toISOString() },
        { topic: 'Returning from leave', at: at(120).toISOString() },
      ],
    });
    expect(await s.topic('c1', 'Preset')).toEqual(t);
    expect(await s.topic('c2', null)).toEqual({ current: null, trail: [] });
  });

  it('a session without a preset gets no empty trail entry', async () => {
    const s = make();
    expect(await s.pivot('c1', null, 'First', at(1))).toEqual({ current: 'First', trail: [] });
  });

  it('keeps one hand queue in order of raising; raising twice keeps the first place', async () => {
    const s = make();
    await s.raiseHand('c1', 'a', at(1));
    await s.raiseHand('c1', 'b', at(2));
    await s.raiseHand('c1', 'a', at(3));
    await s.raiseHand('c1', 'c', at(4));
    expect((await s.hands('c1')).map((h) => h.identity)).toEqual(['a', 'b', 'c']);
    expect((await s.hands('c1'))[0]!.raisedAt).toBe(at(1).toISOString());
    expect((await s.lowerHand('c1', 'b')).map((h) => h.identity)).toEqual(['a', 'c']);
    expect(await s.callNext('c1')).toEqual({ called: 'a', hands: [{ identity: 'c', raisedAt: at(4).toISOString() }] });
    expect(await s.lowerAll('c1')).toEqual([]);
    expect(await s.callNext('c1')).toEqual({ called: null, hands: [] });
  });

  it('orders concurrent raises into one queue with everyone in it once', async () => {
    const s = make();
    const ids = Array.from({ length: 25 }, (_, i) => `p${i}`);
    await Promise.all(ids.map((id, i) => s.raiseHand('c1', id, at(i))));
    const q = (await s.hands('c1')).map((h) => h.identity);
    expect(q.sort()).toEqual([...ids].sort());
  });

  it('keeps circles apart', async () => {
    const s = make();
    await s.raiseHand('c1', 'a', at(1));
    await s.setLocked('c1', true);
    await s.remove('c1', 'x');
    expect(await s.hands('c2')).toEqual([]);
    expect(await s.isLocked('c2')).toBe(false);
    expect(await s.isRemoved('c2', 'x')).toBe(false);
  });

  it('tracks lock, end, admission, removal and blocked microphones', async () => {
    const s = make();
    expect(await s.isLocked('c1')).toBe(false);
    await s.setLocked('c1', true);
    expect(await s.isLocked('c1')).toBe(true);
    await s.setLocked('c1', false);
    expect(await s.isLocked('c1')).toBe(false);

    expect(await s.isEnded('c1')).toBe(false);
    await s.setEnded('c1');
    expect(await s.isEnded('c1')).toBe(true);

    await s.admit('c1', 'a');
    expect(await s.wasAdmitted('c1', 'a')).toBe(true);
    expect(await s.wasAdmitted('c1', 'b')).toBe(false);

    await s.raiseHand('c1', 'a', at(1));
    await s.remove('c1', 'a');
    expect(await s.isRemoved('c1', 'a')).toBe(true);
    expect(await s.hands('c1')).toEqual([]);

    await s.setMicBlocked('c1', 'b', true);
    expect([...(await s.micBlocked('c1'))]).toEqual(['b']);
    await s.setMicBlocked('c1', 'b', false);
    expect([...(await s.micBlocked('c1'))]).toEqual([]);
  });

  it('moves the media key epoch on once per call, per circle, also when called at once', async () => {
    const s = make();
    expect(await s.e2eeEpoch('c1')).toBe(0);
    expect(await s.nextE2eeEpoch('c1')).toBe(1);
    expect(await s.e2eeEpoch('c1')).toBe(1);
    const next = await Promise.all(Array.from({ length: 10 }, () => s.nextE2eeEpoch('c1')));
    expect(next.sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(await s.e2eeEpoch('c1')).toBe(11);
    expect(await s.e2eeEpoch('c2')).toBe(0);
  });

  it('keeps each person\'s chosen name by identity', async () => {
    const s = make();
    expect(await s.names('c1')).toEqual(new Map());
    await s.setName('c1', 'a', 'Sam');
    await s.setName('c1', 'b', 'Lee');
    await s.setName('c1', 'a', 'Sam R.');
    expect(await s.names('c1')).toEqual(new Map([['a', 'Sam R.'], ['b', 'Lee']]));
    expect(await s.names('c2')).toEqual(new Map());
    expect(await s.name('c1', 'a')).toBe('Sam R.');
    expect(await s.name('c1', 'c')).toBeNull();
    expect(await s.name('c2', 'a')).toBeNull();
  });

  it('keeps knocks while they wait: one answer wins, knocking again replaces, ending them all says whose they were', async () => {
    const s = make();
    expect(await s.knocks('c1')).toEqual([]);
    await s.addKnock('c1', 'a', 'Kit', at(1));
    await s.addKnock('c1', 'b', 'Lou', at(2));
    await s.addKnock('c1', 'a', 'Kit R.', at(3));
    expect(await s.knocks('c1')).toEqual([
      { identity: 'b', displayName: 'Lou', at: at(2).toISOString() },
      { identity: 'a', displayName: 'Kit R.', at: at(3).toISOString() },
    ]);
    expect(await s.knocks('c2')).toEqual([]);
    const answers = await Promise.all([s.takeKnock('c1', 'b'), s.takeKnock('c1', 'b')]);
    expect(answers.sort()).toEqual([false, true]);
    expect((await s.clearKnocks('c1')).sort()).toEqual(['a']);
    expect(await s.knocks('c1')).toEqual([]);
    expect(await s.clearKnocks('c1')).toEqual([]);
  });

  it('keeps one acting host; the automatic hand-over sets it only once, by hand it moves on', async () => {
    const s = make();
    expect(await s.actingHost('c1')).toBeNull();
    const tries = await Promise.all([s.setActingHost('c1', 'a', true), s.setActingHost('c1', 'b', true)]);
    expect(tries.filter(Boolean)).toHaveLength(1);
    const first = await s.actingHost('c1');
    expect(['a', 'b']).toContain(first);
    expect(await s.setActingHost('c1', 'z', true)).toBe(false);
    expect(await s.setActingHost('c1', 'z', false)).toBe(true);
    expect(await s.actingHost('c1')).toBe('z');
    expect(await s.actingHost('c2')).toBeNull();
  });

  it('maps opaque room names back to sessions', async () => {
    const s = make();
    expect(await s.sessionOfRoom('r_x')).toBeNull();
    await s.bindRoom('r_x', 'c1');
    expect(await s.sessionOfRoom('r_x')).toBe('c1');
  });
});

describe('Redis live state', () => {
  it('is shared between two clients (two instances see one state)', async () => {
    const prefix = `test:${randomBytes(4).toString('hex')}`;
    const [a, b] = clients;
    const sa = createRedisLiveState(a, TEST_SECRET, prefix);
    const sb = createRedisLiveState(b, TEST_SECRET, prefix);
    await Promise.all([sa.raiseHand('c', 'x', at(1)), sb.raiseHand('c', 'y', at(1))]);
    await sa.pivot('c', null, 'From A', at(2));
    await sb.pivot('c', null, 'From B', at(3));
    expect((await sb.hands('c')).length).toBe(2);
    expect(await sa.topic('c', null)).toEqual({ current: 'From B', trail: [{ topic: 'From A', at: at(3).toISOString() }] });
  });

  it('holds names and typed topics sealed: another secret reads none of them, and Redis shows no plain text', async () => {
    const prefix = `test:${randomBytes(4).toString('hex')}`;
    const r = clients[0];
    const s = createRedisLiveState(r, TEST_SECRET, prefix);
    await s.setName('c', 'p_x', 'Quillon Marsh');
    await s.pivot('c', 'Preset Lanternfish', 'Typed Periwinkle', at(1));
    await s.addKnock('c', 'p_y', 'Knocking Quillon', at(2));
    const dump: string[] = [];
    for (const k of await r.keys(`${prefix}:*`)) {
      const type = await r.type(k);
      if (type === 'string') dump.push(k, (await r.get(k)) ?? '');
      else if (type === 'hash') dump.push(k, ...Object.entries(await r.hGetAll(k)).flat());
      else if (type === 'list') dump.push(k, ...(await r.lRange(k, 0, -1)));
    }
    expect(dump.join('\n')).not.toMatch(/Quillon|Lanternfish|Periwinkle/);
    const other = createRedisLiveState(r, 'another-secret-0123456789abcdef0123456789', prefix);
    expect(await other.names('c')).toEqual(new Map());
    expect(await other.name('c', 'p_x')).toBeNull();
    expect(await s.name('c', 'p_x')).toBe('Quillon Marsh');
    expect(await other.knocks('c')).toEqual([]);
    expect(await s.knocks('c')).toEqual([{ identity: 'p_y', displayName: 'Knocking Quillon', at: at(2).toISOString() }]);
    expect(await other.topic('c', null)).toEqual({ current: null, trail: [] });
    expect(await s.topic('c', null)).toEqual({ current: 'Typed Periwinkle', trail: [{ topic: 'Preset Lanternfish', at: at(1).toISOString() }] });
  });

  it('lets keys expire after a day', async () => {
    const prefix = `test:${randomBytes(4).toString('hex')}`;
    const r = clients[0];
    const s = createRedisLiveState(r, TEST_SECRET, prefix);
    await s.raiseHand('c', 'x', at(1));
    await s.pivot('c', null, 'T', at(1));
    await s.setLocked('c', true);
    await s.setName('c', 'x', 'Sam');
    const keys = await r.keys(`${prefix}:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) {
      const ttl = await r.ttl(k);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(24 * 3600);
    }
  });
});
