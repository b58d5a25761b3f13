import { createHash, randomUUID } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';

export const WEBHOOK_KEY = 'test-webhook-key';
export const WEBHOOK_SECRET = 'test-webhook-secret-0123456789abcdef0123';

/** A LiveKit webhook body in its JSON wire form; `createdAt` in seconds. */
export function webhookEvent(
  event: 'participant_joined' | 'participant_left' | 'room_finished',
  opts: { room: string; identity?: string; sid?: string; joinedAt?: number; createdAt?: number; id?: string },
): string {
  const now = Math.floor(Date.now() / 1000);
  return JSON.stringify({
    event,
    id: opts.id ?? `EV_${randomUUID()}`,
    createdAt: String(opts.createdAt ?? now),
    room: { sid: 'RM_test', name: opts.room },
    ...(opts.identity
      ? { participant: { sid: opts.sid ?? 'PA_test', identity: opts.identity, joinedAt: String(opts.joinedAt ?? now), state: 'ACTIVE' } }
      : {}),
  });
}

/** Signs a body the way livekit-server does: a JWT from the API key and secret whose `sha256` claim is the body's hash. */
export async function signWebhook(body: string, secret = WEBHOOK_SECRET, key = WEBHOOK_KEY): Promise<string> {
  const token = new AccessToken(key, secret);
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return token.toJwt();
}

export async function postWebhook(baseUrl: string, body: string, authorization?: string): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/webhook+json' };
  if (authorization !== undefined) headers.authorization = authorization;
  const res = await fetch(`${baseUrl}/api/livekit/webhook`, { method: 'POST', headers, body });
  await res.body?.cancel();
  return res.status;
}
