import { useTracks } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useState } from 'react';
import { CircleTile } from './CircleTile';

/**
 * Everyone's tile, one per participant: a placeholder stands in for anyone with their camera off. Anyone can pin
 * one person (their tile fills the first row) and hide their own self-view (others still see them); both are this
 * screen's choice only.
 */
export function CircleStage() {
  const tracks = useTracks([{ source: Track.Source.Camera, withPlaceholder: true }], { onlySubscribed: false });
  const [pinned, setPinned] = useState<string | null>(null);
  const [selfHidden, setSelfHidden] = useState(false);
  const shown = tracks.filter((t) => !(selfHidden && t.participant.isLocal));
  const present = pinned !== null && shown.some((t) => t.participant.identity === pinned);
  return (
    <section className="stage" aria-label="Video">
      <div className="tile-grid" data-count={Math.min(shown.length, 9)}>
        {shown.map((t) => (
          <CircleTile
            key={t.participant.identity}
            trackRef={t}
            pinned={present && t.participant.identity === pinned}
            onPin={(on) => setPinned(on ? t.participant.identity : null)}
            onHideSelf={() => setSelfHidden(true)}
          />
        ))}
      </div>
      {selfHidden && (
        <p className="self-hidden">
          Your self-view is hidden; the others still see you.
          <button type="button" className="button secondary" onClick={() => setSelfHidden(false)}>
            Show self-view
          </button>
        </p>
      )}
    </section>
  );
}
