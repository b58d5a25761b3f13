import type { LocalVideoTrack } from 'livekit-client';
import { useEffect } from 'react';
import { tNow } from '../i18n/useT';
import { BackgroundBlur, BLUR_FAILED, BLUR_UNSUPPORTED } from './backgroundBlur';

/**
 * Keeps `track` blurred while `on`, and plain while off: the processor is set on the track itself, so LiveKit
 * sends (and the person's own tile shows) the blurred frames, and a camera restarted later stays blurred. A
 * failure turns blur back off and says why through `onFailed`, in the person's language.
 */
export function useBackgroundBlur(track: LocalVideoTrack | null | undefined, on: boolean, onFailed: (message: string) => void): void {
  useEffect(() => {
    if (!track) return;
    const blurring = track.getProcessor()?.name === 'background-blur';
    if (on && !blurring) {
      track.setProcessor(new BackgroundBlur()).catch((err: unknown) => {
        void track.stopProcessor().catch(() => undefined);
        onFailed(tNow(err instanceof Error && err.message === BLUR_UNSUPPORTED ? BLUR_UNSUPPORTED : BLUR_FAILED));
      });
    } else if (!on && blurring) {
      void track.stopProcessor().catch(() => undefined);
    }
    // onFailed is a notification, not an input: a new callback must not restart the processor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [track, on]);
}
