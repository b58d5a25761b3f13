import { createHash } from 'node:crypto';
import express, { Router } from 'express';
import { TokenVerifier, WebhookReceiver, type WebhookEvent } from 'livekit-server-sdk';
import { AppError } from '../http/errors';
import type { Logger } from '../log';
import type { Media } from './media';

/** LiveKit retries a failed delivery for a short while; anything older is a replay. */
export const WEBHOOK_MAX_AGE_MS = 10 * 60_000;

/**
 * LiveKit's webhooks arrive here, signed with our API secret. Anything unsigned, wrongly signed (the JWT carries
 * the body's sha256), stale or malformed is refused before it can change anything. Each event id is handled once:
 * a duplicate delivery is acknowledged and changes nothing. Attendance counting builds on the verified events.
 */
export function webhookRoutes(deps: {
  media: Media;
  log: Logger;
  /** Records an event id; false when it was seen before (a duplicate or replay). */
  firstDelivery?: (eventId: string) => Promise<boolean>;
  /** Forgets an event id whose processing failed, so LiveKit's next delivery of it is processed. */
  forgetDelivery?: (eventId: string) => Promise<void>;
  onEvent?: (event: WebhookEvent) => Promise<void>;
}) {
  const router = Router();
  router.post('/', express.raw({ type: () => true, limit: '64kb' }), async (req, res) => {
    const conn = deps.media.connection();
    if (!conn) throw new AppError(404, 'NOT_FOUND', 'media.webhook.notConfigured');
    const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const invalid = () => new AppError(401, 'UNAUTHENTICATED', 'media.webhook.badSignature');
    // The signature first, so a bad one is a 401 whatever the body; then the body, so a signed but broken one is a 400.
    const auth = req.get('authorization');
    if (!auth) throw invalid();
    try {
      const claims = await new TokenVerifier(conn.apiKey, conn.apiSecret).verify(auth);
      if (claims.sha256 !== createHash('sha256').update(body).digest('base64')) throw new Error('body hash');
    } catch {
      throw invalid();
    }
    let event: WebhookEvent;
    try {
      event = await new WebhookReceiver(conn.apiKey, conn.apiSecret).receive(body, auth);
    } catch {
      throw new AppError(400, 'VALIDATION_FAILED', 'media.webhook.badBody');
    }
    if (!event.id || !event.event) throw new AppError(400, 'VALIDATION_FAILED', 'media.webhook.noId');
    // Freshness is about transport, so it uses the real clock (as the JWT expiry does), not the app's clock.
    const age = Date.now() - Number(event.createdAt) * 1000;
    if (age > WEBHOOK_MAX_AGE_MS || age < -WEBHOOK_MAX_AGE_MS) throw new AppError(401, 'UNAUTHENTICATED', 'media.webhook.stale');
    if (deps.firstDelivery && !(await deps.firstDelivery(event.id))) {
      deps.log.debug('livekit.webhook_duplicate', { event: event.event });
      res.status(204).end();
      return;
    }
    deps.log.debug('livekit.webhook', { event: event.event });
    try {
      await deps.onEvent?.(event);
    } catch (err) {
      // Seen but not done: forgotten again, so the retry that our error answer asks for is processed.
      await deps.forgetDelivery?.(event.id).catch(() => undefined);
      throw err;
    }
    res.status(204).end();
  });
  return router;
}
