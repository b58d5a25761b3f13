import { createLocalAudioTrack, createLocalVideoTrack, type LocalAudioTrack, type LocalVideoTrack } from 'livekit-client';
import { useEffect, useState } from 'react';

type PreviewKind = 'video' | 'audio';
type TrackOf<K extends PreviewKind> = K extends 'video' ? LocalVideoTrack : LocalAudioTrack;

/**
 * A local camera or microphone track for the pre-join preview, live only while `enabled`. Changing the device
 * starts a new track; every track is stopped when it is replaced, turned off or the page unmounts, so the
 * camera light goes out as soon as the person says so.
 */
export function usePreviewTrack<K extends PreviewKind>(
  kind: K,
  enabled: boolean,
  deviceId: string,
  onError: (err: unknown) => void,
): TrackOf<K> | null {
  const key = `${kind}:${enabled}:${deviceId}`;
  const [current, setCurrent] = useState<{ key: string; track: TrackOf<K> } | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    let track: TrackOf<K> | null = null;
    // A preferred (not exact) device: if it has gone, the browser picks another rather than failing.
    const options = deviceId ? { deviceId } : {};
    const create = (kind === 'video' ? createLocalVideoTrack(options) : createLocalAudioTrack(options)) as Promise<TrackOf<K>>;
    create.then(
      (t) => {
        if (cancelled) {
          t.stop();
          return;
        }
        track = t;
        setCurrent({ key: `${kind}:${enabled}:${deviceId}`, track: t });
      },
      (err: unknown) => {
        if (!cancelled) onError(err);
      },
    );
    return () => {
      cancelled = true;
      track?.stop();
    };
    // onError is a notification, not an input: a new callback must not restart the camera.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, enabled, deviceId]);

  return current && current.key === key ? current.track : null;
}
