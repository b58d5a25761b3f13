import type { Ack } from './errors';
import type { PublicUser } from './schemas/auth';
import type {
  ChatMessage,
  CircleSnapshot,
  CommandId,
  HandEntry,
  LiveParticipant,
  ModerationNotice,
  Reaction,
  SupportRequest,
  TopicState,
} from './schemas/live';

type Cb<T> = (ack: Ack<T>) => void;
/** A payload with no fields of its own (it may still carry `commandId`). */
type Empty = Record<never, never>;

/**
 * What every command payload may carry besides its own fields: a client-made id. A command with an id is applied
 * at most once per person and id; a repeat (a retry after a lost ack) is answered with the first result.
 */
export interface CommandMeta {
  commandId?: CommandId;
}
/** A command: its payload (plus `CommandMeta`) and its typed ack. */
type Command<P extends object, T> = (p: P & CommandMeta, ack: Cb<T>) => void;

/**
 * Commands a client sends: imperative `domain:verb`, each with a typed ack. Every payload is validated on the
 * server with the schemas in `schemas/live.ts`; the session a command acts on is always the one the socket was
 * admitted to, never one named in the payload.
 */
export interface ClientToServerEvents {
  'circle:join': Command<{ sessionId: string; displayName: string }, CircleSnapshot>;
  'circle:leave': Command<Empty, null>;
  'circle:lock': Command<{ locked: boolean }, { locked: boolean }>;
  'circle:end': Command<Empty, null>;
  'topic:pivot': Command<{ topic: string }, TopicState>;
  'hand:raise': Command<Empty, HandEntry[]>;
  'hand:lower': Command<Empty, HandEntry[]>;
  'hand:callNext': Command<Empty, { called: string | null }>;
  'hand:lowerAll': Command<Empty, HandEntry[]>;
  'chat:send': Command<{ text: string }, { id: string }>;
  'chat:remove': Command<{ messageId: string }, null>;
  'reaction:send': Command<{ reaction: Reaction }, null>;
  'moderation:mute': Command<{ identity: string }, { message: string }>;
  'moderation:blockMic': Command<{ identity: string; blocked: boolean }, { message: string }>;
  'moderation:cameraOff': Command<{ identity: string }, { message: string }>;
  'moderation:remove': Command<{ identity: string }, { message: string }>;
  'support:request': Command<Empty, { message: string }>;
  'support:list': Command<Empty, SupportRequest[]>;
  'support:handle': Command<{ id: string }, null>;
}

/** What the server announces: past tense. */
export interface ServerToClientEvents {
  'participants:changed': (p: { participants: LiveParticipant[] }) => void;
  'topic:changed': (p: TopicState) => void;
  'hands:changed': (p: { hands: HandEntry[] }) => void;
  'hand:called': (p: { identity: string; displayName: string }) => void;
  'chat:received': (p: ChatMessage) => void;
  'chat:removed': (p: { id: string }) => void;
  'reaction:sent': (p: { identity: string; reaction: Reaction }) => void;
  'circle:lockChanged': (p: { locked: boolean }) => void;
  'circle:ended': (p: { message: string }) => void;
  /** Sent only to the person a host action affected, in plain words. */
  'moderation:applied': (p: ModerationNotice) => void;
  /** Staff only. */
  'support:requested': (p: SupportRequest) => void;
  /** Live features are briefly unavailable (Redis unreachable); audio and video go on. Clients show "Reconnecting…". */
  'live:degraded': (p: { message: string }) => void;
  /** Live features are back after `live:degraded`. */
  'live:restored': () => void;
}

export type InterServerEvents = Record<string, never>;

/** What the server keeps on each socket (restored with connection-state recovery). */
export interface SocketData {
  user: PublicUser;
  circle?: {
    sessionId: string;
    identity: string;
    displayName: string;
    isHost: boolean;
  };
}
