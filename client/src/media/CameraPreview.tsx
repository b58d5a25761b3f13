import type { LocalVideoTrack } from 'livekit-client';
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/useT';

/** The local camera, mirrored like a looking glass; a calm placeholder while it is off. */
export function CameraPreview({ track }: { track: LocalVideoTrack | null }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    const el = video.current;
    if (!track || !el) return;
    track.attach(el);
    return () => {
      track.detach(el);
    };
  }, [track]);

  return (
    <div className="camera-preview">
      {track ? (
        <video ref={video} className="mirrored" muted playsInline autoPlay aria-label={t('media.preview.label')} />
      ) : (
        <p className="camera-off">{t('media.preview.off')}</p>
      )}
    </div>
  );
}
