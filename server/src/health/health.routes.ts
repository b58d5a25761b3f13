import { Router, type Request } from 'express';
import type { Media } from '../livekit/media';
import type { Logger } from '../log';
import type { Db } from '../store/db';

type Check = 'ok' | 'unreachable' | 'not_configured';
export type Readiness = 'ready' | 'degraded' | 'not_ready';

/**
 * What readiness means. The store and Redis carry every circle: without either the instance cannot admit anyone,
 * so it is not ready (503) and the orchestrator may take it out. LiveKit carries only audio and video, and it is
 * shared by every instance: were its absence "not ready", an orchestrator would stop every app container at once
 * while circles could have carried on in text (the join route and the live circle say media is unavailable). So
 * LiveKit down is "ready, media degraded": 200.
 */
export function readiness(checks: { store: Check; redis: Check; livekit: Check }): Readiness {
  if (checks.store !== 'ok' || checks.redis === 'unreachable') return 'not_ready';
  return checks.livekit === 'unreachable' ? 'degraded' : 'ready';
}

const MESSAGES: Record<Readiness, string> = {
  ready: 'ready',
  degraded: 'ready, media degraded: LiveKit cannot be reached; circles carry on in text',
  not_ready: 'not ready',
};

/**
 * The checks are for operators only: a direct connection from this host (the container's health check, someone on
 * the machine) that no proxy forwarded. Anyone else — everything nginx passes on carries X-Forwarded-For — gets the
 * status word alone, never which dependency is down.
 */
function fromOperator(req: Request): boolean {
  const peer = req.socket.remoteAddress ?? '';
  const loopback = peer === '::1' || peer.startsWith('127.') || peer.startsWith('::ffff:127.');
  return loopback && req.get('x-forwarded-for') === undefined && req.get('forwarded') === undefined && req.get('x-real-ip') === undefined;
}

/** Liveness says the process answers; readiness says what it depends on answers too. */
export function healthRoutes(deps: { db: Db; media: Media; redisPing?: () => Promise<void>; log?: Logger }): Router {
  const router = Router();
  let last: Readiness | null = null;
  // Mounted at the root: a router.use here would reach every request, static assets included.
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const store: Check = await deps.db.ping().then(
      () => 'ok' as const,
      () => 'unreachable' as const,
    );
    const redis: Check = deps.redisPing
      ? await deps.redisPing().then(
          () => 'ok' as const,
          () => 'unreachable' as const,
        )
      : 'not_configured';
    const livekit: Check = deps.media.connection()
      ? (await deps.media.status()).available
        ? 'ok'
        : 'unreachable'
      : 'not_configured';
    const checks = { store, redis, livekit };
    const status = readiness(checks);
    // Operators who only read logs learn of a change once, with the details the public answer leaves out.
    if (status !== last) {
      if (last !== null || status !== 'ready') deps.log?.[status === 'ready' ? 'info' : 'warn']('health.readiness', { status, ...checks });
      last = status;
    }
    res.status(status === 'not_ready' ? 503 : 200).json(fromOperator(req) ? { status, message: MESSAGES[status], checks } : { status });
  });
  return router;
}
