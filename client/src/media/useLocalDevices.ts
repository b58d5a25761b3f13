import { Room } from 'livekit-client';
import { useEffect, useState } from 'react';

/**
 * The devices of one kind, via Room.getLocalDevices without asking for permission (so merely opening the page
 * never lights the camera). Labels appear once a preview track has been allowed: pass that track as `refreshKey`.
 */
export function useLocalDevices(kind: MediaDeviceKind, refreshKey: unknown): MediaDeviceInfo[] {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);

  useEffect(() => {
    let cancelled = false;
    const load = () => {
      Room.getLocalDevices(kind, false).then(
        (list) => {
          if (!cancelled) setDevices(list);
        },
        () => undefined,
      );
    };
    load();
    navigator.mediaDevices?.addEventListener('devicechange', load);
    return () => {
      cancelled = true;
      navigator.mediaDevices?.removeEventListener('devicechange', load);
    };
  }, [kind, refreshKey]);

  return devices;
}
