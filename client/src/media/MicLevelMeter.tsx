import type { LocalAudioTrack } from 'livekit-client';
import { useT } from '../i18n/useT';
import { useMicLevel } from './useMicLevel';

/** A bar that moves with the voice, so people know they can be heard before they go in. */
export function MicLevelMeter({ track }: { track: LocalAudioTrack | null }) {
  const t = useT();
  const level = useMicLevel(track);
  return (
    <div className="mic-meter-row">
      <span className="mic-meter-label" aria-hidden="true">
        {t('media.level.visible')}
      </span>
      <div
        className="mic-meter"
        role="meter"
        aria-label={t('media.level.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={level}
        aria-valuetext={track ? t('media.level.value', { level }) : t('media.level.off')}
      >
        <div className="mic-meter-fill" style={{ width: `${level}%` }} />
      </div>
    </div>
  );
}
