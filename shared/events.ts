import type { Ack } from './errors';
import type { PublicUser } from './schemas/auth';
import type {
  ChatMessage,
  CircleSnapshot,
  CommandId,
  CommandPayload,
  HandEntry,
  HostChange,
  KnockAnswer,
  KnockEntry,
  LiveCommand,
  LiveParticipant,
  ModerationNotice,
  Reaction,
  SupportRequest,
  E2eeKeyGrant,
  TopicState,
} from './schemas/live';

type Cb<T> = (ack: Ack<T>) => void;

/**
 * What every command payload may carry besides its own fields: a client-made id. A command with an id is applied
 * at most once per person and id; a repeat (a retry after a lost ack) is answered with the first result.
 */
export interface CommandMeta {
  commandId?: CommandId;
}

/** What each command's ack carries when it succeeds. */
export interface CommandResults {
  'circle:join': CircleSnapshot;
  'circle:leave': null;
  'circle:lock': { locked: boolean };
  'circle:end': null;
  'topic:pivot': TopicState;
  'hand:raise': HandEntry[];
  'hand:lower': HandEntry[];
  'hand:callNext': { called: string | null };
  'hand:lowerAll': HandEntry[];
  'chat:send': { id: string };
  'chat:remove': null;
  'reaction:send': null;
  'moderation:mute': { message: string };
  'moderation:blockMic': { message: string };
  'moderation:cameraOff': { message: string };
  'moderation:remove': { message: string };
  'support:request': { message: string };
  'support:list': SupportRequest[];
  'support:handle': null;
  /** The circle's media key now, for the socket's own circle only. */
  'e2ee:key': E2eeKeyGrant;
  /** Knocked: the hosts now see it, and the answer comes as `knock:answered`. */
  'circle:knock': null;
  'knock:withdraw': null;
  'knock:admit': null;
  'knock:decline': null;
  /** The identity of the new acting host. */
  'host:handOver': { identity: string };
}

/**
 * Commands a client sends: imperative `domain:verb`, one for each entry of `COMMAND_PAYLOADS` in `schemas/live.ts`,
 * each with its payload from there (plus `CommandMeta`) and a typed ack. Every payload is validated on the server
 * with those same schemas; the session a command acts on is always the one the socket was admitted to, never one
 * named in the payload.
 */
export type ClientToServerEvents = {
  [C in LiveCommand]: (p: CommandPayload<C> & CommandMeta, ack: Cb<CommandResults[C]>) => void;
};

/** What the server announces: past tense. */
export interface ServerToClientEvents {
  /** Relayed (never kept for connection-state recovery): sent again to a connection that recovers. */
  'participants:changed': (p: { participants: LiveParticipant[] }) => void;
  /** Relayed like `participants:changed`. */
  'topic:changed': (p: TopicState) => void;
  'hands:changed': (p: { hands: HandEntry[] }) => void;
  /** Opaque: clients show the name they know for this identity from the participant list. */
  'hand:called': (p: { identity: string }) => void;
  'chat:received': (p: ChatMessage) => void;
  'chat:removed': (p: { id: string }) => void;
  'reaction:sent': (p: { identity: string; reaction: Reaction }) => void;
  'circle:lockChanged': (p: { locked: boolean }) => void;
  'circle:ended': (p: { message: string }) => void;
  /**
   * To every signed-in socket: a circle's doors changed (locked, unlocked, ended). Content-free but for the
   * session id; home and pre-join pages ask the server again.
   */
  'circles:changed': (p: { sessionId: string }) => void;
  /** Sent only to the person a host action affected, in plain words. */
  'moderation:applied': (p: ModerationNotice) => void;
  /** Staff only. Relayed, never kept: names the person. */
  'support:requested': (p: SupportRequest) => void;
  /**
   * A host removed someone: the circle's media key moved on to `epoch`. Carries no key (broadcasts may be kept in
   * Redis); everyone still in the circle asks for it with `e2ee:key`.
   */
  'e2ee:rekey': (p: { epoch: number }) => void;
  /** Hosts only, relayed (names the person): someone at the door of a locked circle would like to join. */
  'knock:received': (p: KnockEntry) => void;
  /** Hosts only, relayed: a knock is no longer waiting (answered by a host, withdrawn, or the person left). */
  'knock:ended': (p: { identity: string }) => void;
  /** Only to the person who knocked: the answer. Names nobody. */
  'knock:answered': (p: KnockAnswer) => void;
  /** Relayed: someone took over hosting (the host was absent past the grace, or a host handed over). */
  'host:changed': (p: HostChange) => void;
  /** Live features are briefly unavailable (Redis unreachable); audio and video go on. Clients show "Reconnecting…". */
  'live:degraded': (p: { message: string }) => void;
  /** Live features are back after `live:degraded`. */
  'live:restored': () => void;
}

/** What instances say to each other through the adapter (never words or names: ids and a language). */
export interface InterServerEvents {
  /** A person chose another language: move their sockets on every instance, then answer. */
  'locale:changed': (userId: string, locale: string, done: () => void) => void;
}

/**
 * What the server keeps on each socket. Connection-state recovery stores it (in Redis when shared) and cross-instance
 * look-ups carry it, so it holds opaque ids and the account id only: never an email, a first or display name, or a
 * topic. Those stay in the instance's memory (the account, loaded from the session) or in the sealed live state.
 */
export interface SocketData {
  user: { id: string; role: PublicUser['role'] };
  circle?: {
    sessionId: string;
    identity: string;
    isHost: boolean;
  };
  /** A knock at a locked circle this socket is waiting on (opaque ids only). */
  knock?: { sessionId: string; identity: string };
}
