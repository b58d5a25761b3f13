import { useMediaDeviceSelect, useTrackToggle } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useCallback } from 'react';
import { selectMicBlocked } from '../live/liveSlice';
import { useStore } from '../../store';
import { DeviceSelect } from '../../ui/DeviceSelect';
import { mediaErrorMessage } from '../../ui/mediaErrorMessage';
import { ToggleButton } from '../../ui/ToggleButton';

/** Microphone and camera on/off and which device each uses. State is read from the room, never copied. */
export function CircleControls({ onDeviceMessage }: { onDeviceMessage: (message: string | null) => void }) {
  const onMicError = useCallback((e: Error) => onDeviceMessage(mediaErrorMessage('microphone', e)), [onDeviceMessage]);
  const onCameraError = useCallback((e: Error) => onDeviceMessage(mediaErrorMessage('camera', e)), [onDeviceMessage]);
  const mic = useTrackToggle({ source: Track.Source.Microphone, onDeviceError: onMicError });
  const camera = useTrackToggle({ source: Track.Source.Camera, onDeviceError: onCameraError });
  // Ask for labels only once the device is on (permission already given): never light a camera just to list it.
  const micSelect = useMediaDeviceSelect({ kind: 'audioinput', requestPermissions: mic.enabled, onError: onMicError });
  const cameraSelect = useMediaDeviceSelect({ kind: 'videoinput', requestPermissions: camera.enabled, onError: onCameraError });
  // The host stopped this person from unmuting; LiveKit enforces it too, the button only says so.
  const micBlocked = useStore(selectMicBlocked);

  return (
    <section className="card controls" aria-labelledby="controls-heading">
      <h2 id="controls-heading" className="visually-hidden">
        Your microphone and camera
      </h2>
      <div className="toggles">
        <ToggleButton
          label="Microphone"
          pressed={mic.enabled}
          busy={mic.pending}
          disabled={micBlocked}
          describedBy={micBlocked ? 'mic-blocked-note' : undefined}
          onToggle={() => {
            onDeviceMessage(null);
            void mic.toggle();
          }}
        />
        <ToggleButton
          label="Camera"
          pressed={camera.enabled}
          busy={camera.pending}
          onToggle={() => {
            onDeviceMessage(null);
            void camera.toggle();
          }}
        />
      </div>
      {micBlocked && (
        <p id="mic-blocked-note" className="mic-blocked">
          The host has turned off unmuting
        </p>
      )}
      <div className="device-pickers">
        <DeviceSelect
          label="Microphone"
          devices={micSelect.devices}
          value={micSelect.activeDeviceId}
          onChange={(id) => void micSelect.setActiveMediaDevice(id).catch(onMicError)}
          defaultLabel="Default microphone"
        />
        <DeviceSelect
          label="Camera"
          devices={cameraSelect.devices}
          value={cameraSelect.activeDeviceId}
          onChange={(id) => void cameraSelect.setActiveMediaDevice(id).catch(onCameraError)}
          defaultLabel="Default camera"
        />
      </div>
    </section>
  );
}
