import { randomUUID } from 'node:crypto';
import type { CommandTable, LiveContext } from './liveContext';
import { circleRoom } from './liveContext';

/** Chat and reactions among the people present. Chat is never stored or logged, not even to answer a repeat. */
export function chatHandlers(x: LiveContext) {
  const { d } = x;

  return {
    // The answer is the line's random id only; the text is never kept.
    'chat:send': {
      budget: 'chat',
      repeat: 'first',
      async run(socket, { text }) {
        const c = x.inCircle(socket);
        // Null when the live state has no name: each listener reads "Guest" in their language (relay.ts).
        const displayName = await x.nameIn(c.sessionId, c.identity);
        const message = { id: randomUUID(), identity: c.identity, displayName, text, at: d.clock.now().toISOString() };
        // Handed to the people in the circle now, and gone.
        await d.relay.publish({ room: circleRoom(c.sessionId), event: 'chat:received', payload: message });
        return { data: { id: message.id } };
      },
    },
    'chat:remove': {
      budget: 'moderation',
      repeat: 'first',
      async run(socket, { messageId }) {
        const c = await x.asHost(socket);
        await d.relay.publish({ room: circleRoom(c.sessionId), event: 'chat:removed', payload: { id: messageId } });
        // That a host removed a message in this circle; never the message, its id or whose it was.
        await x.audit(socket, c, 'circle.chat_remove');
        return { data: null };
      },
    },
    'reaction:send': {
      budget: 'reaction',
      repeat: 'first',
      async run(socket, { reaction }) {
        const c = x.inCircle(socket);
        d.io.to(circleRoom(c.sessionId)).volatile.emit('reaction:sent', { identity: c.identity, reaction });
        return { data: null };
      },
    },
  } satisfies Partial<CommandTable>;
}
