import type { Claim, CommandDedupe, DedupeTimes } from './commandDedupe';

/** Remembered commands for a single instance; `now` is injectable for tests of expiry. */
export function createMemoryCommandDedupe(times: DedupeTimes, now: () => number = Date.now): CommandDedupe {
  // In order of last write, so the oldest outcomes are at the front and expire first.
  const entries = new Map<string, { outcome: string | null; until: number }>();
  const key = (person: string, commandId: string) => `${person}\u0000${commandId}`;
  const forgetExpired = (t: number) => {
    for (const [k, e] of entries) {
      if (e.until > t) break;
      entries.delete(k);
    }
  };

  return {
    async claim(person, commandId): Promise<Claim> {
      const t = now();
      forgetExpired(t);
      const k = key(person, commandId);
      const e = entries.get(k);
      if (e && e.until > t) return e.outcome === null ? { state: 'running' } : { state: 'done', outcome: e.outcome };
      entries.delete(k);
      entries.set(k, { outcome: null, until: t + times.runningMs });
      return { state: 'new' };
    },
    async settle(person, commandId, outcome) {
      const k = key(person, commandId);
      entries.delete(k);
      entries.set(k, { outcome, until: now() + times.keepMs });
    },
    async release(person, commandId) {
      const k = key(person, commandId);
      if (entries.get(k)?.outcome === null) entries.delete(k);
    },
  };
}
