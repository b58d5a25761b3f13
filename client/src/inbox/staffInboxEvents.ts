import { createCircleSocket, type CircleSocket } from '../api/createCircleSocket';

/**
 * One staff socket for the whole tab, shared by every header that wants to hear of new requests: each page has its
 * own header, so a socket per header would reconnect on every navigation. Released a moment after the last listener
 * goes, which a navigation (one header out, the next in) never reaches.
 */
let socket: CircleSocket | null = null;
let listeners = 0;
let release: ReturnType<typeof setTimeout> | undefined;
const RELEASE_AFTER_MS = 5_000;

/** Calls `onChange` whenever the inbox may have changed (a request arrived; the socket came back). Returns the way out. */
export function onInboxEvents(onChange: () => void): () => void {
  listeners += 1;
  clearTimeout(release);
  socket ??= createCircleSocket();
  const s = socket;
  s.on('support:requested', onChange);
  // A reconnect may have missed an arrival.
  s.on('connect', onChange);
  // Signed out or another account since: the server closed it, and it does not come back by itself.
  if (!s.connected) s.connect();
  const off = () => {
    s.off('support:requested', onChange);
    s.off('connect', onChange);
  };
  return () => {
    off();
    listeners -= 1;
    if (listeners === 0) {
      release = setTimeout(() => {
        socket?.disconnect();
        socket = null;
      }, RELEASE_AFTER_MS);
    }
  };
}
