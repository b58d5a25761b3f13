import { useEffect } from 'react';
import type { ScheduledSession } from '../../../shared/schemas/scheduling';
import { useDoorsChanged } from '../ui/useDoorsChanged';
import { nextDoorsChange } from './sessionState';

// setTimeout fires at once for delays past 2^31-1 ms; a later change is taken in steps.
const MAX_DELAY = 2_147_000_000;
// A little after the instant, so the server's clock agrees the window has moved.
const AFTER_CHANGE_MS = 1_000;

/**
 * Keeps a schedule's states true without a reload: `reload` runs when a host locks, unlocks or ends a circle
 * (the server's `circles:changed`), when a shown session's drop-in window opens or closes by the clock, and when
 * the page is seen again (background tabs throttle timers).
 */
export function useLiveDoors(sessions: ScheduledSession[] | null, reload: () => void): void {
  useDoorsChanged(reload);
  useEffect(() => {
    if (!sessions) return;
    const next = nextDoorsChange(sessions, Date.now());
    const timer = next === null ? undefined : setTimeout(reload, Math.min(next - Date.now() + AFTER_CHANGE_MS, MAX_DELAY));
    const onVisible = () => {
      if (document.visibilityState === 'visible') reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [sessions, reload]);
}
