import type { Ack } from './errors';
import type { PublicUser } from './schemas/auth';
import type {
  ChatMessage,
  CircleSnapshot,
  HandEntry,
  LiveParticipant,
  ModerationNotice,
  Reaction,
  SupportRequest,
  TopicState,
} from './schemas/live';

type Cb<T> = (ack: Ack<T>) => void;
type Empty = Record<string, never>;

/**
 * Commands a client sends: imperative `domain:verb`, each with a typed ack. Every payload is validated on the
 * server with the schemas in `schemas/live.ts`; the session a command acts on is always the one the socket was
 * admitted to, never one named in the payload.
 */
export interface ClientToServerEvents {
  'circle:join': (p: { sessionId: string; displayName: string }, ack: Cb<CircleSnapshot>) => void;
  'circle:leave': (p: Empty, ack: Cb<null>) => void;
  'circle:lock': (p: { locked: boolean }, ack: Cb<{ locked: boolean }>) => void;
  'circle:end': (p: Empty, ack: Cb<null>) => void;
  'topic:pivot': (p: { topic: string }, ack: Cb<TopicState>) => void;
  'hand:raise': (p: Empty, ack: Cb<HandEntry[]>) => void;
  'hand:lower': (p: Empty, ack: Cb<HandEntry[]>) => void;
  'hand:callNext': (p: Empty, ack: Cb<{ called: string | null }>) => void;
  'hand:lowerAll': (p: Empty, ack: Cb<HandEntry[]>) => void;
  'chat:send': (p: { text: string }, ack: Cb<{ id: string }>) => void;
  'chat:remove': (p: { messageId: string }, ack: Cb<null>) => void;
  'reaction:send': (p: { reaction: Reaction }, ack: Cb<null>) => void;
  'moderation:mute': (p: { identity: string }, ack: Cb<{ message: string }>) => void;
  'moderation:blockMic': (p: { identity: string; blocked: boolean }, ack: Cb<{ message: string }>) => void;
  'moderation:cameraOff': (p: { identity: string }, ack: Cb<{ message: string }>) => void;
  'moderation:remove': (p: { identity: string }, ack: Cb<{ message: string }>) => void;
  'support:request': (p: Empty, ack: Cb<{ message: string }>) => void;
  'support:list': (p: Empty, ack: Cb<SupportRequest[]>) => void;
  'support:handle': (p: { id: string }, ack: Cb<null>) => void;
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
