import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { parse as parseCookie } from 'cookie';
import type { Redis } from 'ioredis';
import { Server } from 'socket.io';
import type { AuthService } from '../auth/auth.service';
import { createLocalChatRelay, createRedisChatRelay, type ChatEvent, type ChatRelay } from './chatRelay';
import { registerLiveHandlers, STAFF_ROOM, type IO, type LiveDeps } from './live.handlers';

export interface RealtimeOptions {
  auth: AuthService;
  sessionCookie: string;
  /** The one origin browsers may open sockets from, given the Host the request came to. */
  allowedOrigin: (host: string | undefined, secure: boolean) => string;
  redis?: Redis;
  deps: Omit<LiveDeps, 'io' | 'chat'>;
}

export interface Realtime {
  io: IO;
  close(): Promise<void>;
}

/** Socket.IO for the live circle: signed-in sockets from our own origin only, Redis-shared when configured. */
export async function attachRealtime(httpServer: HttpServer, o: RealtimeOptions): Promise<Realtime> {
  const io: IO = new Server(httpServer, {
    // Commands are small; a frame far past the largest valid one is refused before it is parsed.
    maxHttpBufferSize: 64 * 1024,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    serveClient: false,
    ...(o.redis ? { adapter: createAdapter(o.redis) } : {}),
  });

  io.use(async (socket, next) => {
    try {
      const origin = socket.handshake.headers.origin;
      if (origin !== undefined && origin !== o.allowedOrigin(socket.handshake.headers.host, socket.handshake.secure)) {
        return next(Object.assign(new Error('FORBIDDEN'), { data: { code: 'FORBIDDEN', message: 'Connections from other sites are refused.' } }));
      }
      const token = parseCookie(socket.handshake.headers.cookie ?? '')[o.sessionCookie];
      const user = await o.auth.userForSession(token);
      if (!user) {
        return next(Object.assign(new Error('UNAUTHENTICATED'), { data: { code: 'UNAUTHENTICATED', message: 'Please sign in to continue.' } }));
      }
      socket.data.user = user;
      next();
    } catch {
      next(Object.assign(new Error('INTERNAL'), { data: { code: 'INTERNAL', message: 'Please try again.' } }));
    }
  });

  const deliver = (e: ChatEvent) => {
    if (e.event === 'chat:received') io.local.to(e.room).volatile.emit('chat:received', e.payload);
    else io.local.to(e.room).volatile.emit('chat:removed', e.payload);
  };
  const chat: ChatRelay = o.redis ? await createRedisChatRelay(o.redis, deliver) : createLocalChatRelay(deliver);

  io.on('connection', (socket) => {
    if (socket.data.user.role === 'staff') void socket.join(STAFF_ROOM);
    registerLiveHandlers(socket, { ...o.deps, io, chat });
  });

  return {
    io,
    async close() {
      await chat.close();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
