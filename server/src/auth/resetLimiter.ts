import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { keyedHash } from '../live/sealed';

/**
 * How often "Forgot password?" may be asked: a few times an hour for one address (so nobody floods a person's inbox
 * or staff's list), and more from one network address (one machine trying many emails). Counted whether or not an
 * account uses the address, so being refused says nothing about who has one.
 */
export interface ResetLimiter {
  /** Counts one request; milliseconds until the next is allowed when over the limit, else 0. */
  take(email: string, ip: string): Promise<number>;
}

export const RESET_LIMITS = { perEmailPerHour: 3, perIpPerHour: 20 } as const;

export function createResetLimiter(opts: {
  /** Keys are keyed hashes (HMAC with this secret) of the email and the address, so Redis holds neither. */
  secret: string;
  make?: (o: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract;
}): ResetLimiter {
  const make = opts.make ?? ((o) => new RateLimiterMemory(o));
  const perEmail = make({ keyPrefix: 'reset_email', points: RESET_LIMITS.perEmailPerHour, duration: 3600 });
  const perIp = make({ keyPrefix: 'reset_ip', points: RESET_LIMITS.perIpPerHour, duration: 3600 });
  const refused = (err: unknown) => {
    if (err instanceof RateLimiterRes) return Math.max(err.msBeforeNext, 1);
    throw err;
  };
  return {
    async take(email, ip) {
      const [a, b] = await Promise.all([
        perEmail.consume(keyedHash(opts.secret, 'reset-email', email)).then(() => 0, refused),
        perIp.consume(keyedHash(opts.secret, 'reset-ip', ip)).then(() => 0, refused),
      ]);
      return Math.max(a, b);
    },
  };
}
