import '@livekit/components-styles';
import {
  ControlBar,
  GridLayout,
  isTrackReference,
  LiveKitRoom,
  ParticipantTile,
  RoomAudioRenderer,
  useTrackRefContext,
  useTracks,
  VideoTrack,
} from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { E2eeKeyGrant } from '../../../shared/schemas/live';
import type { PairRoomResponse } from '../../../shared/schemas/matching';
import { useStore } from '../store';
import { ErrorLine } from '../ui/ErrorLine';
import { canEncryptMedia, useEncryptedRoom } from '../media/mediaE2ee';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { enterPairRoom } from './matchingApi';
import { MatchingLayout } from './MatchingLayout';

/** Why the room cannot open in a browser that cannot encrypt: never unencrypted media. */
const PAIR_E2EE_UNSUPPORTED =
  'This browser cannot encrypt audio and video end to end, so the private room cannot open here. ' +
  'Please use a current version of Chrome, Edge, Firefox or Safari.';

/**
 * /support/matches/:id/room — the private video room of a matched caller and volunteer. Nothing is recorded;
 * tokens are short-lived and only the two people of an active match get one. Audio and video are end-to-end
 * encrypted with the room's key, which comes with the admission: LiveKit relays frames it cannot read.
 */
export function PairRoomPage() {
  const { id = '' } = useParams();
  const firstName = useStore((s) => s.user?.firstName ?? '');
  const [displayName, setDisplayName] = useState(firstName);
  const [admission, setAdmission] = useState<PairRoomResponse | null>(null);
  const { busy, error, run } = useAction();
  const [encryptable] = useState(canEncryptMedia);

  async function enter(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    await run(async () => setAdmission(await enterPairRoom(id, displayName)));
  }

  const media = admission?.media;
  return (
    <MatchingLayout title="Your private peer-support room">
      {media?.available && admission?.e2ee ? (
        <EncryptedPairRoom serverUrl={media.serverUrl} token={media.token} grant={admission.e2ee} yourName={displayName} onLeft={() => setAdmission(null)} />
      ) : (
        <form onSubmit={enter} noValidate className="card form">
          <p>Only you and your matched peer can enter. Nothing here is recorded, and audio and video are encrypted end to end.</p>
          {!encryptable && (
            <div role="alert" className="notice" data-testid="e2ee-unsupported">
              <p>{PAIR_E2EE_UNSUPPORTED}</p>
            </div>
          )}
          {media && !media.available && <ErrorLine message={media.message} />}
          <ErrorLine message={error} />
          <TextField id="pair-name" label="Your name in the room" value={displayName} onChange={setDisplayName} maxLength={40} />
          {encryptable && (
            <button type="submit" className="button primary" disabled={busy}>
              Enter the room
            </button>
          )}
          <p>
            <Link to="/support">Back to peer support</Link>
          </p>
        </form>
      )}
    </MatchingLayout>
  );
}

/**
 * The pair's room, encrypted: the key goes into the room's key provider and encryption is switched on before
 * anything connects, so no frame leaves or plays unencrypted.
 */
function EncryptedPairRoom(props: { serverUrl: string; token: string; grant: E2eeKeyGrant; yourName: string; onLeft: () => void }) {
  const { room, keys } = useEncryptedRoom({ adaptiveStream: true, dynacast: true });
  const { grant } = props;
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let active = true;
    void keys
      .setGrant(grant)
      .then(() => room.setE2EEEnabled(true))
      .then(() => active && setReady(true));
    return () => {
      active = false;
    };
  }, [room, keys, grant]);
  return (
    <LiveKitRoom room={room} serverUrl={props.serverUrl} token={props.token} connect={ready} audio video onDisconnected={props.onLeft} data-lk-theme="default" className="pair-room">
      {ready ? <PairStage yourName={props.yourName} /> : <p role="status">Encrypting the room…</p>}
      <RoomAudioRenderer />
      <ControlBar controls={{ chat: false, screenShare: false, leave: true }} />
    </LiveKitRoom>
  );
}

function PairStage({ yourName }: { yourName: string }) {
  const tracks = useTracks([{ source: Track.Source.Camera, withPlaceholder: true }], { onlySubscribed: false });
  return (
    <GridLayout tracks={tracks} style={{ height: '60vh' }}>
      <PairTile yourName={yourName} />
    </GridLayout>
  );
}

/**
 * LiveKit carries no names (identities are opaque), so the tile says who is who itself: your own name on yours,
 * "Your peer" on the other.
 */
function PairTile({ yourName }: { yourName: string }) {
  const trackRef = useTrackRefContext();
  const label = trackRef.participant.isLocal ? `${yourName.trim() || 'You'} (you)` : 'Your peer';
  return (
    <ParticipantTile>
      {isTrackReference(trackRef) && <VideoTrack trackRef={trackRef} />}
      <div className="lk-participant-metadata">
        <span className="lk-participant-name">{label}</span>
      </div>
    </ParticipantTile>
  );
}
