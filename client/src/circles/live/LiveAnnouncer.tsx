import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { announcementFor } from './liveAnnouncements';

/**
 * A polite live region that reads out what changes in the circle (arrivals, hands, topic, chat), so someone who
 * cannot see the page hears the circle as others see it. Notices meant for this person announce themselves.
 */
export function LiveAnnouncer() {
  const [said, setSaid] = useState('');
  // The listener stays put; it speaks in the language the page is in when the change comes.
  const t = useT();
  const words = useRef(t);
  useEffect(() => {
    words.current = t;
  });
  useEffect(
    () =>
      useStore.subscribe((state, prev) => {
        if (state.live === prev.live) return;
        const text = announcementFor(prev.live, state.live, words.current);
        if (text) setSaid(text);
      }),
    [],
  );
  return (
    <p role="status" aria-live="polite" className="visually-hidden" data-testid="live-announcer">
      {said}
    </p>
  );
}
