import { randomUUID } from 'node:crypto';
import { Adapter, SessionAwareAdapter, type BroadcastOptions } from 'socket.io-adapter';
import type { ChatMessage } from '../../../shared/schemas/live';
import type { RedisClient } from '../redis';

/**
 * Chat goes around the Socket.IO adapter's storage on purpose: connection-state recovery keeps broadcasts (in the
 * Redis stream, or in memory on one instance) so a reconnecting client can catch up, and chat must never be kept.
 * Chat travels between instances by Redis pub/sub, which keeps nothing; each instance hands it to its own sockets
 * with a local broadcast, which the streams adapter does not store, and which `ChatForgettingAdapter` (the
 * in-memory adapter) does not store either. Not `volatile`: a volatile packet is dropped whenever the connection
 * is still writing the previous one, and a chat line must reach everyone present.
 * CAUTION: changing this to `io.to(room).emit` would persist chat text in Redis.
 */
export const CHAT_EVENTS: ReadonlySet<string> = new Set(['chat:received', 'chat:removed']);

/** The in-memory adapter with connection-state recovery, minus the keeping of chat packets. */
export class ChatForgettingAdapter extends SessionAwareAdapter {
  override broadcast(packet: { type: number; data?: unknown[] }, opts: BroadcastOptions): void {
    if (CHAT_EVENTS.has(String(packet.data?.[0]))) return Adapter.prototype.broadcast.call(this, packet, opts);
    super.broadcast(packet, opts);
  }
}

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
export async function createRedisChatRelay(redis: RedisClient, deliver: (e: ChatEvent) => void, channel = 'rm:chat'): Promise<ChatRelay> {
  const origin = randomUUID();
  // A subscribed connection takes no other commands, so pub/sub gets its own; node-redis subscribes it again
  // after each reconnect.
  const sub = redis.duplicate();
  sub.on('error', () => undefined); // reconnects by itself; a lost message is a lost chat line, never a crash
  await sub.connect();
  await sub.subscribe(channel, (raw) => {
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
      // A subscriber has nothing pending worth waiting for.
      if (sub.isOpen) sub.destroy();
    },
  };
}
