import express, { Router } from 'express';
import { WebhookReceiver, type WebhookEvent } from 'livekit-server-sdk';
import { AppError } from '../http/errors';
import type { Logger } from '../log';
import type { Media } from './media';

/**
 * LiveKit's webhooks arrive here, signed with our API secret. Anything unsigned, wrongly signed or malformed
 * is refused before it can change anything. (Attendance counting builds on the verified events.)
 */
export function webhookRoutes(deps: { media: Media; log: Logger; onEvent?: (event: WebhookEvent) => Promise<void> }) {
  const router = Router();
  router.post('/', express.raw({ type: () => true, limit: '64kb' }), async (req, res) => {
    const conn = deps.media.connection();
    if (!conn) throw new AppError(404, 'NOT_FOUND', 'LiveKit is not configured.');
    const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    let event;
    try {
      event = await new WebhookReceiver(conn.apiKey, conn.apiSecret).receive(body, req.get('authorization'));
    } catch {
      throw new AppError(401, 'UNAUTHENTICATED', 'The webhook signature is not valid.');
    }
    deps.log.debug('livekit.webhook', { event: event.event });
    await deps.onEvent?.(event);
    res.status(204).end();
  });
  return router;
}
