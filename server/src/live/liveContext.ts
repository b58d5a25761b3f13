import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import type { ClientToServerEvents, CommandResults, InterServerEvents, ServerToClientEvents, SocketData } from '../../../shared/events';
import type { AuditAction } from '../../../shared/schemas/audit';
import type { PublicUser } from '../../../shared/schemas/auth';
import { isParticipantRole, ParticipantRole } from '../../../shared/schemas/auth';
import type { COMMAND_PAYLOADS, CircleSnapshot, HandEntry, LiveCommand, ModerationNotice } from '../../../shared/schemas/live';
import type { MessageId } from '../../../shared/i18n/catalog';
import type { Translate } from '../../../shared/i18n/translate';
import { record } from '../audit/audit.repository';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import type { I18n } from '../i18n/i18n';
import type { Locale } from '../../../shared/i18n/locales';
import { attributesFor } from '../livekit/circleToken';
import type { CircleKeys } from '../livekit/circleKeys';
import type { Logger } from '../log';
import type { Db } from '../store/db';
import type { Admission } from './admission';
import { byHostThenName, participantsIn, type Relay, type RelayEvent, type RelayedParticipant } from './relay';
import { emitLocalized } from './localeRooms';
import type { CommandDedupe } from './commandDedupe';
import type { LiveState } from './liveState';
import type { MediaModeration } from './mediaModeration';
import type { Budget, CommandLimiter } from './rateLimits';

export type IO = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
/** The circle a socket was admitted to. */
export type AdmittedCircle = NonNullable<SocketData['circle']>;

export interface LiveDeps {
  io: IO;
  db: Db;
  clock: Clock;
  log: Logger;
  /** Who may enter a circle and with which rights. */
  admission: Admission;
  live: LiveState;
  /** The commands applied recently, per person and command id: a repeat is answered, not applied again. */
  dedupe: CommandDedupe;
  moderation: MediaModeration;
  limiter: CommandLimiter;
  /** How names, topics, chat and support requests reach sockets on every instance without being kept. */
  relay: Relay;
  /** The signed-in account behind a socket, held in this instance's memory only (never in `socket.data`). */
  accountOf: (socket: LiveSocket) => PublicUser;
  secret: string;
  /** Derives circle media keys; only `e2ee:key` hands one out. */
  circleKeys: CircleKeys;
  /** The "not a crisis service" panel, in a locale (the program's lines, or its own text). */
  crisisText: (locale: Locale) => string;
  i18n: I18n;
  /** The locale this socket's person reads (their account's, their browser's, or the program's). */
  localeOf: (socket: LiveSocket) => Locale;
  /** Minutes after the start by which the host must have arrived before someone else takes over (default 5). */
  hostGraceMinutes?: number;
  /** False while shared live state (Redis) is unavailable: commands are then refused at once with a typed code. */
  liveAvailable?: () => boolean;
  /** Resolves false when the socket's sign-in has ended elsewhere: the command is refused and the socket closed. */
  sessionCheck?: (socket: LiveSocket) => Promise<boolean>;
}

export const circleRoom = (sessionId: string) => `circle:${sessionId}`;
export const personalRoom = (sessionId: string, identity: string) => `person:${sessionId}:${identity}`;
/** Where the person knocking at a circle waits for the answer (they are not in the circle yet). */
export const knockRoom = (sessionId: string, identity: string) => `knock:${sessionId}:${identity}`;
export const STAFF_ROOM = 'staff';

/** A command's payload once validated by its schema in `COMMAND_PAYLOADS`. */
export type Payload<C extends LiveCommand> = z.output<(typeof COMMAND_PAYLOADS)[C]>;

/** What a command did: the ack's data, and what to broadcast once the ack is on its way. */
export interface Outcome<C extends LiveCommand> {
  data: CommandResults[C];
  after?: () => Promise<unknown>;
}

/**
 * How a repeat of an applied command (the same person, the same command id) is answered; it is never applied
 * again. Every command says which, so a new one cannot forget to.
 * - `'first'`: with the first answer, kept in the dedupe store. Only for answers made of ids and flags: the
 *   store may be Redis, which never holds names, emails, typed topics or chat text.
 * - a function: with an answer rebuilt from the state now, for commands whose first answer names someone or
 *   echoes typed text; the store keeps only that the command was applied.
 * - `'rerun'`: the command runs again, without the store. For reads, and for joining, which changes nothing the
 *   second time and must answer with the circle as it is now.
 */
export type Repeat<C extends LiveCommand> = 'first' | 'rerun' | ((socket: LiveSocket, payload: Payload<C>) => Promise<CommandResults[C]>);

/** One command as a handler group declares it; the pipeline (liveCommands.ts) validates, limits and dedupes around `run`. */
export interface CommandSpec<C extends LiveCommand> {
  budget: Budget;
  repeat: Repeat<C>;
  /** Authorizes and acts; refusals are thrown as AppErrors. */
  run(socket: LiveSocket, payload: Payload<C>): Promise<Outcome<C>>;
}

/** Every command with its spec: the handler groups together must fill it, each command once. */
export type CommandTable = { [C in LiveCommand]: CommandSpec<C> };

/** The audit actions of hosts in a circle (ids only: who, which action, which session — never whom it touched). */
export type CircleAuditAction = Extract<AuditAction, `circle.${string}`>;

export type LiveContext = ReturnType<typeof createLiveContext>;

/** What someone knocking is told when nobody with host rights is in the circle to answer. */
export const NO_HOST_TO_ANSWER: MessageId = 'live.knock.noHost';

/** What the person a host acted on is told, privately: the action, and its words as a message id. */
export type Notice = Omit<ModerationNotice, 'message'> & { message: MessageId };

/** What the handler groups share: their dependencies, who is in which circle, and how the circle is told. */
export function createLiveContext(d: LiveDeps) {
  /** This socket's person's words (acks and personal notices are rendered with it). */
  const tOf = (socket: LiveSocket): Translate => d.i18n.t(d.localeOf(socket));
  /** The circle this socket was admitted to, if it is still in it (a removal takes the socket out of the room). */
  function inCircle(socket: LiveSocket): AdmittedCircle {
    const c = socket.data.circle;
    if (!c || !socket.rooms.has(circleRoom(c.sessionId))) {
      throw new AppError(409, 'NOT_IN_CIRCLE', 'live.notInCircle');
    }
    return c;
  }
  /**
   * The circle of a socket whose person may host it now: rights are read again from the roster (cached for
   * seconds), so staff unassigning a host takes effect without a reconnect, and the circle's list follows.
   */
  async function asHost(socket: LiveSocket): Promise<AdmittedCircle> {
    const c = inCircle(socket);
    const isHost = await d.admission.isHostNow(d.accountOf(socket), c.sessionId);
    if (isHost !== c.isHost) {
      socket.data.circle = { ...c, isHost };
      void announceParticipants(c.sessionId).catch(() => undefined);
    }
    if (!isHost) throw new AppError(403, 'FORBIDDEN', 'live.hostOnly');
    return { ...c, isHost };
  }

  /**
   * Who is in the circle now: opaque ids from the sockets in its room (on every instance), their names from the
   * live state (null for someone without one: each listener reads "Guest" in their language). The list names
   * people, so it is only ever relayed, never broadcast through the adapter.
   */
  async function participants(sessionId: string): Promise<RelayedParticipant[]> {
    const [sockets, blocked, names] = await Promise.all([
      d.io.in(circleRoom(sessionId)).fetchSockets(),
      d.live.micBlocked(sessionId),
      d.live.names(sessionId),
    ]);
    // The red mug and a volunteer's host rights follow their readiness now (people/readiness.ts), so a lapse shows
    // at the next list without anyone reconnecting.
    const hostNow = await d.admission.hostCheck(sessionId, sockets.map((s) => s.data.user));
    const seen = new Map<string, RelayedParticipant>();
    for (const s of sockets) {
      const c = s.data.circle;
      const role = s.data.user.role;
      // Only people who take part are ever admitted; the role check makes that visible to the type, too.
      if (!c || c.sessionId !== sessionId || seen.has(c.identity) || !isParticipantRole(role)) continue;
      seen.set(c.identity, {
        identity: c.identity,
        displayName: names.get(c.identity) ?? null,
        ...attributesFor(role, hostNow.current.has(s.data.user.id)), // the red mug as LiveKit shows it, from the same rule
        // Rights as they stand now (roster, staff, acting host, readiness), whichever instance the socket is on.
        isHost: hostNow(s.data.user),
        micBlocked: blocked.has(c.identity),
        ...(hostNow.acting === c.identity ? { hosting: true as const } : {}),
      });
    }
    // Whoever LiveKit has in the room without being in the live circle: listed for hosts to see and moderate.
    const removed = await Promise.all((await d.moderation.roomParticipants(sessionId)).filter((p) => !seen.has(p.identity)).map(async (p) => ((await d.live.isRemoved(sessionId, p.identity)) ? null : p)));
    for (const p of removed) {
      const role = ParticipantRole.safeParse(p?.role);
      if (!p || !role.success) continue;
      seen.set(p.identity, {
        identity: p.identity,
        displayName: null,
        role: role.data,
        badge: p.badge === 'red-mug' ? 'red-mug' : '',
        isHost: false,
        micBlocked: blocked.has(p.identity),
        notInChat: true,
      });
    }
    // Hosts first, then by name (each listener's list is sorted again once the unnamed are named: participantsIn).
    return [...seen.values()].sort(byHostThenName);
  }
  /** The name someone chose in this circle, or null when the live state has none for them. */
  async function nameIn(sessionId: string, identity: string): Promise<string | null> {
    return d.live.name(sessionId, identity);
  }

  const announceParticipants = async (sessionId: string): Promise<void> => {
    const room = circleRoom(sessionId);
    await d.relay.publish({ room, event: 'participants:changed', payload: { participants: await participants(sessionId) } });
  };
  /**
   * A relayed event for the people with host rights in a circle only (knocks name the person knocking), on every
   * instance.
   */
  const toHosts = async (sessionId: string, e: Omit<Extract<RelayEvent, { event: 'knock:received' | 'knock:ended' }>, 'room' | 'hostsOf'>): Promise<void> => {
    await d.relay.publish({ ...e, room: circleRoom(sessionId), hostsOf: sessionId } as RelayEvent);
  };
  const announceHands = async (sessionId: string, hands?: HandEntry[]): Promise<void> => {
    d.io.to(circleRoom(sessionId)).emit('hands:changed', { hands: hands ?? (await d.live.hands(sessionId)) });
  };

  /** Each session's preset topic, remembered from joins on this instance, else looked up once. */
  const presets = new Map<string, string | null>();
  async function presetOf(sessionId: string): Promise<string | null> {
    if (!presets.has(sessionId)) presets.set(sessionId, await d.admission.preset(sessionId));
    return presets.get(sessionId) ?? null;
  }
  const topicOf = async (sessionId: string) => d.live.topic(sessionId, await presetOf(sessionId));

  /** Whether anyone with host rights is in the circle now, on any instance. */
  async function hostPresent(sessionId: string): Promise<boolean> {
    const sockets = await d.io.in(circleRoom(sessionId)).fetchSockets();
    const hostNow = await d.admission.hostCheck(sessionId, sockets.map((s) => s.data.user));
    return sockets.some((s) => s.data.circle?.sessionId === sessionId && hostNow(s.data.user));
  }

  /**
   * Ends every knock at a circle, and tells each person who knocked why: the circle ended, a host opened it (then
   * they are let in), or no host is left to answer.
   */
  async function endKnocks(sessionId: string, outcome: 'admitted' | 'ended', message: MessageId): Promise<void> {
    const ids = await d.live.clearKnocks(sessionId);
    for (const identity of ids) {
      if (outcome === 'admitted') await d.live.admit(sessionId, identity);
      // Words and no name: each in the person's language, through the adapter like any static notice.
      emitLocalized(d.i18n, d.io.to(knockRoom(sessionId, identity)), 'knock:answered', (t) => ({ outcome, message: t(message) }));
      await toHosts(sessionId, { event: 'knock:ended', payload: { identity } });
    }
  }

  /** A host left: with no host left in the circle, nobody can answer a knock, so each ends with the reason. */
  async function endKnocksIfNoHost(sessionId: string): Promise<void> {
    if ((await d.live.knocks(sessionId)).length === 0 || (await hostPresent(sessionId))) return;
    await endKnocks(sessionId, 'ended', NO_HOST_TO_ANSWER);
  }

  /** Takes a socket out of its circle's rooms; it gets no more of the circle's news. */
  async function leaveRooms(socket: LiveSocket, c: AdmittedCircle): Promise<void> {
    socket.data.circle = undefined;
    await socket.leave(circleRoom(c.sessionId));
    await socket.leave(personalRoom(c.sessionId, c.identity));
  }

  return {
    d,
    tOf,
    presets,
    presetOf,
    topicOf,
    inCircle,
    asHost,
    participants,
    nameIn,
    announceParticipants,
    announceHands,
    toHosts,

    hostPresent,
    endKnocks,
    endKnocksIfNoHost,

    /**
     * Someone else in the host's circle, by identity: their name as shown, or a refusal. A host or a member of
     * staff can be moderated by staff only (a backup host cannot remove the host, nor a volunteer staff).
     */
    async target(socket: LiveSocket, c: AdmittedCircle, identity: string): Promise<string> {
      if (identity === c.identity) throw new AppError(400, 'VALIDATION_FAILED', 'live.target.yourself');
      // Admitted to the live circle, or in its LiveKit room without it (a token used without the page).
      const inMedia = (await d.live.wasAdmitted(c.sessionId, identity)) ? null : (await d.moderation.roomParticipants(c.sessionId)).find((p) => p.identity === identity);
      if (inMedia === undefined) throw new AppError(404, 'NOT_FOUND', 'live.target.notHere');
      if (d.accountOf(socket).role !== 'staff') {
        const there = (await d.io.in(circleRoom(c.sessionId)).fetchSockets()).find((s) => s.data.circle?.identity === identity);
        const hostNow = await d.admission.hostCheck(c.sessionId, there ? [there.data.user] : []);
        if ((there && (there.data.user.role === 'staff' || hostNow(there.data.user))) || inMedia?.role === 'staff') {
          throw new AppError(403, 'FORBIDDEN', 'live.target.staffOnly');
        }
      }
      return (await nameIn(c.sessionId, identity)) ?? tOf(socket)('live.thatPerson');
    },

    /**
     * Tells every signed-in page that a circle's doors changed (locked, unlocked, ended), so home and pre-join pages
     * ask again instead of inviting people into a closed circle. Only the session id: it names nobody.
     */
    doorsChanged(sessionId: string): void {
      d.io.emit('circles:changed', { sessionId });
    },

    /** Tells one person, and only them, what a host did to them, in their language (static words, no name). */
    notify(c: AdmittedCircle, identity: string, notice: Notice): void {
      emitLocalized(d.i18n, d.io.to(personalRoom(c.sessionId, identity)), 'moderation:applied', (t) => ({ action: notice.action, message: t(notice.message) }));
    },

    /** Records a host's action on their circle in the audit log. */
    audit(socket: LiveSocket, c: AdmittedCircle, action: CircleAuditAction): Promise<void> {
      return record(d.db, { actorId: socket.data.user.id, action, targetType: 'session', targetId: c.sessionId, at: d.clock.now() });
    },

    /** What a person sees on joining: the circle as it is now, in the words of `socket`'s person. */
    async snapshot(socket: LiveSocket, c: AdmittedCircle): Promise<CircleSnapshot> {
      const locale = d.localeOf(socket);
      return {
        sessionId: c.sessionId,
        you: { identity: c.identity, isHost: c.isHost },
        knocks: c.isHost ? await d.live.knocks(c.sessionId) : [],
        actingHost: await d.live.actingHost(c.sessionId),
        topic: await topicOf(c.sessionId),
        participants: participantsIn(await participants(c.sessionId), d.i18n.t(locale), locale),
        hands: await d.live.hands(c.sessionId),
        locked: await d.live.isLocked(c.sessionId),
        ended: await d.live.isEnded(c.sessionId),
        crisisText: d.crisisText(locale),
      };
    },

    /** Leaves the socket's circle, if any: out of its rooms and the hand queue, and the others told. */
    async leaveCurrent(socket: LiveSocket): Promise<void> {
      const c = socket.data.circle;
      if (!c) return;
      await leaveRooms(socket, c);
      await d.live.lowerHand(c.sessionId, c.identity);
      await announceHands(c.sessionId);
      await announceParticipants(c.sessionId);
      await endKnocksIfNoHost(c.sessionId);
    },

    /**
     * Across instances, a removal or an end reaches the other instance's room membership a moment after the
     * people concerned may already have heard of it, and a connection that comes back (connection-state
     * recovery) brings its rooms with it; the shared state is the truth, so a removed person or an ended circle
     * is out of the circle on every instance. True when the socket was taken out.
     */
    async forgetCircleIfOver(socket: LiveSocket): Promise<boolean> {
      const c = socket.data.circle;
      if (!c || (await d.admission.mayStay(c.sessionId, c.identity))) return false;
      await leaveRooms(socket, c);
      return true;
    },
  };
}
