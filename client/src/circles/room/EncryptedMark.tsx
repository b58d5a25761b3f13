import { useRoomContext } from '@livekit/components-react';
import { RoomEvent, type Room } from 'livekit-client';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/useT';

/** Room events after which what the room receives, or how, may have changed. */
const EVENTS = [
  RoomEvent.TrackSubscribed,
  RoomEvent.TrackUnsubscribed,
  RoomEvent.TrackPublished,
  RoomEvent.TrackUnpublished,
  RoomEvent.ParticipantConnected,
  RoomEvent.ParticipantDisconnected,
  RoomEvent.ParticipantEncryptionStatusChanged,
] as const;

const LOCK = '🔒';

/** True while this room encrypts what it sends and every track it receives is encrypted. */
export function everyReceivedTrackEncrypted(room: Room): boolean {
  if (!room.isE2EEEnabled) return false;
  for (const p of room.remoteParticipants.values()) {
    for (const pub of p.trackPublications.values()) if (pub.track && !pub.isEncrypted) return false;
  }
  return true;
}

/**
 * The small "End-to-end encrypted" mark, shown only while it is true: our media is encrypted and every track we
 * receive is. `epoch` (the key's generation) is on the element for tests and support, never the key.
 */
export function EncryptedMark({ epoch }: { epoch: number | null }) {
  const t = useT();
  const room = useRoomContext();
  const [encrypted, setEncrypted] = useState(() => everyReceivedTrackEncrypted(room));

  useEffect(() => {
    const update = () => setEncrypted(everyReceivedTrackEncrypted(room));
    for (const e of EVENTS) room.on(e, update);
    update();
    return () => {
      for (const e of EVENTS) room.off(e, update);
    };
  }, [room]);

  if (!encrypted || epoch === null) return null;
  return (
    <p className="encrypted-mark" data-testid="e2ee-mark" data-epoch={epoch} title={t('circles.room.encryptedTitle')}>
      <span aria-hidden="true">{LOCK}</span> {t('circles.room.encrypted')}
    </p>
  );
}
