import type { HandEntry, KnockEntry, TopicState } from '../../../shared/schemas/live';
import type { LiveState } from './liveState';

interface Circle {
  topic: TopicState | null;
  hands: Map<string, { seq: number; raisedAt: string }>;
  locked: boolean;
  ended: boolean;
  admitted: Set<string>;
  removed: Set<string>;
  micBlocked: Set<string>;
  epoch: number;
  names: Map<string, string>;
  knocks: Map<string, KnockEntry>;
  actingHost: string | null;
}

/** Live state for a single instance. */
export function createMemoryLiveState(): LiveState {
  const circles = new Map<string, Circle>();
  const rooms = new Map<string, string>();
  let seq = 0;
  const get = (id: string): Circle => {
    let c = circles.get(id);
    if (!c) {
      c = { topic: null, hands: new Map(), locked: false, ended: false, admitted: new Set(), removed: new Set(), micBlocked: new Set(), epoch: 0, names: new Map(), knocks: new Map(), actingHost: null };
      circles.set(id, c);
    }
    return c;
  };
  const queue = (c: Circle): HandEntry[] =>
    [...c.hands.entries()].sort((a, b) => a[1].seq - b[1].seq).map(([identity, h]) => ({ identity, raisedAt: h.raisedAt }));
  const topicOf = (c: Circle, preset: string | null): TopicState => (c.topic ??= { current: preset, trail: [] });

  return {
    async topic(id, preset) {
      return structuredClone(topicOf(get(id), preset));
    },
    async pivot(id, preset, topic, at) {
      const c = get(id);
      const t = topicOf(c, preset);
      if (t.current !== null) t.trail.push({ topic: t.current, at: at.toISOString() });
      t.current = topic;
      return structuredClone(t);
    },
    async raiseHand(id, identity, at) {
      const c = get(id);
      if (!c.hands.has(identity)) c.hands.set(identity, { seq: ++seq, raisedAt: at.toISOString() });
      return queue(c);
    },
    async lowerHand(id, identity) {
      const c = get(id);
      c.hands.delete(identity);
      return queue(c);
    },
    async lowerAll(id) {
      const c = get(id);
      c.hands.clear();
      return queue(c);
    },
    async callNext(id) {
      const c = get(id);
      const first = queue(c)[0];
      if (first) c.hands.delete(first.identity);
      return { called: first?.identity ?? null, hands: queue(c) };
    },
    async hands(id) {
      return queue(get(id));
    },
    async setLocked(id, locked) {
      get(id).locked = locked;
    },
    async isLocked(id) {
      return get(id).locked;
    },
    async setEnded(id) {
      get(id).ended = true;
    },
    async isEnded(id) {
      return get(id).ended;
    },
    async admit(id, identity) {
      get(id).admitted.add(identity);
    },
    async wasAdmitted(id, identity) {
      return get(id).admitted.has(identity);
    },
    async remove(id, identity) {
      const c = get(id);
      c.removed.add(identity);
      c.hands.delete(identity);
    },
    async isRemoved(id, identity) {
      return get(id).removed.has(identity);
    },
    async setMicBlocked(id, identity, blocked) {
      const c = get(id);
      if (blocked) c.micBlocked.add(identity);
      else c.micBlocked.delete(identity);
    },
    async micBlocked(id) {
      return new Set(get(id).micBlocked);
    },
    async e2eeEpoch(id) {
      return get(id).epoch;
    },
    async nextE2eeEpoch(id) {
      return ++get(id).epoch;
    },
    async setName(id, identity, displayName) {
      get(id).names.set(identity, displayName);
    },
    async names(id) {
      return new Map(get(id).names);
    },
    async name(id, identity) {
      return get(id).names.get(identity) ?? null;
    },
    async addKnock(id, identity, displayName, at) {
      const c = get(id);
      // Knocking again puts one at the back, as a fresh knock.
      c.knocks.delete(identity);
      c.knocks.set(identity, { identity, displayName, at: at.toISOString() });
    },
    async takeKnock(id, identity) {
      return get(id).knocks.delete(identity);
    },
    async knocks(id) {
      return [...get(id).knocks.values()].map((k) => ({ ...k }));
    },
    async clearKnocks(id) {
      const c = get(id);
      const ids = [...c.knocks.keys()];
      c.knocks.clear();
      return ids;
    },
    async actingHost(id) {
      return get(id).actingHost;
    },
    async setActingHost(id, identity, ifNone) {
      const c = get(id);
      if (ifNone && c.actingHost !== null) return false;
      c.actingHost = identity;
      return true;
    },
    async bindRoom(roomName, id) {
      rooms.set(roomName, id);
    },
    async sessionOfRoom(roomName) {
      return rooms.get(roomName) ?? null;
    },
  };
}
