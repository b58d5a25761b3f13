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
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { PairRoomResponse } from '../../../shared/schemas/matching';
import { useStore } from '../store';
import { ErrorLine } from '../ui/ErrorLine';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { enterPairRoom } from './matchingApi';
import { MatchingLayout } from './MatchingLayout';

/**
 * /support/matches/:id/room — the private video room of a matched caller and volunteer. Nothing is recorded;
 * tokens are short-lived and only the two people of an active match get one.
 */
export function PairRoomPage() {
  const { id = '' } = useParams();
  const firstName = useStore((s) => s.user?.firstName ?? '');
  const [displayName, setDisplayName] = useState(firstName);
  const [admission, setAdmission] = useState<PairRoomResponse | null>(null);
  const { busy, error, run } = useAction();

  async function enter(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    await run(async () => setAdmission(await enterPairRoom(id, displayName)));
  }

  const media = admission?.media;
  return (
    <MatchingLayout title="Your private peer-support room">
      {media?.available ? (
        <LiveKitRoom serverUrl={media.serverUrl} token={media.token} connect audio video onDisconnected={() => setAdmission(null)} data-lk-theme="default" className="pair-room">
          <PairStage yourName={displayName} />
          <RoomAudioRenderer />
          <ControlBar controls={{ chat: false, screenShare: false, leave: true }} />
        </LiveKitRoom>
      ) : (
        <form onSubmit={enter} noValidate className="card form">
          <p>Only you and your matched peer can enter. Nothing here is recorded.</p>
          {media && !media.available && <ErrorLine message={media.message} />}
          <ErrorLine message={error} />
          <TextField id="pair-name" label="Your name in the room" value={displayName} onChange={setDisplayName} maxLength={40} />
          <button type="submit" className="button primary" disabled={busy}>
            Enter the room
          </button>
          <p>
            <Link to="/support">Back to peer support</Link>
          </p>
        </form>
      )}
    </MatchingLayout>
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
