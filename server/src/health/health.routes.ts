import { Router } from 'express';
import type { Media } from '../livekit/media';
import type { Db } from '../store/db';

type Check = 'ok' | 'unreachable' | 'not_configured';

/** Liveness says the process answers; readiness says what it depends on answers too. */
export function healthRoutes(deps: { db: Db; media: Media; redisPing?: () => Promise<void> }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
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
    const ready = store === 'ok' && redis !== 'unreachable' && livekit !== 'unreachable';
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', checks: { store, redis, livekit } });
  });
  return router;
}
