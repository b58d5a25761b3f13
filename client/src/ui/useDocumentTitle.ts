import { useEffect } from 'react';
import { useT } from '../i18n/useT';

/** How long a page may take to show its main heading (it may load first) before focus is left where it is. */
const HEADING_WAIT_MS = 3_000;

/**
 * Each page names itself in the tab ("Schedule · Red Mug Coffee Circle", with the program's own name), which is also
 * what screen readers announce on navigation, and moves focus to its main heading once that shows, so keyboard and
 * screen reader users start at the top of the new page rather than on a link of the old one. Pages whose first job
 * is a field (sign-in) focus that instead: `focusHeading` false.
 */
export function useDocumentTitle(title: string, { focusHeading = true }: { focusHeading?: boolean } = {}): void {
  const t = useT();
  const full = title ? t('common.documentTitle', { title }) : t('common.programName');
  useEffect(() => {
    document.title = full;
  }, [full]);

  useEffect(() => {
    if (!focusHeading) return;
    const until = Date.now() + HEADING_WAIT_MS;
    let frame = 0;
    const focus = () => {
      const heading = document.querySelector<HTMLElement>('main h1');
      // Someone already moved on (typed, clicked): leave their focus alone.
      if (document.activeElement && document.activeElement !== document.body) return;
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
      } else if (Date.now() < until) frame = requestAnimationFrame(focus);
    };
    frame = requestAnimationFrame(focus);
    return () => cancelAnimationFrame(frame);
  }, [focusHeading]);
}
