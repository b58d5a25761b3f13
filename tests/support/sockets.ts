import { io, type Socket } from 'socket.io-client';
import type { Ack } from '../../shared/errors';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A browser-like socket: the session cookie and our own Origin, websocket only. With `reconnect`, it comes back
 * by itself after a drop, as the browser's does (quickly, for tests).
 */
export async function connectSocket(url: string, sessionCookie: string | undefined, opts: { origin?: string; reconnect?: boolean } = {}): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, {
    transports: ['websocket'],
    reconnection: opts.reconnect ?? false,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    randomizationFactor: 0,
    forceNew: true,
    extraHeaders: { origin: opts.origin ?? url, ...(sessionCookie ? { cookie: `rm_sid=${sessionCookie}` } : {}) },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return socket;
}

/** Emits a command and resolves with its ack. */
export function command<E extends keyof ClientToServerEvents>(
  socket: ClientSocket,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
): Promise<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]> {
  const emit = socket.timeout(10_000).emitWithAck as unknown as (e: string, p: unknown) => Promise<unknown>;
  return emit.call(socket.timeout(10_000), event, payload) as never;
}

/** Sends anything at all, as a hostile client would. */
export function raw(socket: ClientSocket, event: string, ...args: unknown[]): Promise<Ack<unknown>> {
  return (socket.timeout(10_000) as unknown as { emitWithAck: (e: string, ...a: unknown[]) => Promise<Ack<unknown>> }).emitWithAck(event, ...args);
}

/** Resolves with the next `event` that satisfies `pred`. */
export function next<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  pred: (p: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler as never);
      reject(new Error(`no ${String(event)} within ${timeoutMs} ms`));
    }, timeoutMs);
    const handler = (p: Parameters<ServerToClientEvents[E]>[0]) => {
      if (!pred(p)) return;
      clearTimeout(timer);
      socket.off(event, handler as never);
      resolve(p);
    };
    socket.on(event, handler as never);
  });
}

/** Collects every `event` a socket receives from now on. */
export function collect<E extends keyof ServerToClientEvents>(socket: ClientSocket, event: E): Array<Parameters<ServerToClientEvents[E]>[0]> {
  const seen: Array<Parameters<ServerToClientEvents[E]>[0]> = [];
  socket.on(event, ((p: Parameters<ServerToClientEvents[E]>[0]) => seen.push(p)) as never);
  return seen;
}

export function expectOk<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.code}: ${ack.message}`);
  return ack.data;
}
