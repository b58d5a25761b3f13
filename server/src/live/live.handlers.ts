import { randomUUID } from 'node:crypto';
import { record } from '../audit/audit.repository';
import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
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
import { participantIdentity } from '../livekit/identities';
import type { Logger } from '../log';
import type { Db } from '../store/db';
import type { ChatRelay } from './chatRelay';
import { isHostOf, type SessionHostIds } from './hostPolicy';
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
  moderation: MediaModeration;
  limiter: CommandLimiter;
  chat: ChatRelay;
  hostIds: SessionHostIds;
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

  function command<S extends z.ZodType, T>(event: Command, schema: S, budget: Budget, fn: Handler<S, T>) {
    const run = async (socket: LiveSocket, raw: unknown, ack: Ackfn) => {
      try {
        // Auditors read the audit log and take no part in circles: every command is refused, joining first of all.
        if (!isParticipantRole(socket.data.user.role)) return ack(fail('FORBIDDEN', AUDITOR_REFUSAL));
        if (d.liveAvailable && !d.liveAvailable()) {
          return ack(fail('SERVICE_UNAVAILABLE', 'Live features are reconnecting. Audio and video go on; try again in a moment.'));
        }
        // Independent reads, so they share one round trip to Redis when live state is shared.
        const [allowed] = await Promise.all([d.limiter.take(budget, socket.data.user.id), forgetCircleIfOver(socket, event)]);
        if (!allowed) {
          return ack(fail('TOO_MANY_REQUESTS', 'You are doing that too often. Wait a few seconds and try again.'));
        }
        const parsed = schema.safeParse(raw);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
          return ack(fail('VALIDATION_FAILED', `${where}${issue?.message ?? 'The request is not valid.'}`));
        }
        const { data, after } = await fn(socket, parsed.data);
        ack({ ok: true, data });
        await after?.();
      } catch (err) {
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
  async function forgetCircleIfOver(socket: LiveSocket, event: Command) {
    const c = socket.data.circle;
    if (!c || event === 'circle:join') return;
    const [ended, removed] = await Promise.all([d.live.isEnded(c.sessionId), d.live.isRemoved(c.sessionId, c.identity)]);
    if (!ended && !removed) return;
    socket.data.circle = undefined;
    await socket.leave(circleRoom(c.sessionId));
    await socket.leave(personalRoom(c.sessionId, c.identity));
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
    const name = (await participants(sessionId)).find((p) => p.identity === identity)?.displayName ?? 'That person';
    return name;
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
        role,
        badge: role === 'volunteer' ? 'red-mug' : '',
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

  command('circle:join', CircleJoinPayload, 'join', async (socket, { sessionId, displayName }) => {
    const session = await d.circles.admissible(socket.data.user, sessionId);
    const identity = participantIdentity(d.secret, socket.data.user.id, sessionId);
    if (await d.live.isEnded(sessionId)) throw new AppError(409, 'CIRCLE_ENDED', 'This circle has ended. See you at the next one.');
    if (await d.live.isRemoved(sessionId, identity)) {
      throw new AppError(403, 'REMOVED', 'A host removed you from this circle, so you cannot rejoin it. Staff can help if you think this was a mistake.');
    }
    const isHost = await isHostOf(socket.data.user, sessionId, d.hostIds);
    if (!isHost && (await d.live.isLocked(sessionId)) && !(await d.live.wasAdmitted(sessionId, identity))) {
      throw new AppError(409, 'CIRCLE_LOCKED', 'The host has closed this circle to newcomers for now. Try the next one, or ask staff.');
    }
    if (socket.data.circle && socket.data.circle.sessionId !== sessionId) await leaveCurrent(socket);
    socket.data.circle = { sessionId, identity, displayName, isHost };
    await socket.join([circleRoom(sessionId), personalRoom(sessionId, identity)]);
    await d.live.admit(sessionId, identity);
    await d.live.bindRoom(d.moderation.roomName(sessionId), sessionId);
    return {
      data: await snapshot(sessionId, identity, isHost, session.topic),
      after: () => announceParticipants(sessionId),
    };
  });

  command('circle:leave', Empty, 'other', async (socket) => {
    inCircle(socket);
    await leaveCurrent(socket);
    return { data: null };
  });

  command('topic:pivot', TopicPivotPayload, 'moderation', async (socket, { topic }) => {
    const c = asHost(socket);
    const preset = (await d.circles.session(c.sessionId)).topic;
    const state = await d.live.pivot(c.sessionId, preset, topic, d.clock.now());
    await record(d.db, { actorId: socket.data.user.id, action: 'circle.pivot', targetType: 'session', targetId: c.sessionId, at: d.clock.now() });
    return { data: state, after: async () => void d.io.to(circleRoom(c.sessionId)).emit('topic:changed', state) };
  });

  const handsChanged = (sessionId: string, hands: Awaited<ReturnType<LiveState['hands']>>) => async () =>
    void d.io.to(circleRoom(sessionId)).emit('hands:changed', { hands });

  command('hand:raise', Empty, 'hand', async (socket) => {
    const c = inCircle(socket);
    const hands = await d.live.raiseHand(c.sessionId, c.identity, d.clock.now());
    return { data: hands, after: handsChanged(c.sessionId, hands) };
  });
  command('hand:lower', Empty, 'hand', async (socket) => {
    const c = inCircle(socket);
    const hands = await d.live.lowerHand(c.sessionId, c.identity);
    return { data: hands, after: handsChanged(c.sessionId, hands) };
  });
  command('hand:lowerAll', Empty, 'moderation', async (socket) => {
    const c = asHost(socket);
    const hands = await d.live.lowerAll(c.sessionId);
    return { data: hands, after: handsChanged(c.sessionId, hands) };
  });
  command('hand:callNext', Empty, 'moderation', async (socket) => {
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

  command('chat:send', ChatSendPayload, 'chat', async (socket, { text }) => {
    const c = inCircle(socket);
    const message = { id: randomUUID(), identity: c.identity, displayName: c.displayName, text, at: d.clock.now().toISOString() };
    // Never stored, never logged: handed to the people in the circle now, and gone.
    await d.chat.publish({ room: circleRoom(c.sessionId), event: 'chat:received', payload: message });
    return { data: { id: message.id } };
  });
  command('chat:remove', ChatRemovePayload, 'moderation', async (socket, { messageId }) => {
    const c = asHost(socket);
    await d.chat.publish({ room: circleRoom(c.sessionId), event: 'chat:removed', payload: { id: messageId } });
    return { data: null };
  });

  command('reaction:send', ReactionSendPayload, 'reaction', async (socket, { reaction }) => {
    const c = inCircle(socket);
    d.io.to(circleRoom(c.sessionId)).volatile.emit('reaction:sent', { identity: c.identity, reaction });
    return { data: null };
  });

  const notify = (sessionId: string, identity: string, action: Parameters<ServerToClientEvents['moderation:applied']>[0]) =>
    d.io.to(personalRoom(sessionId, identity)).emit('moderation:applied', action);

  command('moderation:mute', TargetPayload, 'moderation', async (socket, { identity }) => {
    const c = asHost(socket);
    const name = await target(c.sessionId, identity, c.identity);
    await d.moderation.muteMicrophone(c.sessionId, identity);
    await record(d.db, { actorId: socket.data.user.id, action: 'circle.mute', targetType: 'session', targetId: c.sessionId, at: d.clock.now() });
    notify(c.sessionId, identity, { action: 'muted', message: 'The host muted your microphone. You can unmute when you want to speak.' });
    return { data: { message: `${name} is muted.` } };
  });

  command('moderation:blockMic', MicBlockPayload, 'moderation', async (socket, { identity, blocked }) => {
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
      data: { message: blocked ? `${name} is muted and cannot unmute until you allow it.` : `${name} can unmute again.` },
      after: () => announceParticipants(c.sessionId),
    };
  });

  command('moderation:cameraOff', TargetPayload, 'moderation', async (socket, { identity }) => {
    const c = asHost(socket);
    const name = await target(c.sessionId, identity, c.identity);
    await d.moderation.turnOffCamera(c.sessionId, identity);
    await record(d.db, { actorId: socket.data.user.id, action: 'circle.camera_off', targetType: 'session', targetId: c.sessionId, at: d.clock.now() });
    notify(c.sessionId, identity, { action: 'camera_off', message: 'The host turned off your camera. You can turn it back on.' });
    return { data: { message: `${name}'s camera is off.` } };
  });

  command('moderation:remove', TargetPayload, 'moderation', async (socket, { identity }) => {
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
      data: { message: `${name} has been removed and cannot rejoin this circle.` },
      after: async () => {
        await announceParticipants(c.sessionId);
        d.io.to(circleRoom(c.sessionId)).emit('hands:changed', { hands: await d.live.hands(c.sessionId) });
      },
    };
  });

  command('circle:lock', LockPayload, 'moderation', async (socket, { locked }) => {
    const c = asHost(socket);
    await d.live.setLocked(c.sessionId, locked);
    await record(d.db, { actorId: socket.data.user.id, action: locked ? 'circle.lock' : 'circle.unlock', targetType: 'session', targetId: c.sessionId, at: d.clock.now() });
    return { data: { locked }, after: async () => void d.io.to(circleRoom(c.sessionId)).emit('circle:lockChanged', { locked }) };
  });

  command('circle:end', Empty, 'moderation', async (socket) => {
    const c = asHost(socket);
    await d.live.setEnded(c.sessionId);
    await record(d.db, { actorId: socket.data.user.id, action: 'circle.end', targetType: 'session', targetId: c.sessionId, at: d.clock.now() });
    d.io.to(circleRoom(c.sessionId)).emit('circle:ended', { message: 'The host has ended this circle. Thank you for coming.' });
    await d.io.in(circleRoom(c.sessionId)).socketsLeave(circleRoom(c.sessionId));
    await d.moderation.endRoom(c.sessionId);
    return { data: null };
  });

  command('support:request', Empty, 'other', async (socket) => {
    const fromCircle = Boolean(socket.data.circle);
    const request = await supportRequestsRepository(d.db).create(socket.data.user.id, fromCircle, d.clock.now());
    return {
      data: { message: 'Thank you. Staff will contact you privately. Nobody in the circle can see this request.' },
      after: async () => void d.io.to(STAFF_ROOM).emit('support:requested', request),
    };
  });
  command('support:list', Empty, 'other', async (socket) => {
    if (socket.data.user.role !== 'staff') throw new AppError(403, 'FORBIDDEN', 'Only staff can see support requests.');
    return { data: await supportRequestsRepository(d.db).open() };
  });
  command('support:handle', SupportHandlePayload, 'other', async (socket, { id }) => {
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
  function onDisconnect(this: LiveSocket) {
    const c = this.data.circle;
    if (c) void announceParticipants(c.sessionId).catch(() => undefined);
  }

  return {
    attach(socket) {
      socket.onAny(onAny as (...args: unknown[]) => void);
      socket.on('disconnect', onDisconnect);
      if (socket.recovered && socket.data.circle) void announceParticipants(socket.data.circle.sessionId).catch(() => undefined);
    },
  };
}

function fail(code: ErrorCode, message: string): { ok: false; code: ErrorCode; message: string } {
  return { ok: false, code, message };
}
