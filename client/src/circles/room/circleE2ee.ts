import { createKeyMaterialFromBuffer, ExternalE2EEKeyProvider, isE2EESupported, type E2EEOptions } from 'livekit-client';
import type { E2eeKeyGrant } from '../../../../shared/schemas/live';

/** What people read when their browser cannot encrypt audio and video end to end. */
export const E2EE_UNSUPPORTED_MESSAGE =
  'This browser cannot join the circle with audio and video securely: it cannot encrypt them end to end. ' +
  'Please use a current version of Chrome, Edge, Firefox or Safari. You can still follow the circle here in text.';

/** Whether audio and video may be used here at all: never unencrypted. */
export function canEncryptMedia(): boolean {
  return isE2EESupported();
}

/**
 * livekit-client's shared-key provider, keyed by epoch: each epoch's key goes into its own slot of the key ring
 * (epoch modulo the ring's size), so frames still in flight under the previous key decrypt while everyone moves
 * on, and a removed person, who holds only older epochs, cannot read the new ones.
 */
export class CircleKeyProvider extends ExternalE2EEKeyProvider {
  private epoch = -1;

  /** Sets the key of a newer epoch (a late answer for an older one is ignored); true when it was set. */
  async setGrant(grant: E2eeKeyGrant): Promise<boolean> {
    if (grant.epoch <= this.epoch) return false;
    this.epoch = grant.epoch;
    // 32 random bytes as key material: the SDK derives its AES-GCM keys from them with HKDF.
    const material = await createKeyMaterialFromBuffer(base64urlBytes(grant.key).buffer as ArrayBuffer);
    this.onSetEncryptionKey(material, undefined, grant.epoch % this.getOptions().keyringSize);
    return true;
  }

  get currentEpoch(): number {
    return this.epoch;
  }
}

/** The Room's `e2ee` option: our key provider and the SDK's worker, bundled by Vite and served by us (no CDN). */
export function circleE2eeOptions(keyProvider: CircleKeyProvider): E2EEOptions {
  return {
    keyProvider,
    worker: new Worker(new URL('livekit-client/e2ee-worker', import.meta.url), { type: 'module' }),
  };
}

function base64urlBytes(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}
