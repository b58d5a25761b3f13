import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useStore } from '../store';
import { fetchInboxCount } from './inboxApi';
import { onInboxEvents } from './staffInboxEvents';

/**
 * Keeps staff's count of waiting requests current while a page with the header is open: counted again on every
 * navigation, when the window is back in front, and whenever the inbox may have changed — a one-on-one request
 * arriving on the staff socket (the event the one-on-one page listens to), or an action here. Peer-support requests
 * arrive over HTTP only, so they show at the next navigation or return to the window. Only for staff; returns the
 * count (null until known).
 */
export function useWaitingRequests(isStaff: boolean): number | null {
  const { pathname } = useLocation();
  const revision = useStore((s) => s.inboxRevision);
  const waiting = useStore((s) => s.waitingRequests);

  useEffect(() => {
    if (!isStaff) return;
    let current = true;
    const count = () =>
      fetchInboxCount().then(
        ({ waiting: n }) => current && useStore.getState().setWaitingRequests(n),
        // A badge that cannot be counted just keeps its last number; the inbox page says what went wrong.
        () => undefined,
      );
    void count();
    window.addEventListener('focus', count);
    return () => {
      current = false;
      window.removeEventListener('focus', count);
    };
  }, [isStaff, pathname, revision]);

  useEffect(() => {
    if (!isStaff) return;
    return onInboxEvents(() => useStore.getState().inboxChanged());
  }, [isStaff]);

  return isStaff ? waiting : null;
}
