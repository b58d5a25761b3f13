import { useCallback, useState } from 'react';
import { useT } from '../i18n/useT';
import type { MediaChoices } from '../store';
import { DeviceSelect, shownDeviceId } from '../ui/DeviceSelect';
import type { Remembered } from '../ui/rememberedChoices';
import { BlurToggle } from './BlurToggle';
import { CameraPreview } from './CameraPreview';
import { DeviceControls } from './DeviceControls';
import { MicLevelMeter } from './MicLevelMeter';
import { canChooseSpeaker, SpeakerTest } from './SpeakerTest';
import { useBackgroundBlur } from './useBackgroundBlur';
import { useDevicePreview } from './useDevicePreview';
import { useLocalDevices } from './useLocalDevices';

/**
 * The state of a pre-join check (the circle's and the private room's): camera and microphone previews, the
 * speaker, background blur, all starting from what this person chose last time on this device.
 */
export function useMediaCheck(remembered: Remembered) {
  const camera = useDevicePreview('video', remembered.cameraDeviceId);
  const microphone = useDevicePreview('audio', remembered.microphoneDeviceId);
  const speakers = useLocalDevices('audiooutput', microphone.track);
  const [chosenSpeaker, chooseSpeaker] = useState(remembered.speakerDeviceId);
  const speakerId = shownDeviceId(speakers, chosenSpeaker);
  const [blur, setBlur] = useState(remembered.blurBackground);
  const [blurError, setBlurError] = useState<string | null>(null);
  const onBlurFailed = useCallback((message: string) => {
    setBlur(false);
    setBlurError(message);
  }, []);
  // The preview shows exactly what the others will see.
  useBackgroundBlur(camera.track, blur, onBlurFailed);

  return {
    camera,
    microphone,
    speakers,
    speakerId,
    chooseSpeaker,
    blur,
    blurError,
    toggleBlur: () => {
      setBlurError(null);
      setBlur((b) => !b);
    },
    /** What goes into the call (and is remembered), given the name chosen. */
    choices(displayName: string): MediaChoices {
      return {
        displayName,
        cameraEnabled: camera.on,
        microphoneEnabled: microphone.on,
        cameraDeviceId: camera.deviceId,
        microphoneDeviceId: microphone.deviceId,
        speakerDeviceId: speakerId,
        blurBackground: blur,
      };
    },
    /** Releases the preview devices before the call captures them again. */
    release() {
      camera.track?.stop();
      microphone.track?.stop();
    },
  };
}

export type MediaCheckState = ReturnType<typeof useMediaCheck>;

/** The "Camera and microphone" card: preview, on/off, blur, pickers, the level meter and the speaker test. */
export function MediaCheck({ check }: { check: MediaCheckState }) {
  const t = useT();
  const { camera, microphone } = check;
  const speakerChoice = canChooseSpeaker();
  return (
    <section className="card media-check" aria-labelledby="media-check-heading">
      <h2 id="media-check-heading">{t('media.check.heading')}</h2>
      <p className="hint">{t('media.check.hint')}</p>
      <CameraPreview track={camera.track} />
      <DeviceControls
        devices={[
          { device: 'camera', on: camera.on, onToggle: camera.toggle, devices: camera.devices, deviceId: camera.deviceId, onChoose: camera.choose },
          { device: 'microphone', on: microphone.on, onToggle: microphone.toggle, devices: microphone.devices, deviceId: microphone.deviceId, onChoose: microphone.choose },
        ]}
        extraToggles={<BlurToggle on={check.blur} onToggle={check.toggleBlur} error={check.blurError} />}
        extraPickers={
          speakerChoice && <DeviceSelect label={t('media.speaker')} devices={check.speakers} value={check.speakerId} onChange={check.chooseSpeaker} defaultLabel={t('media.defaultSpeaker')} />
        }
      >
        {(camera.error || microphone.error) && (
          <div role="status" className="device-errors">
            {camera.error && <p className="error">{camera.error}</p>}
            {microphone.error && <p className="error">{microphone.error}</p>}
          </div>
        )}
        <MicLevelMeter track={microphone.track} />
      </DeviceControls>
      <SpeakerTest speakerId={speakerChoice ? check.speakerId : ''} />
    </section>
  );
}
