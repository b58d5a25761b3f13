import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../../i18n/useT';

/**
 * The call's controls, kept in reach at the bottom of the window however far the page scrolls: microphone and
 * camera (when there is media), then what this kind of call adds (in a circle: hand, reactions, people and chat),
 * and leaving. Notices for this person show just above it, where their eyes already are.
 */
export function CallToolbar(props: { media?: ReactNode; extras?: ReactNode; notices?: ReactNode; onLeave: () => void; leaving: boolean }) {
  const t = useT();
  const { media, onLeave, leaving } = props;
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
      {props.notices}
      <section id="call-controls" className="call-toolbar" aria-label={t('circles.toolbar.label')} tabIndex={-1}>
        {media}
        {props.extras}
        <button type="button" className="button leave" onClick={onLeave} disabled={leaving}>
          {t('circles.toolbar.leave')}
        </button>
      </section>
    </div>
  );
}
