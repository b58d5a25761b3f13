import type { HandEntry, KnockEntry, TopicState } from '../../../shared/schemas/live';

/**
 * The shared live state of circles: topic and trail, hand queue, lock, end, and who was removed or blocked from
 * unmuting. One interface, two implementations (memory for one instance, Redis for several) that pass the same
 * contract tests. Never holds chat; in Redis, names and typed topics are sealed (`sealed.ts`).
 */
export interface LiveState {
  /** The topic state, starting from `preset` the first time a session is seen. */
  topic(sessionId: string, preset: string | null): Promise<TopicState>;
  /** Sets a new topic; the previous one moves to the trail. */
  pivot(sessionId: string, preset: string | null, topic: string, at: Date): Promise<TopicState>;

  /** Raises a hand; raising twice keeps the first place. Order is the order raises reached the store. */
  raiseHand(sessionId: string, identity: string, at: Date): Promise<HandEntry[]>;
  lowerHand(sessionId: string, identity: string): Promise<HandEntry[]>;
  lowerAll(sessionId: string): Promise<HandEntry[]>;
  /** Removes and returns the first raised hand, if any. */
  callNext(sessionId: string): Promise<{ called: string | null; hands: HandEntry[] }>;
  hands(sessionId: string): Promise<HandEntry[]>;

  setLocked(sessionId: string, locked: boolean): Promise<void>;
  isLocked(sessionId: string): Promise<boolean>;
  setEnded(sessionId: string): Promise<void>;
  isEnded(sessionId: string): Promise<boolean>;

  /** Identities admitted to the circle (entered before a lock may re-enter). */
  admit(sessionId: string, identity: string): Promise<void>;
  wasAdmitted(sessionId: string, identity: string): Promise<boolean>;

  remove(sessionId: string, identity: string): Promise<void>;
  isRemoved(sessionId: string, identity: string): Promise<boolean>;

  setMicBlocked(sessionId: string, identity: string, blocked: boolean): Promise<void>;
  micBlocked(sessionId: string): Promise<Set<string>>;

  /**
   * The circle's media key epoch: 0 until someone is removed, then one more for each removal. Only a number — the
   * key itself is derived from it on demand (livekit/circleKeys.ts) and never kept here.
   */
  e2eeEpoch(sessionId: string): Promise<number>;
  /** Moves the epoch on (atomically across instances) and returns the new one. */
  nextE2eeEpoch(sessionId: string): Promise<number>;

  /**
   * The name each person chose for this circle, by identity: kept beside the circle's state (never on the socket,
   * whose data connection-state recovery stores), so every instance can name everyone, also after a reconnect.
   */
  setName(sessionId: string, identity: string, displayName: string): Promise<void>;
  names(sessionId: string): Promise<Map<string, string>>;
  /** One person's chosen name here, or null: what a chat line needs, without reading (and opening) everyone's. */
  name(sessionId: string, identity: string): Promise<string | null>;

  /**
   * Knocks at a locked circle, waiting for a host: by identity, with the name the person chose (sealed in Redis)
   * and when. Knocking again replaces one's own knock. Gone once answered, withdrawn or ended; never elsewhere.
   */
  addKnock(sessionId: string, identity: string, displayName: string, at: Date): Promise<void>;
  /** Ends one knock; true only for the call that found it waiting (so one answer wins, across instances). */
  takeKnock(sessionId: string, identity: string): Promise<boolean>;
  knocks(sessionId: string): Promise<KnockEntry[]>;
  /** Ends every knock of a circle and returns whose they were. */
  clearKnocks(sessionId: string): Promise<string[]>;

  /** The identity of whoever took over hosting (after the grace, or handed over), or null. */
  actingHost(sessionId: string): Promise<string | null>;
  /**
   * Makes `identity` the acting host. With `ifNone`, only when nobody is yet (the automatic hand-over, which every
   * instance may try at once: one wins). True when it was set.
   */
  setActingHost(sessionId: string, identity: string, ifNone: boolean): Promise<boolean>;

  /** LiveKit names rooms opaquely; webhooks name the room, so the way back to the session is remembered. */
  bindRoom(roomName: string, sessionId: string): Promise<void>;
  sessionOfRoom(roomName: string): Promise<string | null>;
}

/** Live state outlives a circle by a day at most; nothing of it is kept. */
export const LIVE_STATE_TTL_SECONDS = 24 * 3600;

/** A knock nobody answered is forgotten after this long (the person has long given up waiting). */
export const KNOCK_TTL_SECONDS = 30 * 60;
