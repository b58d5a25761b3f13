import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLoginThrottle } from './loginThrottle';

afterEach(() => {
  vi.useRealTimers();
});

/** Tries one account from a new address each time until it is locked; how long the lock is. */
async function lockFromEverywhere(throttle: ReturnType<typeof createLoginThrottle>, email: string, from: number): Promise<number> {
  for (let i = 0; ; i++) {
    const r = await throttle.attempt(email, `203.0.113.${from + i}`);
    if (!r.ok) return r.waitMs;
    if (i > 100) throw new Error('never locked');
  }
}

describe('the account lock', () => {
  it('doubles each time it fills up again on the same day, and an unlock starts it over', async () => {
    vi.useFakeTimers({ now: new Date('2027-01-04T18:00:00Z') });
    const throttle = createLoginThrottle({ maxFailures: 5, blockMinutes: 15, secret: 'x'.repeat(32) });
    expect(await lockFromEverywhere(throttle, 'sam@firm.ca', 0)).toBe(15 * 60_000);
    expect(await throttle.attempt('sam@firm.ca', '198.51.100.1')).toMatchObject({ ok: false, scope: 'account' });
    vi.advanceTimersByTime(15 * 60_000 + 1_000);
    expect(await lockFromEverywhere(throttle, 'sam@firm.ca', 50)).toBe(30 * 60_000);
    vi.advanceTimersByTime(30 * 60_000 + 1_000);
    expect(await lockFromEverywhere(throttle, 'sam@firm.ca', 100)).toBe(60 * 60_000);
    await throttle.unlock('sam@firm.ca');
    expect(await throttle.attempt('sam@firm.ca', '198.51.100.1')).toEqual({ ok: true });
    expect(await lockFromEverywhere(throttle, 'sam@firm.ca', 150)).toBe(15 * 60_000);
  });

  it('a right password gives the attempts back: the owner is not locked by their own sign-ins', async () => {
    const throttle = createLoginThrottle({ maxFailures: 5, blockMinutes: 15 });
    for (let i = 0; i < 50; i++) {
      expect(await throttle.attempt('lee@firm.ca', '198.51.100.2')).toEqual({ ok: true });
      await throttle.succeeded('lee@firm.ca', '198.51.100.2');
    }
  });
});
