import {
  isTrackReference,
  useConnectionQualityIndicator,
  useIsMuted,
  useIsSpeaking,
  VideoTrack,
  type TrackReferenceOrPlaceholder,
} from '@livekit/components-react';
import { ConnectionQuality, Track } from 'livekit-client';
import { RedMugBadge } from '../../ui/RedMugBadge';
import { TileReactions } from '../live/TileReactions';
import { useRedMugBadge } from './useRedMugBadge';
import { useT } from '../../i18n/useT';

/**
 * One person in the circle: their camera or their initial, their name, the red mug if they wear it, a word when
 * their connection is weak, and the tile's own actions (pin someone; hide your self-view).
 */
export function CircleTile(props: { trackRef: TrackReferenceOrPlaceholder; name: string; pinned: boolean; onPin: (pinned: boolean) => void; onHideSelf: () => void }) {
  const t = useT();
  const { trackRef, pinned } = props;
  const participant = trackRef.participant;
  const shown = props.name;
  const { redMug } = useRedMugBadge(participant);
  const speaking = useIsSpeaking(participant);
  const cameraMuted = useIsMuted(trackRef);
  const micMuted = useIsMuted({ participant, source: Track.Source.Microphone });
  const showVideo = isTrackReference(trackRef) && !cameraMuted;
  const { quality } = useConnectionQualityIndicator({ participant });
  const weak = quality === ConnectionQuality.Poor || quality === ConnectionQuality.Lost;

  return (
    <div
      className={`tile${speaking ? ' speaking' : ''}${pinned ? ' pinned' : ''}`}
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
          {participant.isLocal && <span className="you">{t('circles.you')}</span>}
        </span>
        {redMug && <RedMugBadge />}
        {micMuted && <span className="tile-muted">{t('circles.tile.micOff')}</span>}
        {weak && <span className="tile-quality">{t(quality === ConnectionQuality.Lost ? 'circles.tile.connectionLost' : 'circles.tile.weakConnection')}</span>}
      </div>
      <div className="tile-actions">
        {participant.isLocal ? (
          <button type="button" className="tile-action" onClick={props.onHideSelf}>
            {t('circles.tile.hideSelf')}
          </button>
        ) : (
          <button type="button" className="tile-action" aria-pressed={pinned} aria-label={t('circles.tile.pinLabel', { name: shown })} onClick={() => props.onPin(!pinned)}>
            {t('circles.tile.pin')}
          </button>
        )}
      </div>
      <TileReactions identity={participant.identity} name={shown} />
    </div>
  );
}
