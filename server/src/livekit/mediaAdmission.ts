import type { JoinMedia } from '../../../shared/schemas/circles';
import { wordsNow } from '../live/wordsNow';
import { circleToken, type CircleTokenOptions } from './circleToken';
import type { Media } from './media';

/**
 * LiveKit connection details for one person in one room, or the plain reason media is unavailable: the one place
 * a token is made for a browser (opaque identity, short TTL, explicit grants, attributes set by the server).
 * Whom to let in, and whether with a microphone, is decided before (live/admission.ts).
 */
export async function mediaAdmission(opts: Omit<CircleTokenOptions, 'apiKey' | 'apiSecret'> & { media: Media; now: Date }): Promise<JoinMedia> {
  const conn = opts.media.connection();
  const status = await opts.media.status();
  // The status speaks the request's language already (media.ts); a bare "no" is worded in it too.
  if (!conn || !status.available) return { available: false, message: status.message ?? wordsNow()('media.unavailableShort') };
  const token = await circleToken({ apiKey: conn.apiKey, apiSecret: conn.apiSecret, ...opts });
  return { available: true, serverUrl: conn.url, token, expiresAt: new Date(opts.now.getTime() + opts.ttlSeconds * 1000).toISOString() };
}
