import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { redisLimiter, type RedisClient } from '../redis';
import type { MessageId } from '../../../shared/i18n/catalog';
import { keyedHasher } from './sealed';

/** Per-user budgets per command family, per window of `seconds`. Generous for people, tight for scripts. */
const BUDGETS = {
  chat: { points: 8, seconds: 10 },
  reaction: { points: 15, seconds: 10 },
  hand: { points: 12, seconds: 10 },
  moderation: { points: 30, seconds: 10 },
  join: { points: 10, seconds: 10 },
  // Knocking at a locked circle: a few tries in ten minutes, so nobody can ring a host's bell over and over.
  knock: { points: 4, seconds: 600 },
  other: { points: 30, seconds: 10 },
} as const;
export type Budget = keyof typeof BUDGETS;

/** What someone over a budget is told: when they may try again, in the budget's own terms. */
export function overBudgetMessage(budget: Budget): MessageId {
  if (budget === 'knock') return 'live.rate.knock';
  return 'live.rate.tooOften';
}

export interface CommandLimiter {
  /** Resolves true when the user may go ahead, false when over budget. */
  take(budget: Budget, userId: string): Promise<boolean>;
}

/**
 * Counted per person under a keyed hash of the account id (`secret` is the app's), so limiter keys in Redis name
 * nobody.
 */
export function createCommandLimiter(secret: string, redis?: RedisClient): CommandLimiter {
  const limiters = new Map<Budget, RateLimiterAbstract>();
  const keyOf = keyedHasher(secret, 'rate-limit');

  for (const [name, b] of Object.entries(BUDGETS) as Array<[Budget, (typeof BUDGETS)[Budget]]>) {
    const opts = { keyPrefix: `rm:rl:${name}`, points: b.points, duration: b.seconds };
    limiters.set(name, redis ? redisLimiter(redis, opts) : new RateLimiterMemory(opts));
  }
  return {
    async take(budget, userId) {
      try {
        await limiters.get(budget)!.consume(keyOf(userId));
        return true;
      } catch (err) {
        if (err instanceof RateLimiterRes) return false;
        throw err;
      }
    },
  };
}
