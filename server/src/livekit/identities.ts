import { createHmac } from 'node:crypto';

/**
 * LiveKit sees only opaque names. A participant's identity is keyed to the person *and* the session, so
 * identities in LiveKit logs or webhooks cannot be joined across circles or back to an account without the
 * server's secret.
 */
function mac(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}\u0000${value}`).digest('base64url').slice(0, 22);
}

export function participantIdentity(secret: string, userId: string, sessionId: string): string {
  return `p_${mac(secret, 'identity', `${userId}\u0000${sessionId}`)}`;
}

export function roomNameFor(secret: string, sessionId: string): string {
  return `r_${mac(secret, 'room', sessionId)}`;
}
