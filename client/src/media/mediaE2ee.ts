import { createKeyMaterialFromBuffer, ExternalE2EEKeyProvider, isE2EESupported, Room, type RoomOptions } from 'livekit-client';
import { useEffect, useRef, useState } from 'react';
import type { MessageId } from '../../../shared/i18n/catalog';
import type { E2eeKeyGrant } from '../../../shared/schemas/live';

/**
 * End-to-end encrypted media, shared by the circle and the matched pair's room: whether this browser can encrypt,
 * a key provider fed by epoch, and a Room that encrypts with it.
 */

/** What people read when their browser cannot encrypt audio and video end to end (in a circle): `t(E2EE_UNSUPPORTED)`. */
export const E2EE_UNSUPPORTED: MessageId = 'media.e2eeUnsupported';

/** Whether audio and video may be used here at all: never unencrypted. */
export function canEncryptMedia(): boolean {
  return isE2EESupported();
}

/**
 * livekit-client's shared-key provider, keyed by epoch: each epoch's key goes into its own slot of the key ring
 * (epoch modulo the ring's size), so frames still in flight under the previous key decrypt while everyone moves
 * on, and a removed person, who holds only older epochs, cannot read the new ones.
 */
export class MediaKeyProvider extends ExternalE2EEKeyProvider {
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

/**
 * One Room for the life of the calling component, encrypting with its own key provider and the SDK's worker
 * (bundled by Vite and served by us, no CDN). The worker is ended when the component goes for good, so each new
 * attempt ("Try again") does not leave one behind; a StrictMode remount, which comes straight after, keeps it.
 * Encryption still has to be switched on (`room.setE2EEEnabled(true)`) before connecting.
 */
export function useEncryptedRoom(options: Omit<RoomOptions, 'e2ee'>): { room: Room; keys: MediaKeyProvider } {
  const [made] = useState(() => {
    const keys = new MediaKeyProvider();
    const worker = new Worker(new URL('livekit-client/e2ee-worker', import.meta.url), { type: 'module' });
    return { keys, worker, room: new Room({ ...options, e2ee: { keyProvider: keys, worker } }) };
  });
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      setTimeout(() => {
        if (!mounted.current) made.worker.terminate();
      }, 0);
    };
  }, [made]);
  return { room: made.room, keys: made.keys };
}

function base64urlBytes(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}
