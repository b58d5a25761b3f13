import { useTracks } from '@livekit/components-react';
import { Track, type Participant } from 'livekit-client';
import { useState } from 'react';
import { useStore } from '../../store';
import { CircleTile } from './CircleTile';
import { participantName } from './participantName';
import { useT } from '../../i18n/useT';

/**
 * Everyone's tile, one per participant: a placeholder stands in for anyone with their camera off. Anyone can pin
 * one person (their tile fills the first row) and hide their own self-view (others still see them); both are this
 * screen's choice only. `nameOf` says who each tile is; by default, the live circle's list does.
 */
export function CircleStage({ nameOf }: { nameOf?: (participant: Participant) => string }) {
  // A circle names people from its live participant list (LiveKit carries no names); a pair room says who is who.
  const t = useT();
  const participants = useStore((s) => s.live.participants);
  const name = nameOf ?? ((p: Participant) => participantName(participants, p.identity) ?? t('circles.guest'));
  const tracks = useTracks([{ source: Track.Source.Camera, withPlaceholder: true }], { onlySubscribed: false });
  const [pinned, setPinned] = useState<string | null>(null);
  const [selfHidden, setSelfHidden] = useState(false);
  const shown = tracks.filter((t) => !(selfHidden && t.participant.isLocal));
  const present = pinned !== null && shown.some((t) => t.participant.identity === pinned);
  return (
    <section className="stage" aria-label={t('circles.room.video')}>
      <div className="tile-grid" data-count={Math.min(shown.length, 9)}>
        {shown.map((t) => (
          <CircleTile
            key={t.participant.identity}
            trackRef={t}
            name={name(t.participant)}
            pinned={present && t.participant.identity === pinned}
            onPin={(on) => setPinned(on ? t.participant.identity : null)}
            onHideSelf={() => setSelfHidden(true)}
          />
        ))}
      </div>
      {selfHidden && (
        <p className="self-hidden">
          {t('circles.room.selfHidden')}
          <button type="button" className="button secondary" onClick={() => setSelfHidden(false)}>
            {t('circles.room.showSelf')}
          </button>
        </p>
      )}
    </section>
  );
}
