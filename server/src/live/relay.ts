import { randomUUID } from 'node:crypto';
import { Adapter, SessionAwareAdapter, type BroadcastOptions } from 'socket.io-adapter';
import type { ServerToClientEvents } from '../../../shared/events';
import type { Locale } from '../../../shared/i18n/locales';
import type { Translate } from '../../../shared/i18n/translate';
import type { ChatMessage, LiveParticipant } from '../../../shared/schemas/live';
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

/** A participant as relayed: `displayName` null for someone without a name here ("Guest", in each listener's words). */
export type RelayedParticipant = Omit<LiveParticipant, 'displayName'> & { displayName: string | null };

type ClientPayloads = { [E in Relayed]: Parameters<ServerToClientEvents[E]>[0] };
/**
 * What travels between instances: the payloads as clients get them, except the few that hold words. Those carry
 * the facts (a name, or null for none), and each instance puts them into each listener's language as it hands
 * them out (`inWords`): the words are never made once for everyone, in one language.
 */
export interface RelayPayloads extends Omit<ClientPayloads, 'participants:changed' | 'chat:received' | 'host:changed'> {
  'participants:changed': { participants: RelayedParticipant[] };
  'chat:received': Omit<ChatMessage, 'displayName'> & { displayName: string | null };
  /** Someone took over hosting: who, and their name here (the notice is worded for each listener). */
  'host:changed': { identity: string; displayName: string | null };
}

/**
 * One relayed event for the sockets in `room`, on every instance; with `hostsOf`, only for those among them with
 * host rights in that session now (each instance asks for its own sockets).
 */
export type RelayEvent = {
  [E in Relayed]: { room: string; event: E; payload: RelayPayloads[E]; hostsOf?: string };
}[Relayed];

/** Hosts first, then by name; the unnamed last among their kind. */
export const byHostThenName = (a: RelayedParticipant, b: RelayedParticipant): number =>
  Number(b.isHost) - Number(a.isHost) || (a.displayName ?? '\uffff').localeCompare(b.displayName ?? '\uffff');

/** A participant list in one listener's words: the unnamed named "Guest" in their language, in the list's order. */
export function participantsIn(list: readonly RelayedParticipant[], t: Translate, locale: Locale): LiveParticipant[] {
  const guest = t('live.guest');
  return list
    .map((p) => ({ ...p, displayName: p.displayName ?? guest }))
    .sort((a, b) => Number(b.isHost) - Number(a.isHost) || a.displayName.localeCompare(b.displayName, locale));
}

/** Whether a relayed event holds words, and so is handed out once per language (`inWords`). */
export const hasWords = (e: RelayEvent): boolean => e.event === 'participants:changed' || e.event === 'chat:received' || e.event === 'host:changed';

/** A relayed event's payload as one listener gets it, in their language. */
export function inWords(e: RelayEvent, t: Translate, locale: Locale): unknown {
  switch (e.event) {
    case 'participants:changed':
      return { participants: participantsIn(e.payload.participants, t, locale) };
    case 'chat:received':
      return { ...e.payload, displayName: e.payload.displayName ?? t('live.guest') };
    case 'host:changed': {
      const displayName = e.payload.displayName ?? t('live.aVolunteer');
      return { identity: e.payload.identity, displayName, message: t('live.host.nowHosting', { name: displayName }) };
    }
    default:
      return e.payload;
  }
}

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
