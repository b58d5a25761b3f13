import type { LocalAudioTrack } from 'livekit-client';
import { useMicLevel } from './useMicLevel';

/** A bar that moves with the voice, so people know they can be heard before they go in. */
export function MicLevelMeter({ track }: { track: LocalAudioTrack | null }) {
  const level = useMicLevel(track);
  return (
    <div className="mic-meter-row">
      <span className="mic-meter-label" aria-hidden="true">
        Level
      </span>
      <div
        className="mic-meter"
        role="meter"
        aria-label="Microphone level"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={level}
        aria-valuetext={track ? `${level} percent` : 'Microphone is off'}
      >
        <div className="mic-meter-fill" style={{ width: `${level}%` }} />
      </div>
    </div>
  );
}
