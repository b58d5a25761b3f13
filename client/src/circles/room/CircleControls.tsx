import { useMediaDeviceSelect, useTrackToggle } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useCallback } from 'react';
import { useStore } from '../../store';
import { mediaErrorMessage } from '../../ui/mediaErrorMessage';
import { DeviceControls, type DeviceControl } from '../DeviceControls';
import { selectMicBlocked } from '../live/liveSlice';

type OnDeviceMessage = (message: string | null) => void;

/** Microphone and camera on/off and which device each uses. State is read from the room, never copied. */
export function CircleControls({ onDeviceMessage }: { onDeviceMessage: OnDeviceMessage }) {
  const microphone = useRoomDevice(Track.Source.Microphone, onDeviceMessage);
  const camera = useRoomDevice(Track.Source.Camera, onDeviceMessage);
  // The host stopped this person from unmuting; LiveKit enforces it too, the button only says so.
  const micBlocked = useStore(selectMicBlocked);

  return (
    <section className="card controls" aria-labelledby="controls-heading">
      <h2 id="controls-heading" className="visually-hidden">
        Your microphone and camera
      </h2>
      <DeviceControls
        devices={[
          { label: 'Microphone', ...microphone, disabled: micBlocked, describedBy: micBlocked ? 'mic-blocked-note' : undefined },
          { label: 'Camera', ...camera },
        ]}
      >
        {micBlocked && (
          <p id="mic-blocked-note" className="mic-blocked">
            The host has turned off unmuting
          </p>
        )}
      </DeviceControls>
    </section>
  );
}

/** One of the room's own devices: published or not, and which one, with failures told to the person. */
function useRoomDevice(
  source: Track.Source.Microphone | Track.Source.Camera,
  onDeviceMessage: OnDeviceMessage,
): Omit<DeviceControl, 'label'> {
  const camera = source === Track.Source.Camera;
  const onError = useCallback(
    (e: Error) => onDeviceMessage(mediaErrorMessage(camera ? 'camera' : 'microphone', e)),
    [camera, onDeviceMessage],
  );
  const toggle = useTrackToggle({ source, onDeviceError: onError });
  // Ask for labels only once the device is on (permission already given): never light a camera just to list it.
  const select = useMediaDeviceSelect({ kind: camera ? 'videoinput' : 'audioinput', requestPermissions: toggle.enabled, onError });
  return {
    on: toggle.enabled,
    busy: toggle.pending,
    onToggle: () => {
      onDeviceMessage(null);
      void toggle.toggle();
    },
    devices: select.devices,
    deviceId: select.activeDeviceId,
    onChoose: (id) => void select.setActiveMediaDevice(id).catch(onError),
  };
}
