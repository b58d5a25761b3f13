import { useSequentialRoomConnectDisconnect } from '@livekit/components-react';
import { RoomEvent, type DisconnectReason, type Room } from 'livekit-client';
import { useEffect, useState } from 'react';
import type { MediaChoices } from '../../store';
import type { MessageId } from '../../../../shared/i18n/catalog';
import { useT } from '../../i18n/useT';
import { mediaErrorMessage } from '../../ui/mediaErrorMessage';
import { CONNECT_FAILED_MESSAGE, disconnectMessage } from './disconnectMessage';

export type ConnectionPhase = { phase: 'connecting' } | { phase: 'connected' } | { phase: 'failed'; message: string };

/** The phase as kept: a failure by its message id, put into words as it is shown (so a change of language shows). */
type Phase = { phase: 'connecting' } | { phase: 'connected' } | { phase: 'failed'; reason: MessageId };

/**
 * Connects `room` while the component is mounted and disconnects on unmount, through components-react's
 * useSequentialRoomConnectDisconnect: it queues the two so a quick remount (React StrictMode) never overlaps them.
 * After connecting, the camera and microphone are turned on as chosen on the pre-join page. A failed connect or an
 * unexpected disconnect becomes a `failed` phase with a message for people, rather than an endless spinner.
 * Media is end-to-end encrypted: nothing connects until `keyReady` (the circle's key is in the room's key
 * provider), and encryption is switched on before connecting, so no frame ever leaves or plays unencrypted.
 */
export function useRoomConnection(
  room: Room,
  serverUrl: string,
  token: string,
  choices: Pick<MediaChoices, 'cameraEnabled' | 'microphoneEnabled'>,
  keyReady: boolean,
): { connection: ConnectionPhase; deviceMessage: string | null; setDeviceMessage: (m: string | null) => void } {
  const t = useT();
  const [phase, setConnection] = useState<Phase>({ phase: 'connecting' });
  const [deviceMessage, setDeviceMessage] = useState<string | null>(null);
  const { connect, disconnect } = useSequentialRoomConnectDisconnect(room);
  const { cameraEnabled, microphoneEnabled } = choices;

  useEffect(() => {
    if (!keyReady) return;
    let active = true;
    let connected = false;
    const onDisconnected = (reason?: DisconnectReason) => {
      // Our own leave or unmount is not a failure; a failed connect reports through its rejection instead.
      if (!active || !connected) return;
      setConnection({ phase: 'failed', reason: disconnectMessage(reason) });
    };
    room.on(RoomEvent.Disconnected, onDisconnected);

    room
      .setE2EEEnabled(true)
      .then(() => connect(serverUrl, token))
      .then(
      async () => {
        if (!active) return;
        connected = true;
        setConnection({ phase: 'connected' });
        await enableChosenMedia(room, cameraEnabled, microphoneEnabled, setDeviceMessage);
      },
      () => {
        if (active) setConnection({ phase: 'failed', reason: CONNECT_FAILED_MESSAGE });
      },
    );

    return () => {
      active = false;
      room.off(RoomEvent.Disconnected, onDisconnected);
      // Queued behind a connect still under way, never racing it; there is nobody left to tell if it fails.
      disconnect().catch(() => undefined);
    };
  }, [room, connect, disconnect, serverUrl, token, cameraEnabled, microphoneEnabled, keyReady]);

  const connection: ConnectionPhase = phase.phase === 'failed' ? { phase: 'failed', message: t(phase.reason) } : phase;
  return { connection, deviceMessage, setDeviceMessage };
}

async function enableChosenMedia(
  room: Room,
  camera: boolean,
  microphone: boolean,
  report: (message: string) => void,
): Promise<void> {
  const lp = room.localParticipant;
  try {
    // One permission prompt for both when both are wanted.
    if (camera && microphone) await lp.enableCameraAndMicrophone();
    else if (camera) await lp.setCameraEnabled(true);
    else if (microphone) await lp.setMicrophoneEnabled(true);
  } catch (err) {
    report(mediaErrorMessage(camera ? 'camera' : 'microphone', err));
  }
}
