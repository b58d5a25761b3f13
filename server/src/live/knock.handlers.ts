import type { MessageId } from '../../../shared/i18n/catalog';
import { AppError } from '../http/errors';
import type { CommandTable, LiveContext, LiveSocket } from './liveContext';
import { knockRoom, NO_HOST_TO_ANSWER } from './liveContext';
import { emitLocalized } from './localeRooms';

/** What the person who knocked is told, in each case; none names anyone. */
const ANSWERS = {
  admitted: 'live.knock.admitted',
  declined: 'live.knock.declined',
  dropped: 'live.knock.dropped',
} as const satisfies Record<string, MessageId>;

const gone = () => new AppError(404, 'NOT_FOUND', 'live.knock.gone');

/**
 * Ends the knock a socket is waiting on (it withdrew, or its connection dropped): out of the hosts' view, and the
 * socket out of the knock's room. With `tell`, the socket hears that its knock is over (a connection that came back).
 */
export async function endKnockOf(x: LiveContext, socket: LiveSocket, tell = false): Promise<void> {
  const k = socket.data.knock;
  if (!k) return;
  socket.data.knock = undefined;
  await socket.leave(knockRoom(k.sessionId, k.identity));
  if (await x.d.live.takeKnock(k.sessionId, k.identity)) {
    await x.toHosts(k.sessionId, { event: 'knock:ended', payload: { identity: k.identity } });
  }
  // CAUTION: a local emit to this socket, not `socket.emit` (a broadcast the adapter would keep).
  if (tell) x.d.io.local.to(socket.id).emit('knock:answered', { outcome: 'ended', message: x.tOf(socket)(ANSWERS.dropped) });
}

/**
 * Knocking at a locked circle: the person, still outside, asks to come in with the name they chose; every host in
 * the circle (on every instance) sees it and admits or declines; the person hears the answer alone and may give up.
 * A knock is kept only while it waits, in the live state (the name sealed, like every name there), and ends when
 * answered, withdrawn, when its connection drops, when the circle ends or opens, or when no host is left in it.
 */
export function knockHandlers(x: LiveContext) {
  const { d } = x;

  /** A host answers a waiting knock at their circle: one answer wins, on whichever instance it lands. */
  async function answer(socket: LiveSocket, identity: string, admit: boolean) {
    const c = await x.asHost(socket);
    if (!(await d.live.takeKnock(c.sessionId, identity))) throw gone();
    // Let in once: the admitted set opens the locked doors to this identity, as for anyone let in before the lock.
    if (admit) await d.live.admit(c.sessionId, identity);
    await x.audit(socket, c, admit ? 'circle.knock_admit' : 'circle.knock_decline');
    const outcome = admit ? 'admitted' : 'declined';
    // Names nobody: static words in the person's language (they may be on another instance).
    emitLocalized(d.i18n, d.io.to(knockRoom(c.sessionId, identity)), 'knock:answered', (t) => ({ outcome, message: t(ANSWERS[outcome]) }));
    return { data: null, after: () => x.toHosts(c.sessionId, { event: 'knock:ended', payload: { identity } }) };
  }

  return {
    // The answer is null (the name is never kept for a repeat); the hosts hear of it by relay.
    'circle:knock': {
      budget: 'knock',
      repeat: 'first',
      async run(socket, { sessionId, displayName }) {
        if (socket.data.circle?.sessionId === sessionId) throw new AppError(409, 'CONFLICT', 'live.knock.alreadyIn');
        const { identity } = await d.admission.knock(d.accountOf(socket), sessionId);
        if (!(await x.hostPresent(sessionId))) throw new AppError(409, 'CONFLICT', NO_HOST_TO_ANSWER);
        // One knock per connection: knocking somewhere else withdraws the earlier one.
        const earlier = socket.data.knock;
        if (earlier && (earlier.sessionId !== sessionId || earlier.identity !== identity)) await endKnockOf(x, socket);
        const at = d.clock.now();
        await d.live.addKnock(sessionId, identity, displayName, at);
        socket.data.knock = { sessionId, identity };
        await socket.join(knockRoom(sessionId, identity));
        return { data: null, after: () => x.toHosts(sessionId, { event: 'knock:received', payload: { identity, displayName, at: at.toISOString() } }) };
      },
    },

    // Giving up: nothing to withdraw is fine too (answered meanwhile, or never knocked).
    'knock:withdraw': {
      budget: 'other',
      repeat: 'first',
      async run(socket) {
        await endKnockOf(x, socket);
        return { data: null };
      },
    },

    'knock:admit': {
      budget: 'moderation',
      repeat: 'first',
      run: (socket, { identity }) => answer(socket, identity, true),
    },

    'knock:decline': {
      budget: 'moderation',
      repeat: 'first',
      run: (socket, { identity }) => answer(socket, identity, false),
    },
  } satisfies Partial<CommandTable>;
}
