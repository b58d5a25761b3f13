import fc from 'fast-check';
import type { LiveState } from '../../server/src/live/liveState';

/**
 * A deliberately simple model of one circle's hand queue and moderation state, and fast-check commands that run
 * the same step against the model and a real LiveState and compare what each observes afterwards.
 */
export interface CircleModel {
  hands: string[];
  locked: boolean;
  ended: boolean;
  admitted: Set<string>;
  removed: Set<string>;
  micBlocked: Set<string>;
  topic: string | null;
  trail: string[];
}
export interface Real {
  live: LiveState;
  sessionId: string;
}

export const newModel = (topic: string | null): CircleModel => ({
  hands: [],
  locked: false,
  ended: false,
  admitted: new Set(),
  removed: new Set(),
  micBlocked: new Set(),
  topic,
  trail: [],
});

const at = new Date('2026-11-30T19:05:00Z');

async function agree(m: CircleModel, r: Real, who: string): Promise<void> {
  const hands = (await r.live.hands(r.sessionId)).map((h) => h.identity);
  const topic = await r.live.topic(r.sessionId, null);
  const actual = {
    hands,
    locked: await r.live.isLocked(r.sessionId),
    ended: await r.live.isEnded(r.sessionId),
    micBlocked: [...(await r.live.micBlocked(r.sessionId))].sort(),
    removed: await r.live.isRemoved(r.sessionId, who),
    admitted: await r.live.wasAdmitted(r.sessionId, who),
    topic: topic.current,
    trail: topic.trail.map((t) => t.topic),
  };
  const expected = {
    hands: m.hands,
    locked: m.locked,
    ended: m.ended,
    micBlocked: [...m.micBlocked].sort(),
    removed: m.removed.has(who),
    admitted: m.admitted.has(who),
    topic: m.topic,
    trail: m.trail,
  };
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`model and state disagree\nexpected ${JSON.stringify(expected)}\nactual   ${JSON.stringify(actual)}`);
  }
}

type Step = fc.AsyncCommand<CircleModel, Real>;
const step = (label: string, run: (m: CircleModel, r: Real) => Promise<void>, who = 'p_0'): Step => ({
  check: () => true,
  async run(m, r) {
    await run(m, r);
    await agree(m, r, who);
  },
  toString: () => label,
});

const person = fc.constantFrom('p_0', 'p_1', 'p_2', 'p_3', 'p_4');

/** Every operation the hand queue and host moderation perform on the live state. */
export const liveStateCommands: Array<fc.Arbitrary<Step>> = [
  person.map((id) =>
    step(`raise(${id})`, async (m, r) => {
      const hands = (await r.live.raiseHand(r.sessionId, id, at)).map((h) => h.identity);
      if (!m.hands.includes(id)) m.hands.push(id);
      if (JSON.stringify(hands) !== JSON.stringify(m.hands)) throw new Error(`raise returned ${hands}`);
    }, id),
  ),
  person.map((id) =>
    step(`lower(${id})`, async (m, r) => {
      await r.live.lowerHand(r.sessionId, id);
      m.hands = m.hands.filter((h) => h !== id);
    }, id),
  ),
  fc.constant(
    step('lowerAll', async (m, r) => {
      await r.live.lowerAll(r.sessionId);
      m.hands = [];
    }),
  ),
  fc.constant(
    step('callNext', async (m, r) => {
      const { called } = await r.live.callNext(r.sessionId);
      const expected = m.hands.shift() ?? null;
      if (called !== expected) throw new Error(`callNext called ${called}, model says ${expected}`);
    }),
  ),
  fc.boolean().map((locked) =>
    step(`lock(${locked})`, async (m, r) => {
      await r.live.setLocked(r.sessionId, locked);
      m.locked = locked;
    }),
  ),
  person.map((id) =>
    step(`admit(${id})`, async (m, r) => {
      await r.live.admit(r.sessionId, id);
      m.admitted.add(id);
    }, id),
  ),
  person.map((id) =>
    step(`remove(${id})`, async (m, r) => {
      await r.live.remove(r.sessionId, id);
      m.removed.add(id);
      m.hands = m.hands.filter((h) => h !== id);
    }, id),
  ),
  fc.tuple(person, fc.boolean()).map(([id, blocked]) =>
    step(`blockMic(${id}, ${blocked})`, async (m, r) => {
      await r.live.setMicBlocked(r.sessionId, id, blocked);
      if (blocked) m.micBlocked.add(id);
      else m.micBlocked.delete(id);
    }, id),
  ),
  fc.string({ minLength: 1, maxLength: 20 }).map((topic) =>
    step(`pivot(${JSON.stringify(topic)})`, async (m, r) => {
      await r.live.pivot(r.sessionId, null, topic, at);
      if (m.topic !== null) m.trail.push(m.topic);
      m.topic = topic;
    }),
  ),
  fc.constant(
    step('end', async (m, r) => {
      await r.live.setEnded(r.sessionId);
      m.ended = true;
    }),
  ),
];
