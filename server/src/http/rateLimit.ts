import type { Request, RequestHandler } from 'express';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { keyedHasher } from '../live/sealed';
import { AppError } from './errors';

/** What a limit counts, as the callers name it; each reads in every language (`errors.tooMany`). */
const LIMITED = {
  'unsubscribe requests': 'unsubscribe',
  'calendar requests': 'calendar',
  'requests for a peer': 'peer',
  invites: 'invites',
} as const;
export type Limited = keyof typeof LIMITED;

export type MakeLimiter = (o: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract;

/**
 * A route's rate limit: `points` requests per `duration` seconds for each caller (the signed-in account where
 * there is one, else the address), counted under a keyed hash so a shared store (Redis) names nobody. Past it,
 * a 429 with Retry-After and words that say when to try again, in the request's language.
 */
export function rateLimit(o: {
  name: string;
  points: number;
  duration: number;
  secret: string;
  make?: MakeLimiter;
  /** What is being limited, as people would say it ("requests for a peer"); the message names it in the person's language. */
  what: Limited;
  /**
   * 'done' counts only what succeeded (a form sent back for a typo costs nothing; checked before, counted after);
   * 'all' counts every request, atomically, before it runs.
   */
  counts?: 'done' | 'all';
}): RequestHandler {
  const limiter = (o.make ?? ((x) => new RateLimiterMemory(x)))({ keyPrefix: `http_${o.name}`, points: o.points, duration: o.duration });
  const hash = keyedHasher(o.secret, `http-${o.name}`);
  const keyOf = (req: Request) => hash(req.user ? `u:${req.user.id}` : `ip:${req.ip ?? ''}`);
  const tooMany = (msBeforeNext: number, res: Parameters<RequestHandler>[1]) => {
    const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
    const minutes = Math.ceil(seconds / 60);
    res.set('Retry-After', String(seconds));
    return new AppError(429, 'TOO_MANY_REQUESTS', { id: 'errors.tooMany', values: { what: LIMITED[o.what], minutes } }, {
      data: { retryAfterSeconds: seconds },
    });
  };
  if (o.counts === 'done') {
    return (req, res, next) => {
      const key = keyOf(req);
      limiter.get(key).then((used) => {
        if (used && used.consumedPoints >= o.points) return next(tooMany(used.msBeforeNext, res));
        res.on('finish', () => {
          if (res.statusCode < 400) void limiter.penalty(key, 1).catch(() => undefined);
        });
        next();
      }, next);
    };
  }
  return (req, res, next) => {
    limiter.consume(keyOf(req), 1).then(
      () => next(),
      (err: unknown) => next(err instanceof RateLimiterRes ? tooMany(err.msBeforeNext, res) : err),
    );
  };
}
