import { z } from 'zod';
import type { Ack, ErrorCode } from '../../../shared/errors';
import { isParticipantRole } from '../../../shared/schemas/auth';
import { COMMAND_PAYLOADS, COMMANDS, parseCommand, type LiveCommand } from '../../../shared/schemas/live';
import { AUDITOR_REFUSAL } from '../auth/roles';
import { AppError, renderText } from '../http/errors';
import type { Text } from '../../../shared/i18n/translate';
import { withLocale, zodErrorsIn } from '../i18n/i18n';
import { chatHandlers } from './chat.handlers';
import { circleHandlers } from './circle.handlers';
import { commandOwners } from './commandDedupe';
import { handsHandlers } from './hands.handlers';
import { e2eeHandlers } from './e2ee.handlers';
import { createLiveContext, type CommandTable, type LiveDeps, type LiveSocket, type Outcome } from './liveContext';
import { moderationHandlers } from './moderation.handlers';
import { supportHandlers } from './support.handlers';
import { knockHandlers, endKnockOf } from './knock.handlers';
import { createHandOver } from './handOver';
import { overBudgetMessage } from './rateLimits';

/** An answer before it is put into the person's words: a refusal carries a message id (with its arguments). */
type Answer = { ok: true; data: unknown } | { ok: false; code: ErrorCode; message: Text };
type Ackfn = (a: Answer) => void;

/** A spec seen from the pipeline, which runs every command alike: its payload is whatever the schema let through. */
interface AnySpec {
  budget: CommandTable[LiveCommand]['budget'];
  repeat: 'first' | 'rerun' | ((socket: LiveSocket, payload: unknown) => Promise<unknown>);
  run(socket: LiveSocket, payload: unknown): Promise<Outcome<LiveCommand>>;
}

/** What the dedupe store keeps of an applied command: which command it was, and its answer if `'first'`. */
const Applied = z.object({ event: z.string(), data: z.unknown() });

export interface LiveCommands {
  /** Wires one socket to the commands: one shared listener per socket, no per-socket closures. */
  attach(socket: LiveSocket): void;
  /** Re-runs the live circle's admission for a socket recovered with its rooms; before it connects. */
  readmit(socket: LiveSocket): Promise<void>;
  announceParticipants(sessionId: string): Promise<void>;
  /** Stops this instance's hand-over timers. */
  close(): void;
}

/**
 * The live-circle command pipeline, built once per server and shared by every socket (a socket costs a listener
 * slot, not thirty closures). Each command runs session check → validate → authorize → act → ack → broadcast;
 * unknown errors become a generic code and are logged once (by event name, never payload). The commands
 * themselves come from the handler groups (circle, hands, chat, moderation, support), which together must cover
 * every command in `COMMAND_PAYLOADS`; the payload schemas come from that shared map.
 */
export function createLiveCommands(d: LiveDeps): LiveCommands {
  const x = createLiveContext(d);
  const commandOwner = commandOwners(d.secret);
  const handOver = createHandOver(x);
  const table: CommandTable = {
    ...knockHandlers(x),
    ...handOver.handlers,
    ...circleHandlers(x, { joined: (sessionId) => handOver.check(sessionId) }),
    ...handsHandlers(x),
    ...chatHandlers(x),
    ...moderationHandlers(x),
    ...supportHandlers(x),
    ...e2eeHandlers(x),
  };
  const handlers = new Map<string, (socket: LiveSocket, raw: unknown, ack: Ackfn) => Promise<void>>(
    // Each spec is typed by its own command; here they all run alike, on the payload their schema let through.
    COMMANDS.map((event) => [event, pipeline(event, table[event] as unknown as AnySpec)]),
  );

  function pipeline(event: LiveCommand, { budget, repeat, run }: AnySpec) {
    const schema = COMMAND_PAYLOADS[event];
    /** The answer to a repeat: the first run's (or one rebuilt from now), never a second application. */
    const answerRepeat = async (socket: LiveSocket, payload: unknown, outcome: string | null): Promise<Answer> => {
      // Running elsewhere (or here) right now: it applies once, and its broadcast will show the effect.
      if (outcome === null) return fail('IN_PROGRESS', 'live.command.inProgress');
      const first = Applied.parse(JSON.parse(outcome));
      if (first.event !== event) return fail('CONFLICT', 'live.command.idReused');
      return { ok: true, data: typeof repeat === 'function' ? await repeat(socket, payload) : first.data };
    };
    return async (socket: LiveSocket, raw: unknown, ack: Ackfn) => {
      let claimed: { person: string; commandId: string } | undefined;
      try {
        // Auditors read the audit log and take no part in circles: every command is refused, joining first of all.
        if (!isParticipantRole(socket.data.user.role)) return ack(fail('FORBIDDEN', AUDITOR_REFUSAL));
        if (d.liveAvailable && !d.liveAvailable()) {
          return ack(fail('SERVICE_UNAVAILABLE', 'live.command.reconnecting'));
        }
        // Independent reads, so they share one round trip to Redis when live state is shared.
        const outside = event === 'circle:join' || event === 'circle:knock' || event === 'knock:withdraw';
        const [allowed] = await Promise.all([d.limiter.take(budget, socket.data.user.id), outside ? undefined : x.forgetCircleIfOver(socket)]);
        if (!allowed) {
          return ack(fail('TOO_MANY_REQUESTS', overBudgetMessage(budget)));
        }
        const locale = d.localeOf(socket);
        const parsed = parseCommand(schema, raw, { error: zodErrorsIn(locale) });
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          if (!issue) return ack(fail('VALIDATION_FAILED', 'errors.invalidRequest'));
          // The issue's words as a value: a schema's message id is rendered with the ack, zod's own words are in the locale already.
          const detail = issue.message;
          if (!issue.path.length) return ack(fail('VALIDATION_FAILED', { id: 'errors.issueSocket', values: { detail } }));
          return ack(fail('VALIDATION_FAILED', { id: 'errors.checkFieldSocket', values: { path: issue.path.join('.'), detail } }));
        }
        const { commandId, payload } = parsed;
        // Claimed before it runs, so a repeat arriving meanwhile (on any instance) cannot apply it a second time.
        if (commandId !== undefined && repeat !== 'rerun') {
          const person = commandOwner(socket.data.user.id);
          const seen = await d.dedupe.claim(person, commandId);
          if (seen.state !== 'new') return ack(await answerRepeat(socket, payload, seen.state === 'done' ? seen.outcome : null));
          claimed = { person, commandId };
        }
        const { data, after } = await run(socket, payload);
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
        if (err instanceof AppError) return ack(fail(err.code, err.text));
        d.log.error('socket.unhandled', { event, error: err instanceof Error ? err.name : 'unknown' });
        ack(fail('INTERNAL', 'errors.internal'));
      }
    };
  }

  /** The one listener every socket shares (`this` is the socket): unknown events get an UNKNOWN_EVENT ack. */
  async function onAny(this: LiveSocket, event: string, ...args: unknown[]) {
    const last = args[args.length - 1];
    const send = (typeof last === 'function' ? last : () => undefined) as (a: Ack<unknown>) => void;
    // Every answer leaves in this person's words; the command runs in their locale (for parse() and AppErrors).
    const locale = d.localeOf(this);
    const t = d.i18n.t(locale);
    const ack: Ackfn = (a) => send(a.ok ? a : { ok: false, code: a.code, message: renderText(t, a.message) });
    await withLocale(locale, () => dispatch.call(this, event, args, ack));
  }
  async function dispatch(this: LiveSocket, event: string, args: unknown[], ack: Ackfn) {
    const handler = handlers.get(event);
    if (!handler) return ack(fail('UNKNOWN_EVENT', { id: 'live.command.unknown', values: { event: String(event).slice(0, 40) } }));
    if (d.sessionCheck) {
      // Fails closed: when the store cannot say whether the sign-in still holds, the command is not run.
      const signedIn = await d.sessionCheck(this).catch(() => null);
      if (signedIn === null) return ack(fail('SERVICE_UNAVAILABLE', 'live.command.signInUnchecked'));
      if (!signedIn) {
        ack(fail('UNAUTHENTICATED', 'live.command.signedOut'));
        this.disconnect(true);
        return;
      }
    }
    await handler(this, typeof args[0] === 'function' || args.length === 0 ? {} : args[0], ack);
  }
  function onDisconnect(this: LiveSocket) {
    const c = this.data.circle;
    if (c) void x.announceParticipants(c.sessionId).catch(() => undefined);
    // A host gone may leave knocks with nobody to answer them; a knocker gone withdraws theirs.
    if (c) void x.endKnocksIfNoHost(c.sessionId).catch(() => undefined);
    if (this.data.knock) void endKnockOf(x, this).catch(() => undefined);
  }
  /**
   * A connection that came back with its state (rooms and circle) is let back in only if it may still be there:
   * a removal or an end while it was away takes it out at once, not at its next command.
   */
  async function onRecovered(socket: LiveSocket) {
    const c = socket.data.circle;
    // Asked again once connected: the middleware's check could not run while the live state was unreachable.
    if (!c || (await x.forgetCircleIfOver(socket))) return;
    void handOver.check(c.sessionId).catch(() => undefined);
    // Names and topics are relayed, never replayed: the circle hears the list again, and this socket the topic.
    await x.announceParticipants(c.sessionId);
    // CAUTION: not `socket.emit`, which with connection-state recovery is a broadcast the adapter stores (Redis).
    d.io.local.to(socket.id).emit('topic:changed', await x.topicOf(c.sessionId));
  }

  return {
    /**
     * Admission again for a socket that connection-state recovery brought back with its rooms: run before the
     * connection completes (in the middleware), so a person removed or a circle ended while it was away hears no
     * broadcast of the circle's again, and host rights are as the roster says now.
     */
    announceParticipants: (sessionId) => x.announceParticipants(sessionId),
    close: () => handOver.stop(),
    async readmit(socket) {
      if (!socket.data.circle || (await x.forgetCircleIfOver(socket))) return;
      const c = socket.data.circle;
      socket.data.circle = { ...c, isHost: await d.admission.isHostNow(d.accountOf(socket), c.sessionId) };
    },
    attach(socket) {
      socket.onAny(onAny as (...args: unknown[]) => void);
      socket.on('disconnect', onDisconnect);
      if (socket.recovered && socket.data.circle) void onRecovered(socket).catch(() => undefined);
      // A knock ends when its connection drops: one that comes back is told so, and may knock again.
      if (socket.recovered && socket.data.knock) void endKnockOf(x, socket, true).catch(() => undefined);
    },
  };
}

function fail(code: ErrorCode, message: Text): { ok: false; code: ErrorCode; message: Text } {
  return { ok: false, code, message };
}
