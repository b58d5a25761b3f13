import { randomUUID } from 'node:crypto';
import { record } from '../audit/audit.repository';
import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import type { Ack, ErrorCode } from '../../../shared/errors';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from '../../../shared/events';
import { isParticipantRole } from '../../../shared/schemas/auth';
import {
  ChatRemovePayload,
  ChatSendPayload,
  CircleJoinPayload,
  Empty,
  LockPayload,
  MicBlockPayload,
  parseCommand,
  ReactionSendPayload,
  SupportHandlePayload,
  TargetPayload,
  TopicPivotPayload,
  type CircleSnapshot,
  type LiveParticipant,
} from '../../../shared/schemas/live';
import { AUDITOR_REFUSAL } from '../auth/roles';
import type { CirclesService } from '../circles/circles.service';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import { attributesFor } from '../livekit/circleToken';
import type { Logger } from '../log';
import type { Db } from '../store/db';
import type { Admission } from './admission';
import type { ChatRelay } from './chatRelay';
import { commandOwner, type CommandDedupe } from './commandDedupe';
import type { LiveState } from './liveState';
import type { MediaModeration } from './mediaModeration';
import type { Budget, CommandLimiter } from './rateLimits';
import { supportRequestsRepository } from './supportRequests.repository';

export type IO = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface LiveDeps {
  io: IO;
  db: Db;
  clock: Clock;
  log: Logger;
  circles: CirclesService;
  live: LiveState;
  /** The commands applied recently, per person and command id: a repeat is answered, not applied again. */
  dedupe: CommandDedupe;
  moderation: MediaModeration;
  limiter: CommandLimiter;
  chat: ChatRelay;
  /** Who may enter a circle and with which rights. */
  admission: Admission;
  secret: string;
  crisisText: string;
  /** False while shared live state (Redis) is unreachable: commands are then refused at once with a typed code. */
  liveAvailable?: () => boolean;
  /** Resolves false when the socket's sign-in has ended elsewhere: the command is refused and the socket closed. */
  sessionCheck?: (socket: LiveSocket) => Promise<boolean>;
}

export const circleRoom = (sessionId: string) => `circle:${sessionId}`;
export const personalRoom = (sessionId: string, identity: string) => `person:${sessionId}:${identity}`;
export const STAFF_ROOM = 'staff';

/** Every command the server answers; anything else gets an UNKNOWN_EVENT ack. */
export const COMMANDS = [
  'circle:join',
  'circle:leave',
  'circle:lock',
  'circle:end',
  'topic:pivot',
  'hand:raise',
  'hand:lower',
  'hand:callNext',
  'hand:lowerAll',
  'chat:send',
  'chat:remove',
  'reaction:send',
  'moderation:mute',
  'moderation:blockMic',
  'moderation:cameraOff',
  'moderation:remove',
  'support:request',
  'support:list',
  'support:handle',
] as const satisfies ReadonlyArray<keyof ClientToServerEvents>;

type Handler<S extends z.ZodType, T> = (socket: LiveSocket, payload: z.infer<S>) => Promise<{ data: T; after?: () => Promise<unknown> }>;
type Command = (typeof COMMANDS)[number];
type Ackfn = (a: Ack<unknown>) => void;

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
type Repeat<S extends z.ZodType, T> = 'first' | 'rerun' | ((socket: LiveSocket, payload: z.infer<S>) => Promise<T>);

/** What the dedupe store keeps of an applied command: which command it was, and its answer if `'first'`. */
const Outcome = z.object({ event: z.string(), data: z.unknown() });

export interface LiveCommands {
  /** Wires one socket to the commands: one shared listener per socket, no per-socket closures. */
  attach(socket: LiveSocket): void;
}

/**
 * The live-circle commands, built once per server and shared by every socket (a socket costs a listener slot, not
 * thirty closures). Each command runs session check → validate → authorize → act → ack → broadcast; unknown errors
 * become a generic code and are logged once (by event name, never payload).
 */
export function createLiveCommands(d: LiveDeps): LiveCommands {
  const handlers = new Map<string, (socket: LiveSocket, raw: unknown, ack: Ackfn) => Promise<void>>();

  function command<S extends z.ZodType, T>(event: Command, schema: S, budget: Budget, repeat: Repeat<S, T>, fn: Handler<S, T>) {
    /** The answer to a repeat: the first run's (or one rebuilt from now), never a second application. */
    const answerRepeat = async (socket: LiveSocket, payload: z.infer<S>, outcome: string | null): Promise<Ack<unknown>> => {
      // Running elsewhere (or here) right now: it applies once, and its broadcast will show the effect.
      if (outcome === null) return fail('IN_PROGRESS', 'That is still going through. It will show here in a moment.');
      const first = Outcome.parse(JSON.parse(outcome));
      if (first.event !== event) return fail('CONFLICT', 'That command id was already used for another command. Send it with a new id.');
      return { ok: true, data: typeof repeat === 'function' ? await repeat(socket, payload) : first.data };
    };
    const run = async (socket: LiveSocket, raw: unknown, ack: Ackfn) => {
      let claimed: { person: string; commandId: string } | undefined;
      try {
        // Auditors read the audit log and take no part in circles: every command is refused, joining first of all.
        if (!isParticipantRole(socket.data.user.role)) return ack(fail('FORBIDDEN', AUDITOR_REFUSAL));
        if (d.liveAvailable && !d.liveAvailable()) {
          return ack(fail('SERVICE_UNAVAILABLE', 'Live features are reconnecting. Audio and video go on; try again in a moment.'));
        }
        // Independent reads, so they share one round trip to Redis when live state is shared.
        const [allowed] = await Promise.all([d.limiter.take(budget, socket.data.user.id), event === 'circle:join' ? undefined : forgetCircleIfOver(socket)]);
        if (!allowed) {
          return ack(fail('TOO_MANY_REQUESTS', 'You are doing that too often. Wait a few seconds and try again.'));
        }
        const parsed = parseCommand(schema, raw);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
          return ack(fail('VALIDATION_FAILED', `${where}${issue?.message ?? 'The request is not valid.'}`));
        }
        const { commandId, payload } = parsed;
        // Claimed before it runs, so a repeat arriving meanwhile (on any instance) cannot apply it a second time.
        if (commandId !== undefined && repeat !== 'rerun') {
          const person = commandOwner(d.secret, socket.data.user.id);
          const seen = await d.dedupe.claim(person, commandId);
          if (seen.state !== 'new') return ack(await answerRepeat(socket, payload, seen.state === 'done' ? seen.outcome : null));
          claimed = { person, commandId };
        }
        const { data, after } = await fn(socket, payload);
        if (claimed) {
          const { person, commandId: id } = claimed;
          claimed = undefined;
          // Kept before the ack goes out, so a retry that follows a lost ack finds it. If it cannot be kept (Redis
          // lost just now), the command still applied: the claim then answers repeats IN_PROGRESS until it lapses.
          const outcome = JSON.stringify(repeat === 'first' ? { event, data } : { event, data: null });
          await d.dedupe.settle(person, id, outcome).catch(() => d.log.warn('command.outcome_not_kept', { event }));
        }
        ack({ ok: true, data });
        await after?.();
      } catch (err) {
        // Refused or failed: nothing was applied (or, for an unknown error, perhaps part of it), so a retry with
        // the same id is judged afresh rather than answered with this refusal.
        if (claimed) void d.dedupe.release(claimed.person, claimed.commandId).catch(() => undefined);
        if (err instanceof AppError) return ack(fail(err.code, err.message));
        d.log.error('socket.unhandled', { event, error: err instanceof Error ? err.name : 'unknown' });
        ack(fail('INTERNAL', 'Something went wrong on our side. Please try again.'));
      }
    };
    handlers.set(event, run);
  }

  /**
   * Across instances, a removal or an end reaches the other instance's room membership a moment after the
   * people concerned may already have heard of it; the shared state is the truth, so a removed person or an
   * ended circle is out of the circle on every instance before any command runs.
   */
  async function forgetCircleIfOver(socket: LiveSocket): Promise<boolean> {
    const c = socket.data.circle;
    if (!c || (await d.admission.mayStay(c.sessionId, c.identity))) return false;
    socket.data.circle = undefined;
    await socket.leave(circleRoom(c.sessionId));
    await socket.leave(personalRoom(c.sessionId, c.identity));
    return true;
  }

  /** The circle this socket was admitted to, if it is still in it (a removal takes the socket out of the room). */
  function inCircle(socket: LiveSocket) {
    const c = socket.data.circle;
    if (!c || !socket.rooms.has(circleRoom(c.sessionId))) {
      throw new AppError(409, 'NOT_IN_CIRCLE', 'You are not in a circle right now. Join the circle first.');
    }
    return c;
  }
  function asHost(socket: LiveSocket) {
    const c = inCircle(socket);
    if (!c.isHost) throw new AppError(403, 'FORBIDDEN', 'Only the host of this circle can do that.');
    return c;
  }
  async function target(sessionId: string, identity: string, self: string) {
    if (identity === self) throw new AppError(400, 'VALIDATION_FAILED', 'Choose someone other than yourself.');
    if (!(await d.live.wasAdmitted(sessionId, identity))) {
      throw new AppError(404, 'NOT_FOUND', 'That person is not in this circle.');
    }
    return nameIn(sessionId, identity);
  }
  async function nameIn(sessionId: string, identity: string) {
    return (await participants(sessionId)).find((p) => p.identity === identity)?.displayName ?? 'That person';
  }

  async function participants(sessionId: string): Promise<LiveParticipant[]> {
    const sockets = await d.io.in(circleRoom(sessionId)).fetchSockets();
    const blocked = await d.live.micBlocked(sessionId);
    const seen = new Map<string, LiveParticipant>();
    for (const s of sockets) {
      const c = s.data.circle;
      const role = s.data.user.role;
      // Only people who take part are ever admitted; the role check makes that visible to the type, too.
      if (!c || c.sessionId !== sessionId || seen.has(c.identity) || !isParticipantRole(role)) continue;
      seen.set(c.identity, {
        identity: c.identity,
        displayName: c.displayName,
        ...attributesFor(role), // the red mug as LiveKit shows it, from the same rule
        isHost: c.isHost,
        micBlocked: blocked.has(c.identity),
      });
    }
    return [...seen.values()].sort((a, b) => Number(b.isHost) - Number(a.isHost) || a.displayName.localeCompare(b.displayName));
  }
  const announceParticipants = async (sessionId: string): Promise<void> => {
    d.io.to(circleRoom(sessionId)).emit('participants:changed', { participants: await participants(sessionId) });
  };

  async function snapshot(sessionId: string, identity: string, isHost: boolean, preset: string | null): Promise<CircleSnapshot> {
    return {
      sessionId,
      you: { identity, isHost },
      topic: await d.live.topic(sessionId, preset),
      participants: await participants(sessionId),
      hands: await d.live.hands(sessionId),
      locked: await d.live.isLocked(sessionId),
      ended: await d.live.isEnded(sessionId),
      crisisText: d.crisisText,
    };
  }

  async function leaveCurrent(socket: LiveSocket) {
    const c = socket.data.circle;
    if (!c) return;
    socket.data.circle = undefined;
    await socket.leave(circleRoom(c.sessionId));
    await socket.leave(personalRoom(c.sessionId, c.identity));
    await d.live.lowerHand(c.sessionId, c.identity);
    d.io.to(circleRoom(c.sessionId)).emit('hands:changed', { hands: await d.live.hands(c.sessionId) });
    await announceParticipants(c.sessionId);
  }

  // Joining again changes nothing and answers with the circle as it is now, which holds names: never stored.
  command('circle:join', CircleJoinPayload, 'join', 'rerun', async (socket, { sessionId, displayName }) => {
    const { session, identity, room, isHost } = await d.admission.circle(socket.data.user, sessionId);
    if (socket.data.circle && socket.data.circle.sessionId !== sessionId) await leaveCurrent(socket);
    socket.data.circle = { sessionId, identity, displayName, isHost };
    await socket.join([circleRoom(sessionId), personalRoom(sessionId, identity)]);
    await d.live.admit(sessionId, identity);
    await d.live.bindRoom(room, sessionId);
    return {
      data: await snapshot(sessionId, identity, isHost, session.topic),
      after: () => announceParticipants(sessionId),
    };
  });

  command('circle:leave', Empty, 'other', 'first', async (socket) => {
    inCircle(socket);
    await leaveCurrent(socket);
    return { data: null };
  });

  // The answer holds typed topics, so a repeat is answered with the topic as it stands now (the pivot in it once).
  const topicNow = async (socket: LiveSocket) => {
    const { sessionId } = inCircle(socket);
    return d.live.topic(sessionId, (await d.circles.session(sessionId)).topic);
  };
  command('topic:pivot', TopicPivotPayload, 'moderation', topicNow, async (socket, { topic }) => {
    const c = asHost(socket);
    const preset = (await d.circles.session(c.sessionId)).topic;
    const state = await d.live.pivot(c.sessionId, preset, topic, d.clock.now());
    await record(d.db, { actorId: socket.data.user.id, action: 'circle.pivot', targetType: 'session', targetId: c.sessionId, at: d.clock.now() });
    return { data: state, after: async () => void d.io.to(circleRoom(c.sessionId)).emit('topic:changed', state) };
  });

  const handsChanged = (sessionId: string, hands: Awaited<ReturnType<LiveState['hands']>>) => async () =>
    void d.io.to(circleRoom(sessionId)).emit('hands:changed', { hands });

  // Hand answers are opaque identities and times, so the first answer is kept for a repeat.

  command('hand:raise', Empty, 'hand', 'first', async (socket) => {
    const c = inCircle(socket);
    const hands = await d.live.raiseHand(c.sessionId, c.identity, d.clock.now());
    return { data: hands, after: handsChanged(c.sessionId, hands) };
  });
  command('hand:lower', Empty, 'hand', 'first', async (socket) => {
    const c = inCircle(socket);
    const hands = await d.live.lowerHand(c.sessionId, c.identity);
    return { data: hands, after: handsChanged(c.sessionId, hands) };
  });
  command('hand:lowerAll', Empty, 'moderation', 'first', async (socket) => {
    const c = asHost(socket);
    const hands = await d.live.lowerAll(c.sessionId);
    return { data: hands, after: handsChanged(c.sessionId, hands) };
  });
  command('hand:callNext', Empty, 'moderation', 'first', async (socket) => {
    const c = asHost(socket);
    const { called, hands } = await d.live.callNext(c.sessionId);
    return {
      data: { called },
      after: async () => {
        await handsChanged(c.sessionId, hands)();
        if (called) {
          const name = (await participants(c.sessionId)).find((p) => p.identity === called)?.displayName ?? 'Someone';
          d.io.to(circleRoom(c.sessionId)).emit('hand:called', { identity: called, displayName: name });
        }
      },
    };
  });

  // The answer is the line's random id only; the text is never kept, not even to answer a repeat.
  command('chat:send', ChatSendPayload, 'chat', 'first', async (socket, { text }) => {
    const c = inCircle(socket);
    const message = { id: randomUUID(), identity: c.identity, displayName: c.displayName, text, at: d.clock.now().toISOString() };
    // Never stored, never logged: handed to the people in the circle now, and gone.
    await d.chat.publish({ room: circleRoom(c.sessionId), event: 'chat:received', payload: message });
    return { data: { id: message.id } };
  });
  command('chat:remove', ChatRemovePayload, 'moderation', 'first', async (socket, { messageId }) => {
    const c = asHost(socket);
    await d.chat.publish({ room: circleRoom(c.sessionId), event: 'chat:removed', payload: { id: messageId } });
    return { data: null };
  });

  command('reaction:send', ReactionSendPayload, 'reaction', 'first', async (socket, { reaction }) => {
    const c = inCircle(socket);
    d.io.to(circleRoom(c.sessionId)).volatile.emit('reaction:sent', { identity: c.identity, reaction });
    return { data: null };
  });

  const notify = (sessionId: string, identity: string, action: Parameters<ServerToClientEvents['moderation:applied']>[0]) =>
    d.io.to(personalRoom(sessionId, identity)).emit('moderation:applied', action);

  // What a host is told after a moderation command. It names the person, so a repeat is told it afresh (by the
  // name now) rather than from the dedupe store.
  const told = {
    muted: (name: string) => `${name} is muted.`,
    micBlocked: (name: string, blocked: boolean) => (blocked ? `${name} is muted and cannot unmute until you allow it.` : `${name} can unmute again.`),
    cameraOff: (name: string) => `${name}'s camera is off.`,
    removed: (name: string) => `${name} has been removed and cannot rejoin this circle.`,
  };
  const tellAgain =
    (say: (name: string, payload: { identity: string; blocked?: boolean }) => string) =>
    async (socket: LiveSocket, payload: { identity: string; blocked?: boolean }) => ({
      message: say(await nameIn(inCircle(socket).sessionId, payload.identity), payload),
    });

  command('moderation:mute', TargetPayload, 'moderation', tellAgain(told.muted), async (socket, { identity }) => {
    const c = asHost(socket);
    const name = await target(c.sessionId, identity, c.identity);
    await d.moderation.muteMicrophone(c.sessionId, identity);
    await record(d.db, { actorId: socket.data.user.id, action: 'circle.mute', targetType: 'session', targetId: c.sessionId, at: d.clock.now() });
    notify(c.sessionId, identity, { action: 'muted', message: 'The host muted your microphone. You can unmute when you want to speak.' });
    return { data: { message: told.muted(name) } };
  });

  const micRepeat = tellAgain((name, p) => told.micBlocked(name, p.blocked === true));
  command('moderation:blockMic', MicBlockPayload, 'moderation', micRepeat, async (socket, { identity, blocked }) => {
    const c = asHost(socket);
    const name = await target(c.sessionId, identity, c.identity);
    await d.moderation.blockMicrophone(c.sessionId, identity, blocked);
    await d.live.setMicBlocked(c.sessionId, identity, blocked);
    await record(d.db, { actorId: socket.data.user.id, action: blocked ? 'circle.mic_block' : 'circle.mic_allow', targetType: 'session', targetId: c.sessionId, at: d.clock.now() });
    notify(
      c.sessionId,
      identity,
      blocked
        ? { action: 'mic_blocked', message: 'The host has muted you and turned off unmuting for now. They can allow it again.' }
        : { action: 'mic_allowed', message: 'The host has allowed you to unmute again.' },
    );
    return {
      data: { message: told.micBlocked(name, blocked) },
      after: () => announceParticipants(c.sessionId),
    };
  });

  command('moderation:cameraOff', TargetPayload, 'moderation', tellAgain(told.cameraOff), async (socket, { identity }) => {
    const c = asHost(socket);
    const name = await target(c.sessionId, identity, c.identity);
    await d.moderation.turnOffCamera(c.sessionId, identity);
    await record(d.db, { actorId: socket.data.user.id, action: 'circle.camera_off', targetType: 'session', targetId: c.sessionId, at: d.clock.now() });
    notify(c.sessionId, identity, { action: 'camera_off', message: 'The host turned off your camera. You can turn it back on.' });
    return { data: { message: told.cameraOff(name) } };
  });

  command('moderation:remove', TargetPayload, 'moderation', tellAgain(told.removed), async (socket, { identity }) => {
    const c = asHost(socket);
    const name = await target(c.sessionId, identity, c.identity);
    // Blocked first, so no new token or socket admission can race the removal.
    await d.live.remove(c.sessionId, identity);
    notify(c.sessionId, identity, {
      action: 'removed',
      message: 'A host has removed you from this circle. If you need support, staff are here for you.',
    });
    // Out of the circle at once, and off the connection: the notice above travels first on the same connection.
    const theirs = d.io.in(personalRoom(c.sessionId, identity));
    await theirs.socketsLeave(circleRoom(c.sessionId));
    theirs.disconnectSockets();
    await d.moderation.remove(c.sessionId, identity);
    await record(d.db, { actorId: socket.data.user.id, action: 'circle.remove', targetType: 'session', targetId: c.sessionId, at: d.clock.now() });
    return {
      data: { message: told.removed(name) },
      after: async () => {
        await announceParticipants(c.sessionId);
        d.io.to(circleRoom(c.sessionId)).emit('hands:changed', { hands: await d.live.hands(c.sessionId) });
      },
    };
  });

  command('circle:lock', LockPayload, 'moderation', 'first', async (socket, { locked }) => {
    const c = asHost(socket);
    await d.live.setLocked(c.sessionId, locked);
    await record(d.db, { actorId: socket.data.user.id, action: locked ? 'circle.lock' : 'circle.unlock', targetType: 'session', targetId: c.sessionId, at: d.clock.now() });
    return { data: { locked }, after: async () => void d.io.to(circleRoom(c.sessionId)).emit('circle:lockChanged', { locked }) };
  });

  command('circle:end', Empty, 'moderation', 'first', async (socket) => {
    const c = asHost(socket);
    await d.live.setEnded(c.sessionId);
    await record(d.db, { actorId: socket.data.user.id, action: 'circle.end', targetType: 'session', targetId: c.sessionId, at: d.clock.now() });
    d.io.to(circleRoom(c.sessionId)).emit('circle:ended', { message: 'The host has ended this circle. Thank you for coming.' });
    await d.io.in(circleRoom(c.sessionId)).socketsLeave(circleRoom(c.sessionId));
    await d.moderation.endRoom(c.sessionId);
    return { data: null };
  });

  command('support:request', Empty, 'other', 'first', async (socket) => {
    const fromCircle = Boolean(socket.data.circle);
    const request = await supportRequestsRepository(d.db).create(socket.data.user.id, fromCircle, d.clock.now());
    return {
      data: { message: 'Thank you. Staff will contact you privately. Nobody in the circle can see this request.' },
      after: async () => void d.io.to(STAFF_ROOM).emit('support:requested', request),
    };
  });
  command('support:list', Empty, 'other', 'rerun', async (socket) => {
    if (socket.data.user.role !== 'staff') throw new AppError(403, 'FORBIDDEN', 'Only staff can see support requests.');
    return { data: await supportRequestsRepository(d.db).open() };
  });
  command('support:handle', SupportHandlePayload, 'other', 'first', async (socket, { id }) => {
    if (socket.data.user.role !== 'staff') throw new AppError(403, 'FORBIDDEN', 'Only staff can work on support requests.');
    if (!(await supportRequestsRepository(d.db).handle(id, socket.data.user.id, d.clock.now()))) {
      throw new AppError(404, 'NOT_FOUND', 'That request is already handled or does not exist.');
    }
    return { data: null };
  });

  /** The one listener every socket shares (`this` is the socket): unknown events get an UNKNOWN_EVENT ack. */
  async function onAny(this: LiveSocket, event: string, ...args: unknown[]) {
    const last = args[args.length - 1];
    const ack = (typeof last === 'function' ? last : () => undefined) as Ackfn;
    const handler = handlers.get(event);
    if (!handler) return ack(fail('UNKNOWN_EVENT', `There is no command called "${String(event).slice(0, 40)}".`));
    if (d.sessionCheck && !(await d.sessionCheck(this).catch(() => true))) {
      ack(fail('UNAUTHENTICATED', 'Your sign-in has ended. Please sign in again.'));
      this.disconnect(true);
      return;
    }
    await handler(this, typeof args[0] === 'function' || args.length === 0 ? {} : args[0], ack);
  }
  /**
   * A connection that came back with its state (rooms and circle) is let back in only if it may still be there:
   * a removal or an end while it was away takes it out at once, not at its next command.
   */
  async function onRecovered(socket: LiveSocket) {
    const c = socket.data.circle;
    if (c && !(await forgetCircleIfOver(socket))) await announceParticipants(c.sessionId);
  }
  function onDisconnect(this: LiveSocket) {
    const c = this.data.circle;
    if (c) void announceParticipants(c.sessionId).catch(() => undefined);
  }

  return {
    attach(socket) {
      socket.onAny(onAny as (...args: unknown[]) => void);
      socket.on('disconnect', onDisconnect);
      if (socket.recovered && socket.data.circle) void onRecovered(socket).catch(() => undefined);
    },
  };
}

function fail(code: ErrorCode, message: string): { ok: false; code: ErrorCode; message: string } {
  return { ok: false, code, message };
}
