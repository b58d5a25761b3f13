import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ChatMessage } from '../../../shared/schemas/live';

/**
 * Chat goes around the Socket.IO adapter on purpose: the Redis streams adapter keeps broadcasts in a stream (for
 * connection-state recovery), and chat must never be stored. Chat travels by Redis pub/sub, which keeps nothing,
 * and each instance hands it to its own sockets as a volatile emit, which the recovery buffer skips.
 * CAUTION: changing this to `io.to(room).emit` would persist chat text in Redis.
 */
export type ChatEvent = { room: string; event: 'chat:received'; payload: ChatMessage } | { room: string; event: 'chat:removed'; payload: { id: string } };

export interface ChatRelay {
  publish(e: ChatEvent): Promise<void>;
  close(): Promise<void>;
}

export function createLocalChatRelay(deliver: (e: ChatEvent) => void): ChatRelay {
  return {
    async publish(e) {
      deliver(e);
    },
    async close() {},
  };
}

/**
 * This instance's own sockets get a message at once; the other instances get it through Redis, and each skips what
 * it sent itself (messages carry the sending instance's random id).
 */
export async function createRedisChatRelay(redis: Redis, deliver: (e: ChatEvent) => void, channel = 'rm:chat'): Promise<ChatRelay> {
  const origin = randomUUID();
  const sub = redis.duplicate();
  sub.on('error', () => undefined); // reconnects by itself; a lost message is a lost chat line, never a crash
  await sub.subscribe(channel);
  sub.on('message', (ch, raw) => {
    if (ch !== channel) return;
    try {
      const m = JSON.parse(raw) as { from: string; e: ChatEvent };
      if (m.from !== origin) deliver(m.e);
    } catch {
      // a malformed message on our channel is dropped
    }
  });
  return {
    async publish(e) {
      deliver(e);
      await redis.publish(channel, JSON.stringify({ from: origin, e }));
    },
    async close() {
      sub.disconnect();
    },
  };
}
