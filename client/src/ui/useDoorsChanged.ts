import { useEffect, useRef } from 'react';
import { createCircleSocket } from '../api/createCircleSocket';

/**
 * Calls `onChange` whenever the server says a circle's doors changed (a host locked, unlocked or ended it), so a
 * page showing circles (home, pre-join, the schedule) asks again and never invites someone into a circle that has
 * closed. One socket while the page is open; the event carries only a session id.
 */
export function useDoorsChanged(onChange: () => void): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  }, [onChange]);
  useEffect(() => {
    const socket = createCircleSocket();
    socket.on('circles:changed', () => latest.current());
    // Back after a drop: whatever changed meanwhile was not heard, so ask again.
    socket.io.on('reconnect', () => latest.current());
    socket.connect();
    return () => {
      socket.disconnect();
    };
  }, []);
}
