import { useEffect, useState } from 'react';
import { E2eeKeyGrant } from '../../../../shared/schemas/live';
import { emitCommand } from '../../api/emitCommand';
import { useStore } from '../../store';
import { useCircleSocket } from '../live/LiveContext';
import type { MediaKeyProvider } from '../../media/mediaE2ee';

/** How long to wait before asking again after the server could not answer (reconnecting, or not yet rejoined). */
const RETRY_MS = 1_500;

/**
 * Keeps the circle's media key in `provider`: asked for over the signed-in socket once the person is in the live
 * circle (and again after every fresh join), and again whenever the server says the epoch moved on (a host
 * removed someone). The key lives only in the provider; the returned epoch is what the page shows about it.
 * `epoch` is null until the first key is set — the room must not connect before.
 */
export function useCircleKey(provider: MediaKeyProvider): { epoch: number | null } {
  const socket = useCircleSocket();
  // A new object on every join: a fresh join (after a connection lost with its state) fetches the key again.
  const you = useStore((s) => s.live.you);
  const [epoch, setEpoch] = useState<number | null>(provider.currentEpoch >= 0 ? provider.currentEpoch : null);

  useEffect(() => {
    if (!you) return;
    let active = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    // Any key will do on a fresh join (it is the current one); after a rekey signal, at least that epoch.
    let wanted = 0;

    async function fetchKey() {
      clearTimeout(retry);
      const ack = await emitCommand(socket, 'e2ee:key', {});
      if (!active) return;
      const grant = ack.ok ? E2eeKeyGrant.safeParse(ack.data) : null;
      if (grant?.success) {
        if (await provider.setGrant(grant.data)) {
          if (active) setEpoch(grant.data.epoch);
        }
        if (provider.currentEpoch >= wanted) return;
      }
      // Not answered, or older than the signal we had: ask again shortly (removed people are shown out meanwhile).
      if (active) retry = setTimeout(() => void fetchKey(), RETRY_MS);
    }
    const onRekey = ({ epoch: next }: { epoch: number }) => {
      if (next <= provider.currentEpoch) return;
      wanted = Math.max(wanted, next);
      void fetchKey();
    };
    socket.on('e2ee:rekey', onRekey);
    void fetchKey();
    return () => {
      active = false;
      clearTimeout(retry);
      socket.off('e2ee:rekey', onRekey);
    };
  }, [socket, provider, you]);

  return { epoch };
}
