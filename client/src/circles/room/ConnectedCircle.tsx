import { Connecting } from '../../ui/Connecting';
import { RoomAudioRenderer, RoomContext, useAudioPlayback, useConnectionState } from '@livekit/components-react';
import { ConnectionState } from 'livekit-client';
import { useState } from 'react';
import { useStore, type Admission } from '../../store';
import { useEncryptedRoom } from '../../media/mediaE2ee';
import { LiveCircleLayout } from '../live/LiveCircleLayout';
import { rememberChoice } from '../../ui/rememberedChoices';
import { BlurredCamera, DevicesCard, MediaToggles, useCircleBlur } from './CircleControls';
import { CircleHeader } from './CircleHeader';
import { CircleStage } from './CircleStage';
import { EncryptedMark } from './EncryptedMark';
import { MediaUnavailableNotice } from './MediaUnavailableNotice';
import { useCircleKey } from './useCircleKey';
import { useRoomConnection } from './useRoomConnection';
import { useT } from '../../i18n/useT';

/**
 * The circle with audio and video: one Room for the life of this component (a fresh admission remounts it),
 * connected in an effect, and everything below reads it through RoomContext. Audio and video are end-to-end
 * encrypted with the circle's key, which comes over the live circle's socket (never in a URL or the token).
 */
export function ConnectedCircle(props: {
  admission: Admission;
  serverUrl: string;
  token: string;
  onLeave: () => void;
  onRetry: () => void;
  retrying: boolean;
  retryError: string | null;
}) {
  const t = useT();
  const { admission, serverUrl, token } = props;
  const { choices } = admission;
  // One Room per mount: choices are fixed for an admission.
  const { room, keys: keyProvider } = useEncryptedRoom({
    adaptiveStream: true,
    dynacast: true,
    // The devices picked on the pre-join page; an empty id leaves the choice to the browser.
    videoCaptureDefaults: choices.cameraDeviceId ? { deviceId: choices.cameraDeviceId } : undefined,
    audioCaptureDefaults: choices.microphoneDeviceId ? { deviceId: choices.microphoneDeviceId } : undefined,
    audioOutput: choices.speakerDeviceId ? { deviceId: choices.speakerDeviceId } : undefined,
  });
  const userId = useStore((s) => s.user?.id ?? '');
  const blur = useCircleBlur(choices.blurBackground, (on) => rememberChoice(userId, { blurBackground: on }));
  const { epoch } = useCircleKey(keyProvider);
  const joinError = useStore((s) => s.live.joinError);
  const roomConnection = useRoomConnection(room, serverUrl, token, choices, epoch !== null);
  const { deviceMessage, setDeviceMessage } = roomConnection;
  // While the live circle could not be joined, there is no key, so no media either: said plainly.
  const connection = epoch === null && joinError ? { phase: 'failed' as const, message: t('circles.unavailable.noKey', { reason: joinError }) } : roomConnection.connection;
  const [leaving, setLeaving] = useState(false);

  async function leave() {
    setLeaving(true);
    // Straight to the room, not queued behind a connect still under way: leaving stops that attempt at once.
    await room.disconnect().catch(() => undefined);
    props.onLeave();
  }

  return (
    <RoomContext.Provider value={room}>
      <CircleHeader session={admission.response.session} />
      {connection.phase === 'connected' && (
        <>
          <EncryptedMark epoch={epoch} />
          <ConnectionStatus />
          <AudioPlaybackPrompt />
          <RoomAudioRenderer />
          <BlurredCamera on={blur.on} onFailed={blur.failed} />
        </>
      )}
      <LiveCircleLayout
        stage={
          connection.phase === 'connected' ? (
            <CircleStage />
          ) : connection.phase === 'connecting' ? (
            <Connecting>{t('circles.room.connecting')}</Connecting>
          ) : (
            <MediaUnavailableNotice
              message={connection.message}
              onRetry={props.onRetry}
              retrying={props.retrying}
              retryError={props.retryError}
            />
          )
        }
        media={connection.phase === 'connected' && <MediaToggles onDeviceMessage={setDeviceMessage} />}
        devices={connection.phase === 'connected' && <DevicesCard onDeviceMessage={setDeviceMessage} deviceMessage={deviceMessage} blur={blur} />}
        onLeave={() => void leave()}
        leaving={leaving}
      />
    </RoomContext.Provider>
  );
}

/** Says so while the connection is being re-established, rather than leaving frozen video unexplained. */
function ConnectionStatus() {
  const t = useT();
  const state = useConnectionState();
  const text =
    state === ConnectionState.Reconnecting || state === ConnectionState.SignalReconnecting
      ? t('circles.room.reconnecting')
      : '';
  return (
    <p role="status" className={text ? 'reconnecting' : 'visually-hidden'}>
      {text}
    </p>
  );
}

/** Browsers may hold back sound until the person interacts with the page; offer the click that lets it play. */
function AudioPlaybackPrompt() {
  const t = useT();
  const { canPlayAudio, startAudio } = useAudioPlayback();
  if (canPlayAudio) return null;
  return (
    <p className="audio-prompt">
      {t.rich('circles.room.soundPaused', {
        button: (
          <button key="sound" type="button" className="button primary" onClick={() => void startAudio()}>
            {t('circles.room.turnOnSound')}
          </button>
        ),
      })}
    </p>
  );
}
