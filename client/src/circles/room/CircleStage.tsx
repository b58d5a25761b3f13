import { useTracks } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { CircleTile } from './CircleTile';

/** Everyone's tile, one per participant: a placeholder stands in for anyone with their camera off. */
export function CircleStage() {
  const tracks = useTracks([{ source: Track.Source.Camera, withPlaceholder: true }], { onlySubscribed: false });
  return (
    <section className="stage" aria-label="Video">
      <div className="tile-grid" data-count={Math.min(tracks.length, 9)}>
        {tracks.map((t) => (
          <CircleTile key={t.participant.identity} trackRef={t} />
        ))}
      </div>
    </section>
  );
}
