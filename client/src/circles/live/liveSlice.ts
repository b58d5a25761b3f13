import type { StateCreator } from 'zustand';
import type {
  ChatMessage,
  CircleSnapshot,
  HandEntry,
  HostChange,
  KnockEntry,
  LiveParticipant,
  ModerationNotice,
  Reaction,
  TopicState,
} from '../../../../shared/schemas/live';

/** Messages kept on screen; older ones scroll away for good (chat is never stored anywhere). */
export const CHAT_KEEP = 200;
/** Reactions floating at once; a burst beyond this drops the oldest. */
export const REACTIONS_KEEP = 30;

export type LiveConnection = 'connecting' | 'connected' | 'reconnecting';

export interface FloatingReaction {
  key: number;
  identity: string;
  reaction: Reaction;
}

/**
 * Why the circle is over for this person: the host ended it, or removed them. `message` is the server's, already in
 * the person's words; null when the circle was found over on joining (the page then says so in its own words).
 */
export interface LiveOutcome {
  kind: 'ended' | 'removed';
  message: string | null;
}

/** The live circle as the server last described it, plus what arrived while present. */
export interface LiveData {
  connection: LiveConnection;
  /** False until the first `circle:join` ack; a fresh join after a lost connection replaces the snapshot. */
  joined: boolean;
  joinError: string | null;
  you: CircleSnapshot['you'] | null;
  topic: TopicState;
  participants: LiveParticipant[];
  hands: HandEntry[];
  locked: boolean;
  crisisText: string;
  chat: ChatMessage[];
  reactions: FloatingReaction[];
  /** The host called on you (the server tells only the person called); shown until dismissed or the next call. */
  called: { key: number } | null;
  notice: ModerationNotice | null;
  outcome: LiveOutcome | null;
  /** Knocks at the door of a locked circle, for hosts: oldest first. */
  knocks: KnockEntry[];
  /** The last "… is now hosting" notice, shown until dismissed. */
  hostChange: HostChange | null;
}

export const initialLive: LiveData = {
  connection: 'connecting',
  joined: false,
  joinError: null,
  you: null,
  topic: { current: null, trail: [] },
  participants: [],
  hands: [],
  locked: false,
  crisisText: '',
  chat: [],
  reactions: [],
  called: null,
  notice: null,
  outcome: null,
  knocks: [],
  hostChange: null,
};

export interface LiveSlice {
  live: LiveData;
  liveReset: () => void;
  liveConnection: (connection: LiveConnection) => void;
  liveJoined: (snapshot: CircleSnapshot) => void;
  liveJoinFailed: (message: string) => void;
  participantsChanged: (participants: LiveParticipant[]) => void;
  topicChanged: (topic: TopicState) => void;
  handsChanged: (hands: HandEntry[]) => void;
  /** Only the person called hears of it; anything else (an old client's broadcast) is not for this screen. */
  handCalled: (identity: string) => void;
  dismissCalled: () => void;
  chatReceived: (message: ChatMessage) => void;
  chatRemoved: (id: string) => void;
  reactionSent: (identity: string, reaction: Reaction) => void;
  reactionDone: (key: number) => void;
  lockChanged: (locked: boolean) => void;
  circleEnded: (message: string) => void;
  moderationApplied: (notice: ModerationNotice) => void;
  dismissNotice: () => void;
  knockReceived: (knock: KnockEntry) => void;
  knockEnded: (identity: string) => void;
  hostChanged: (change: HostChange) => void;
  dismissHostChange: () => void;
}

let nextKey = 1;

export const createLiveSlice: StateCreator<LiveSlice, [], [], LiveSlice> = (set) => {
  const patch = (fn: (l: LiveData) => Partial<LiveData>) => set((s) => ({ live: { ...s.live, ...fn(s.live) } }));
  return {
    live: initialLive,
    liveReset: () => set({ live: initialLive }),
    liveConnection: (connection) => patch(() => ({ connection })),
    liveJoined: (snap) =>
      patch(() => ({
        joined: true,
        joinError: null,
        you: snap.you,
        topic: snap.topic,
        participants: snap.participants,
        hands: snap.hands,
        locked: snap.locked,
        knocks: snap.knocks,
        crisisText: snap.crisisText,
        ...(snap.ended ? { outcome: { kind: 'ended' as const, message: null } } : {}),
      })),
    liveJoinFailed: (joinError) => patch(() => ({ joinError })),
    // Host rights follow the list: someone who took over (or handed over) sees their controls change at once.
    participantsChanged: (participants) =>
      patch((l) => {
        const mine = participants.find((p) => p.identity === l.you?.identity);
        const you = l.you && mine && mine.isHost !== l.you.isHost ? { ...l.you, isHost: mine.isHost } : l.you;
        return { participants, you, knocks: you?.isHost ? l.knocks : [] };
      }),
    topicChanged: (topic) => patch(() => ({ topic })),
    handsChanged: (hands) => patch(() => ({ hands })),
    handCalled: (identity) => patch((l) => (identity === l.you?.identity ? { called: { key: nextKey++ } } : {})),
    dismissCalled: () => patch(() => ({ called: null })),
    chatReceived: (message) =>
      patch((l) => (l.chat.some((m) => m.id === message.id) ? {} : { chat: [...l.chat, message].slice(-CHAT_KEEP) })),
    chatRemoved: (id) => patch((l) => ({ chat: l.chat.filter((m) => m.id !== id) })),
    reactionSent: (identity, reaction) =>
      patch((l) => ({ reactions: [...l.reactions, { key: nextKey++, identity, reaction }].slice(-REACTIONS_KEEP) })),
    reactionDone: (key) => patch((l) => ({ reactions: l.reactions.filter((r) => r.key !== key) })),
    lockChanged: (locked) => patch(() => ({ locked })),
    circleEnded: (message) => patch(() => ({ outcome: { kind: 'ended', message } })),
    moderationApplied: (notice) =>
      patch(() => (notice.action === 'removed' ? { outcome: { kind: 'removed', message: notice.message }, notice: null } : { notice })),
    dismissNotice: () => patch(() => ({ notice: null })),
    knockReceived: (knock) => patch((l) => ({ knocks: [...l.knocks.filter((k) => k.identity !== knock.identity), knock] })),
    knockEnded: (identity) => patch((l) => ({ knocks: l.knocks.filter((k) => k.identity !== identity) })),
    hostChanged: (hostChange) => patch(() => ({ hostChange })),
    dismissHostChange: () => patch(() => ({ hostChange: null })),
  };
};

type WithLive = { live: LiveData };

/** Narrow selectors: components subscribe to the one thing they show. */
export const selectIsHost = (s: WithLive) => s.live.you?.isHost ?? false;
export const selectMyIdentity = (s: WithLive) => s.live.you?.identity ?? null;
export const selectMicBlocked = (s: WithLive) =>
  s.live.participants.some((p) => p.identity === s.live.you?.identity && p.micBlocked);
export const selectHandRaised = (s: WithLive) => s.live.hands.some((h) => h.identity === s.live.you?.identity);

/** The name to show for an identity: as the server last listed it; null for someone no longer listed ("Someone"). */
export function nameOf(participants: LiveParticipant[], identity: string): string | null {
  return participants.find((p) => p.identity === identity)?.displayName ?? null;
}
