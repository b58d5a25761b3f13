import { useCallback, useState } from 'react';
import { shownDeviceId } from '../ui/DeviceSelect';
import { mediaErrorMessage } from '../ui/mediaErrorMessage';
import { useLocalDevices } from './useLocalDevices';
import { usePreviewTrack } from './usePreviewTrack';

/**
 * The camera ('video') or the microphone ('audio') on the pre-join page. Off until the person turns it on, so
 * nobody is seen or heard by surprise; while on, a live preview track. A device that will not start turns itself
 * off again and says why (until the next toggle). `deviceId` is what the picker shows and what the circle will
 * use: the person's pick, else the device the preview runs on, else the first listed.
 */
export function useDevicePreview<K extends 'video' | 'audio'>(kind: K, preferred = '') {
  const [on, setOn] = useState(false);
  // The device used last time on this device, if any; the picker still lists what is there now.
  const [chosen, choose] = useState(preferred);
  const [error, setError] = useState<string | null>(null);

  const onError = useCallback(
    (err: unknown) => {
      setOn(false);
      setError(mediaErrorMessage(kind === 'video' ? 'camera' : 'microphone', err));
    },
    [kind],
  );
  const track = usePreviewTrack(kind, on, chosen, onError);
  const devices = useLocalDevices(kind === 'video' ? 'videoinput' : 'audioinput', track);
  const deviceId = shownDeviceId(devices, chosen || (track?.mediaStreamTrack.getSettings().deviceId ?? ''));

  const toggle = useCallback(() => {
    setError(null);
    setOn((o) => !o);
  }, []);

  return { on, toggle, error, track, devices, deviceId, choose };
}
