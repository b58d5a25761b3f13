import { io } from 'socket.io-client';
import type { CircleSnapshot } from '../../shared/schemas/live';
import type { Ack } from '../../shared/errors';
import type { ClientSocket } from './sockets';

/**
 * A circle participant as the browser client behaves: reconnects by itself, and after a reconnection the server
 * could not recover, joins the circle again (as `useCircleLive` does). `back` resolves each time it is in again.
 */
export interface LiveClient {
  socket: ClientSocket;
  snapshot: CircleSnapshot;
  /** Resolves the next time the client is back in the circle after a drop, with the time it happened. */
  nextBack(): Promise<number>;
  close(): void;
}

export async function joinLive(url: string, sessionCookie: string, sessionId: string, displayName: string): Promise<LiveClient> {
  const socket: ClientSocket = io(url, {
    transports: ['websocket'],
    reconnection: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    randomizationFactor: 0,
    forceNew: true,
    extraHeaders: { origin: url, cookie: `rm_sid=${sessionCookie}` },
  });
  const join = () =>
    (socket.timeout(5_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<CircleSnapshot>> }).emitWithAck('circle:join', { sessionId, displayName });
  let waiters: Array<(at: number) => void> = [];
  const back = (at: number) => {
    const w = waiters;
    waiters = [];
    w.forEach((f) => f(at));
  };
  let first = true;
  let snapshot: CircleSnapshot | undefined;
  await new Promise<void>((resolve, reject) => {
    socket.on('connect', () => {
      if (first) {
        first = false;
        void join().then((a) => (a.ok ? ((snapshot = a.data), resolve()) : reject(new Error(a.code))), reject);
        return;
      }
      if (socket.recovered) return back(Date.now());
      let attempts = 0;
      const retry = (): void => {
        if (++attempts > 20) return;
        void join().then(
          (a) => (a.ok ? back(Date.now()) : retry()),
          () => retry(),
        );
      };
      retry();
    });
    socket.once('connect_error', (e) => first && reject(e));
  });
  return {
    socket,
    snapshot: snapshot!,
    nextBack: () => new Promise<number>((resolve) => waiters.push(resolve)),
    close: () => socket.disconnect(),
  };
}
