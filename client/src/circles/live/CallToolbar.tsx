import { useEffect, useRef, type ReactNode } from 'react';
import { HandToggle } from './HandToggle';
import { LiveNotices } from './LiveNotices';
import { ReactionBar } from './ReactionBar';

/**
 * The call's controls, kept in reach at the bottom of the window however far the page scrolls: microphone and
 * camera (when there is media), hand, reactions, the way to people and chat on a narrow screen, and leaving.
 * Notices for this person show just above it, where their eyes already are.
 */
export function CallToolbar({ media, onLeave, leaving }: { media?: ReactNode; onLeave: () => void; leaving: boolean }) {
  const dock = useRef<HTMLDivElement>(null);
  // What scrolls into view (a focused control, a found message) stops above the dock, never under it.
  useEffect(() => {
    const el = dock.current;
    if (!el) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--dock-height', `${el.offsetHeight}px`));
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--dock-height');
    };
  }, []);
  return (
    <div className="call-dock" ref={dock}>
      <LiveNotices />
      <section id="call-controls" className="call-toolbar" aria-label="Call controls" tabIndex={-1}>
        {media}
        <HandToggle />
        <ReactionBar />
        <nav className="narrow-only jump-links" aria-label="Jump to">
          <a href="#people-heading">People</a>
          <a href="#chat-panel">Chat</a>
        </nav>
        <button type="button" className="button leave" onClick={onLeave} disabled={leaving}>
          Leave
        </button>
      </section>
    </div>
  );
}
