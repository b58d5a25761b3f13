import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { keyedHash } from '../live/sealed';

/**
 * Slows password guessing three ways: attempts for one email from one address (a person mistyping gets a few
 * tries), all attempts from one address (one machine trying many emails), and attempts at one account from any
 * address at all (many machines, or forged addresses, trying one account), with a longer block each time that
 * last one fills up again. Attempts are counted *before* the password is checked, atomically, so parallel
 * requests cannot all slip through; a success gives back what it took.
 */
export interface LoginThrottle {
  /**
   * Takes one attempt from each count in turn — the address, then this address and email, then the account —
   * and stops at the first that is used up (what was taken before it stays taken), saying which ('account': the
   * account is locked for everyone; 'address': this address, or this address and email) and for how long.
   */
  attempt(email: string, ip: string): Promise<{ ok: true } | { ok: false; scope: 'account' | 'address'; waitMs: number }>;
  /** The password was right: the attempt is given back and this email's counts start over. */
  succeeded(email: string, ip: string): Promise<void>;
  /** Staff unlock an account locked by attempts from everywhere. */
  unlock(email: string): Promise<void>;
}

export function createLoginThrottle(opts: {
  maxFailures: number;
  blockMinutes: number;
  /**
   * Keys the counts by a keyed hash (HMAC with this secret) of the email and the address instead of the values
   * themselves, so a shared store (Redis) holds neither.
   */
  secret?: string;
  /** Another limiter implementation (e.g. Redis-backed) with the same options; memory by default. */
  make?: (o: { keyPrefix: string; points: number; duration: number; blockDuration: number }) => RateLimiterAbstract;
}): LoginThrottle {
  const make = opts.make ?? ((o) => new RateLimiterMemory(o));
  const block = opts.blockMinutes * 60;
  const perEmailIp = make({ keyPrefix: 'login_email_ip', points: opts.maxFailures, duration: block, blockDuration: block });
  const perIp = make({ keyPrefix: 'login_ip', points: opts.maxFailures * 20, duration: 3600, blockDuration: 3600 });
  // One account from anywhere: twice a person's allowance in the window; each lock within a day doubles the next.
  const accountPoints = opts.maxFailures * 2;
  const perAccount = make({ keyPrefix: 'login_account', points: accountPoints, duration: block, blockDuration: 0 });
  const accountLocks = make({ keyPrefix: 'login_account_locks', points: 1_000, duration: 24 * 3600, blockDuration: 0 });
  const lockedAccount = make({ keyPrefix: 'login_account_locked', points: 1, duration: 1, blockDuration: 0 });

  const hide = (purpose: string, value: string) => (opts.secret === undefined ? value : keyedHash(opts.secret, purpose, value));
  const pairKey = (email: string, ip: string) => hide('login-email-ip', `${email}|${ip}`);
  const ipKey = (ip: string) => hide('login-ip', ip);
  const accountKey = (email: string) => hide('login-account', email.toLowerCase());
  const refused = (err: unknown): number | null => (err instanceof RateLimiterRes ? Math.max(err.msBeforeNext, 1) : null);

  /** Until when the account is locked (a lock is a key that expires), or 0. */
  async function accountLockedFor(email: string): Promise<number> {
    const lock = await lockedAccount.get(accountKey(email));
    return lock && lock.consumedPoints > 0 ? Math.max(lock.msBeforeNext, 1) : 0;
  }

  return {
    async attempt(email, ip) {
      const lockedMs = await accountLockedFor(email);
      if (lockedMs > 0) return { ok: false, scope: 'account', waitMs: lockedMs };
      // The address first: one address hammering many accounts is refused before it costs any account a point.
      for (const [limiter, key] of [
        [perIp, ipKey(ip)],
        [perEmailIp, pairKey(email, ip)],
      ] as const) {
        try {
          await limiter.consume(key, 1);
        } catch (err) {
          const wait = refused(err);
          if (wait === null) throw err;
          return { ok: false, scope: 'address', waitMs: wait };
        }
      }
      try {
        await perAccount.consume(accountKey(email), 1);
        return { ok: true };
      } catch (err) {
        if (refused(err) === null) throw err;
        // Full again: locked for the window, doubled for each lock already today (15 min, 30, 60… at most a day).
        const locks = (await accountLocks.penalty(accountKey(email), 1)).consumedPoints;
        const seconds = Math.min(block * 2 ** (locks - 1), 24 * 3600);
        await lockedAccount.set(accountKey(email), 1, seconds);
        await perAccount.delete(accountKey(email));
        return { ok: false, scope: 'account', waitMs: seconds * 1000 };
      }
    },
    async succeeded(email, ip) {
      await Promise.all([perEmailIp.delete(pairKey(email, ip)), perAccount.delete(accountKey(email)), perIp.reward(ipKey(ip), 1)]);
    },
    async unlock(email) {
      await Promise.all([lockedAccount.delete(accountKey(email)), perAccount.delete(accountKey(email)), accountLocks.delete(accountKey(email))]);
    },
  };
}
