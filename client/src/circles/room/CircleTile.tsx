import {
  isTrackReference,
  useIsMuted,
  useIsSpeaking,
  VideoTrack,
  type TrackReferenceOrPlaceholder,
} from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useStore } from '../../store';
import { RedMugBadge } from '../../ui/RedMugBadge';
import { TileReactions } from '../live/TileReactions';
import { participantName } from './participantName';
import { useRedMugBadge } from './useRedMugBadge';

/** One person in the circle: their camera or their initial, their name, and the red mug if they wear it. */
export function CircleTile({ trackRef }: { trackRef: TrackReferenceOrPlaceholder }) {
  const participant = trackRef.participant;
  // The name from the live circle's participant list, by the opaque identity LiveKit knows.
  const shown = useStore((s) => participantName(s.live.participants, participant.identity));
  const { redMug } = useRedMugBadge(participant);
  const speaking = useIsSpeaking(participant);
  const cameraMuted = useIsMuted(trackRef);
  const micMuted = useIsMuted({ participant, source: Track.Source.Microphone });
  const showVideo = isTrackReference(trackRef) && !cameraMuted;

  return (
    <div
      className={`tile${speaking ? ' speaking' : ''}`}
      data-testid="participant-tile"
      data-local={participant.isLocal ? 'true' : 'false'}
      data-identity={participant.identity}
    >
      {showVideo ? (
        <VideoTrack trackRef={trackRef} className="tile-video" aria-hidden="true" />
      ) : (
        <div className="tile-placeholder" aria-hidden="true">
          <span>{shown.charAt(0).toUpperCase()}</span>
        </div>
      )}
      <div className="tile-label">
        <span className="tile-name">
          {shown}
          {participant.isLocal && <span className="you"> (you)</span>}
        </span>
        {redMug && <RedMugBadge />}
        {micMuted && <span className="tile-muted">Mic off</span>}
      </div>
      <TileReactions identity={participant.identity} name={shown} />
    </div>
  );
}
