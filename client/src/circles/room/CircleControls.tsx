import { useLocalParticipant, useMediaDeviceSelect, useTrackToggle } from '@livekit/components-react';
import { LocalVideoTrack, Track } from 'livekit-client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { BlurToggle } from '../../media/BlurToggle';
import { canChooseSpeaker, SpeakerTest } from '../../media/SpeakerTest';
import { useBackgroundBlur } from '../../media/useBackgroundBlur';
import { useStore } from '../../store';
import { DeviceSelect } from '../../ui/DeviceSelect';
import { mediaErrorMessage } from '../../ui/mediaErrorMessage';
import { ToggleButton } from '../../ui/ToggleButton';
import { selectMicBlocked } from '../live/liveSlice';
import { useT } from '../../i18n/useT';

type OnDeviceMessage = (message: string | null) => void;

/** Ctrl+D (⌘+D on a Mac) turns the microphone on and off, as in the common meeting apps (as aria-keyshortcuts spells it). */
const MUTE_SHORTCUT = 'Control+D Meta+D';

/**
 * Microphone and camera on/off, for the call toolbar. State is read from the room, never copied. The microphone
 * also answers to a shortcut, and each change by shortcut is read out (the button may be out of sight).
 */
export function MediaToggles({ onDeviceMessage }: { onDeviceMessage: OnDeviceMessage }) {
  const t = useT();
  const microphone = useToggle(Track.Source.Microphone, onDeviceMessage);
  const camera = useToggle(Track.Source.Camera, onDeviceMessage);
  // The host stopped this person from unmuting; LiveKit enforces it too, the button only says so.
  const micBlocked = useStore(selectMicBlocked);
  const [said, setSaid] = useState('');
  // The key listener stays put; it reads the microphone as it is when the key is pressed.
  const mic = useRef(microphone);
  useEffect(() => {
    mic.current = microphone;
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'd') {
        e.preventDefault();
        if (micBlocked) {
          setSaid(t('circles.media.unmuteBlockedSaid'));
          return;
        }
        setSaid(t(mic.current.on ? 'circles.media.micOffSaid' : 'circles.media.micOnSaid'));
        mic.current.onToggle();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [micBlocked, t]);

  return (
    <div className="media-toggles" role="group" aria-label={t('circles.media.group')}>
      <ToggleButton
        label={t('circles.media.microphone')}
        pressed={microphone.on}
        busy={microphone.busy}
        disabled={micBlocked}
        describedBy={micBlocked ? 'mic-blocked-note' : 'mute-shortcut'}
        keyShortcuts={MUTE_SHORTCUT}
        onToggle={microphone.onToggle}
      />
      <ToggleButton label={t('circles.media.camera')} pressed={camera.on} busy={camera.busy} onToggle={camera.onToggle} />
      <span id="mute-shortcut" className="visually-hidden">
        {t('circles.media.shortcut')}
      </span>
      {micBlocked && (
        <p id="mic-blocked-note" className="mic-blocked">
          {t('circles.media.unmuteBlocked')}
        </p>
      )}
      <p role="status" className="visually-hidden">
        {said}
      </p>
    </div>
  );
}

/**
 * Which camera, microphone and speaker the call uses (the speaker where the browser lets a page choose one, with a
 * test sound), and background blur. Lists ask for labels only once the device is on (permission already given):
 * never light a camera to list it.
 */
export function DeviceSettings({ onDeviceMessage, blur }: { onDeviceMessage: OnDeviceMessage; blur: BlurChoice }) {
  const { isMicrophoneEnabled, isCameraEnabled } = useLocalParticipant();
  const mics = useDevices('audioinput', isMicrophoneEnabled, onDeviceMessage);
  const cameras = useDevices('videoinput', isCameraEnabled, onDeviceMessage);
  const speakers = useDevices('audiooutput', isMicrophoneEnabled || isCameraEnabled, onDeviceMessage);
  const speakerChoice = canChooseSpeaker();
  const t = useT();
  return (
    <section className="card controls" aria-labelledby="devices-heading">
      <h2 id="devices-heading">{t('circles.media.devices')}</h2>
      <BlurToggle on={blur.on} onToggle={blur.onToggle} error={blur.error} />
      <div className="device-pickers">
        <DeviceSelect label={t('circles.media.microphone')} {...mics} defaultLabel={t('circles.media.defaultMicrophone')} />
        <DeviceSelect label={t('circles.media.camera')} {...cameras} defaultLabel={t('circles.media.defaultCamera')} />
        {speakerChoice && <DeviceSelect label={t('circles.media.speaker')} {...speakers} defaultLabel={t('circles.media.defaultSpeaker')} />}
      </div>
      <SpeakerTest speakerId={speakerChoice ? speakers.value : ''} />
    </section>
  );
}

/** The devices card, and below it why a device would not start (when one did not). */
export function DevicesCard({ onDeviceMessage, deviceMessage, blur }: { onDeviceMessage: OnDeviceMessage; deviceMessage: string | null; blur: BlurChoice }) {
  return (
    <>
      <DeviceSettings onDeviceMessage={onDeviceMessage} blur={blur} />
      {deviceMessage && (
        <p role="status" className="error device-message">
          {deviceMessage}
        </p>
      )}
    </>
  );
}

/** Whether this person's background is blurred in the call, and the way to change it. */
export interface BlurChoice {
  on: boolean;
  onToggle: () => void;
  error: string | null;
}

/**
 * Background blur in the call: starts as chosen before joining, applies to whatever camera track is published
 * (a new device or the camera turned back on stays blurred), and each change is remembered on this device.
 */
export function useCircleBlur(initial: boolean, remember: (on: boolean) => void): BlurChoice & { failed: (message: string) => void } {
  const [on, setOn] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  return {
    on,
    error,
    onToggle: () => {
      setError(null);
      remember(!on);
      setOn(!on);
    },
    failed: useCallback((message: string) => {
      setOn(false);
      setError(message);
    }, []),
  };
}

/** Inside the room: keeps the published camera blurred while `on`. Renders nothing. */
export function BlurredCamera({ on, onFailed }: { on: boolean; onFailed: (message: string) => void }) {
  const { cameraTrack } = useLocalParticipant();
  const track = cameraTrack?.track;
  useBackgroundBlur(track instanceof LocalVideoTrack ? track : null, on, onFailed);
  return null;
}

function useToggle(source: Track.Source.Microphone | Track.Source.Camera, onDeviceMessage: OnDeviceMessage) {
  const camera = source === Track.Source.Camera;
  const onError = useCallback(
    (e: Error) => onDeviceMessage(mediaErrorMessage(camera ? 'camera' : 'microphone', e)),
    [camera, onDeviceMessage],
  );
  const toggle = useTrackToggle({ source, onDeviceError: onError });
  return {
    on: toggle.enabled,
    busy: toggle.pending,
    onToggle: () => {
      onDeviceMessage(null);
      void toggle.toggle();
    },
  };
}

function useDevices(kind: MediaDeviceKind, permitted: boolean, onDeviceMessage: OnDeviceMessage) {
  const onError = useCallback((e: Error) => onDeviceMessage(mediaErrorMessage(kind === 'videoinput' ? 'camera' : 'microphone', e)), [kind, onDeviceMessage]);
  const select = useMediaDeviceSelect({ kind, requestPermissions: permitted, onError });
  return {
    devices: select.devices,
    value: select.activeDeviceId,
    onChange: (id: string) => void select.setActiveMediaDevice(id).catch(onError),
  };
}
