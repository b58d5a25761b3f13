import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { keyedHash } from '../live/sealed';

/**
 * Slows password guessing two ways: consecutive failures for one email from one address (a person mistyping
 * gets a few tries), and all failures from one address (one machine trying many emails).
 */
export interface LoginThrottle {
  /** Milliseconds until the caller may try again, or 0 when not blocked. */
  blockedFor(email: string, ip: string): Promise<number>;
  recordFailure(email: string, ip: string): Promise<void>;
  recordSuccess(email: string, ip: string): Promise<void>;
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
  const perEmailIp = make({
    keyPrefix: 'login_email_ip',
    points: opts.maxFailures,
    duration: opts.blockMinutes * 60,
    blockDuration: opts.blockMinutes * 60,
  });
  const perIp = make({ keyPrefix: 'login_ip', points: opts.maxFailures * 20, duration: 3600, blockDuration: 3600 });
  const hide = (purpose: string, value: string) => (opts.secret === undefined ? value : keyedHash(opts.secret, purpose, value));
  const k = (email: string, ip: string) => hide('login-email-ip', `${email}|${ip}`);
  const ipKey = (ip: string) => hide('login-ip', ip);
  const wait = (res: RateLimiterRes | null, points: number) =>
    res && res.consumedPoints >= points ? Math.max(res.msBeforeNext, 1) : 0;

  return {
    async blockedFor(email, ip) {
      const [a, b] = await Promise.all([perEmailIp.get(k(email, ip)), perIp.get(ipKey(ip))]);
      return Math.max(wait(a, opts.maxFailures), wait(b, opts.maxFailures * 20));
    },
    async recordFailure(email, ip) {
      await Promise.all([perEmailIp.penalty(k(email, ip), 1), perIp.penalty(ipKey(ip), 1)]);
    },
    async recordSuccess(email, ip) {
      await perEmailIp.delete(k(email, ip));
    },
  };
}
