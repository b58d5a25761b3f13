import { useEffect, useRef } from 'react';
import type { Doors } from '../../../shared/schemas/circles';
import { createCircleSocket } from '../api/createCircleSocket';

/**
 * Calls `onChange` whenever the server says a circle's doors changed (a host locked, unlocked or ended it), so a
 * page showing circles asks again and never invites someone into a circle that has closed. One socket while the
 * page is open; the event carries only a session id.
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

/** What closed doors say, in the words the join itself would answer with; null while they are not closed. */
export function closedDoorsMessage(doors: Doors): string | null {
  switch (doors) {
    case 'locked':
      return 'The host has closed this circle to newcomers for now. Try the next one, or ask staff.';
    case 'ended':
      return 'This circle has ended. See you at the next one.';
    case 'removed':
      return 'A host removed you from this circle, so you cannot rejoin it. Staff can help if you think this was a mistake.';
    default:
      return null;
  }
}
