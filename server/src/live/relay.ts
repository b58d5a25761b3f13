import { randomUUID } from 'node:crypto';
import { Adapter, SessionAwareAdapter, type BroadcastOptions } from 'socket.io-adapter';
import type { ServerToClientEvents } from '../../../shared/events';
import type { RedisClient } from '../redis';

/**
 * Everything that names someone or carries typed text goes around the Socket.IO adapter's storage on purpose:
 * connection-state recovery keeps broadcasts (in the Redis stream, or in memory on one instance) so a reconnecting
 * client can catch up, and chat, names, topics and support requests must never be kept. They travel between
 * instances by Redis pub/sub, which keeps nothing (not in a key, not in the append-only file); each instance hands
 * them to its own sockets with a local broadcast, which the streams adapter does not store, and which
 * `RelayForgettingAdapter` (the in-memory adapter) does not store either. Not `volatile`: a volatile packet is
 * dropped whenever the connection is still writing the previous one, and a chat line must reach everyone present.
 * A connection that recovers is sent the participants and the topic again (they are not replayed).
 * CAUTION: changing one of these to `io.to(room).emit` would persist its text in Redis.
 */
export const RELAYED_EVENTS = [
  'chat:received',
  'chat:removed',
  'participants:changed',
  'topic:changed',
  'support:requested',
  'knock:received',
  'knock:ended',
  'host:changed',
] as const;
type Relayed = (typeof RELAYED_EVENTS)[number];
const RELAYED: ReadonlySet<string> = new Set(RELAYED_EVENTS);

/** The in-memory adapter with connection-state recovery, minus the keeping of relayed packets. */
export class RelayForgettingAdapter extends SessionAwareAdapter {
  override broadcast(packet: { type: number; data?: unknown[] }, opts: BroadcastOptions): void {
    if (RELAYED.has(String(packet.data?.[0]))) return Adapter.prototype.broadcast.call(this, packet, opts);
    super.broadcast(packet, opts);
  }
}

/**
 * One relayed event for the sockets in `room`, on every instance; with `hostsOf`, only for those among them with
 * host rights in that session now (each instance asks for its own sockets).
 */
export type RelayEvent = {
  [E in Relayed]: { room: string; event: E; payload: Parameters<ServerToClientEvents[E]>[0]; hostsOf?: string };
}[Relayed];

export interface Relay {
  publish(e: RelayEvent): Promise<void>;
  close(): Promise<void>;
}

export function createLocalRelay(deliver: (e: RelayEvent) => void): Relay {
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
export async function createRedisRelay(redis: RedisClient, deliver: (e: RelayEvent) => void, channel = 'rm:relay'): Promise<Relay> {
  const origin = randomUUID();
  // A subscribed connection takes no other commands, so pub/sub gets its own; node-redis subscribes it again
  // after each reconnect.
  const sub = redis.duplicate();
  sub.on('error', () => undefined); // reconnects by itself; a lost message is a lost line, never a crash
  await sub.connect();
  await sub.subscribe(channel, (raw) => {
    try {
      const m = JSON.parse(raw) as { from: string; e: RelayEvent };
      if (m.from !== origin && RELAYED.has(m.e.event)) deliver(m.e);
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
