import { hkdfSync } from 'node:crypto';

/** The length of a circle's media key: 256 bits, which livekit-client turns into AES-GCM keys with HKDF. */
export const CIRCLE_KEY_BYTES = 32;

/** Binds every key to its purpose and version, so the same secret can never yield a key for anything else. */
const SALT = 'redmug/circle-media-key/v1';
const PAIR_SALT = 'redmug/pair-media-key/v1';

export interface CircleKeys {
  /**
   * The media key of one circle at one epoch, derived rather than stored: every instance with the same secret
   * makes the same key, and nothing has to keep it. A different session or epoch gives an unrelated key.
   * CAUTION: the bytes are the circle's confidentiality. Only ever send them in an ack to one admitted socket —
   * never in a broadcast (the Redis streams adapter keeps broadcasts), a URL, a log line, the dedupe store or a table.
   */
  keyFor(sessionId: string, epoch: number): Buffer;
  /**
   * The media key of a matched pair's private room (the same for the match's whole life: only its two people are
   * ever let in). Unrelated to every circle key, whatever the ids. CAUTION as for `keyFor`: only ever in the
   * answer to one of the two.
   */
  pairKeyFor(matchId: string): Buffer;
}

/** Key derivation for circle media (HKDF-SHA256 over the dedicated E2EE secret, the session id and the epoch). */
export function createCircleKeys(secret: string): CircleKeys {
  if (secret.length < 32) throw new RangeError('The E2EE secret must be at least 32 characters');
  const ikm = Buffer.from(secret, 'utf8');
  const derive = (salt: string, id: string, epoch: number) => {
    if (!Number.isSafeInteger(epoch) || epoch < 0) throw new RangeError('An epoch is a whole number from 0');
    // Length-prefixed so that no pair of (id, epoch) can spell another's info string.
    const name = Buffer.from(id, 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(name.length);
    const info = Buffer.concat([len, name, Buffer.from(`:${epoch}`, 'utf8')]);
    return Buffer.from(hkdfSync('sha256', ikm, salt, info, CIRCLE_KEY_BYTES));
  };
  return {
    keyFor: (sessionId, epoch) => derive(SALT, sessionId, epoch),
    pairKeyFor: (matchId) => derive(PAIR_SALT, matchId, 0),
  };
}
