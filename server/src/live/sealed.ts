import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Seals short texts that shared live state must keep for a running circle (a display name, a typed topic) before
 * they reach Redis: AES-256-GCM under a key derived from the app's secret, which Redis never holds. Redis, its
 * append-only file and its snapshots then hold ciphertext only; every instance (same secret) can open it.
 */
export interface Sealer {
  seal(text: string): string;
  /** The text, or null when the value was not sealed with this secret (or was altered). */
  open(sealed: string): string | null;
}

export function createSealer(secret: string, purpose = 'rm:live-seal'): Sealer {
  const key = createHmac('sha256', secret).update(purpose).digest();
  return {
    seal(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return `s1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    open(sealed) {
      if (!sealed.startsWith('s1.')) return null;
      const raw = Buffer.from(sealed.slice(3), 'base64url');
      if (raw.length < 28) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}

/** A keyed hash for Redis key names (rate limits, throttles): stable per value, meaningless without the secret. */
export function keyedHash(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}\u0000${value}`).digest('base64url').slice(0, 22);
}

/** How many values a `keyedHasher` remembers before it forgets them all at once. */
const HASHER_CACHE_SIZE = 50_000;

/**
 * `keyedHash` for one purpose, remembered per value: the same person's key at every command of theirs is made
 * once, not an HMAC per chat line. Bounded (a busy hour's people fit many times over), in this process only.
 */
export function keyedHasher(secret: string, purpose: string): (value: string) => string {
  const known = new Map<string, string>();
  return (value) => {
    let hash = known.get(value);
    if (hash === undefined) {
      if (known.size >= HASHER_CACHE_SIZE) known.clear();
      hash = keyedHash(secret, purpose, value);
      known.set(value, hash);
    }
    return hash;
  };
}
