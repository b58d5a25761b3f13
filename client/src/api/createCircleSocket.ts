import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/events';

export type CircleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * One Socket.IO connection to our own origin. The session cookie authenticates it (the server also checks the
 * Origin); connection-state recovery on the server replays what a short drop missed.
 */
export function createCircleSocket(): CircleSocket {
  // Connected by the component that owns it, in an effect, so a render never opens a connection.
  return io({ withCredentials: true, autoConnect: false });
}
