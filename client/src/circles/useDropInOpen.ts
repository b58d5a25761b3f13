import { useEffect, useState } from 'react';
import type { CircleSession } from '../../../shared/schemas/circles';

// setTimeout fires at once for delays past 2^31-1 ms; longer waits are taken in steps.
const MAX_DELAY = 2_147_000_000;
// After the end the server may keep the doors open a little longer; ask again at this pace until it moves on.
const AFTER_END_RECHECK_MS = 60_000;

/**
 * Whether the drop-in window is open, kept true to the clock without a reload: a timer at `opensAt` turns the
 * door on, and `onEnded` runs after `endsAt` so the caller can fetch the next circle. The server still decides at
 * join time; this only decides what the page offers. Doors the live circle closed (`session.doors`) stay closed
 * until the server says otherwise.
 */
export function useDropInOpen(session: CircleSession | null, onEnded: () => void): boolean {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!session) return;
    const opens = Date.parse(session.opensAt);
    const ends = Date.parse(session.endsAt);
    const t = Date.now();
    const timers: ReturnType<typeof setTimeout>[] = [];
    const at = (delay: number, fn: () => void) => timers.push(setTimeout(fn, Math.min(Math.max(delay, 0), MAX_DELAY)));
    const tick = () => setNow(Date.now());
    if (t < opens) at(opens - t + 50, tick);
    if (t < ends) at(ends - t + 1000, onEnded);
    else at(AFTER_END_RECHECK_MS, onEnded);
    // Background tabs throttle timers; look at the clock again when the page is seen.
    const onVisible = () => {
      if (document.visibilityState === 'visible') {
        tick();
        if (Date.now() >= ends) onEnded();
      }
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      timers.forEach(clearTimeout);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [session, onEnded, now]);

  if (!session) return false;
  // Closed by the live circle (locked to this person, ended, removed): the clock does not open it again.
  if (session.doors !== 'open' && session.doors !== 'upcoming') return false;
  return session.doors === 'open' || (now >= Date.parse(session.opensAt) && now < Date.parse(session.endsAt));
}
