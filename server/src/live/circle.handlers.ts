import type { CommandTable, LiveContext, LiveSocket } from './liveContext';
import { circleRoom, knockRoom, personalRoom } from './liveContext';
import { emitLocalized } from './localeRooms';

/** Joining and leaving a circle, and what its host does to the whole circle: pivot the topic, lock, end. */
export function circleHandlers(x: LiveContext, hooks: { joined: (sessionId: string) => Promise<void> } = { joined: async () => {} }) {
  const { d } = x;

  // The answer holds typed topics, so a repeat is answered with the topic as it stands now (the pivot in it once).
  const topicNow = async (socket: LiveSocket) => x.topicOf(x.inCircle(socket).sessionId);

  return {
    // Joining again changes nothing and answers with the circle as it is now, which holds names: never stored.
    'circle:join': {
      budget: 'join',
      repeat: 'rerun',
      async run(socket, { sessionId, displayName }) {
        const { session, identity, room, isHost } = await d.admission.circle(d.accountOf(socket), sessionId);
        if (socket.data.circle && socket.data.circle.sessionId !== sessionId) await x.leaveCurrent(socket);
        // In now: a knock this connection was waiting on is over (it was answered, or the doors opened).
        if (socket.data.knock) {
          await socket.leave(knockRoom(socket.data.knock.sessionId, socket.data.knock.identity));
          socket.data.knock = undefined;
        }
        // Opaque ids only on the socket (recovery stores its data); the name goes to the sealed live state.
        const circle = { sessionId, identity, isHost };
        x.presets.set(sessionId, session.topic);
        await d.live.setName(sessionId, identity, displayName);
        socket.data.circle = circle;
        await socket.join([circleRoom(sessionId), personalRoom(sessionId, identity)]);
        await d.live.admit(sessionId, identity);
        await d.live.bindRoom(room, sessionId);
        const snapshot = await x.snapshot(socket, circle);
        // The names are relayed, which leaves no recovery offset; the queue (opaque) is the newcomer's first
        // packet a dropped connection can resume from. It goes to this connection alone (through the adapter, so
        // it has an offset): the others' queue has not changed, and a rejoin must not look like a new hand. It is
        // the snapshot's queue, sent before the ack: read later (after a slow cross-instance announcement), it
        // could already hold a hand raised since, which the newcomer would then hear of twice.
        d.io.to(socket.id).emit('hands:changed', { hands: snapshot.hands });
        return {
          data: snapshot,
          after: async () => {
            await x.announceParticipants(sessionId);
            // Past the grace with no host: this arrival may be the one who takes over.
            await hooks.joined(sessionId);
          },
        };
      },
    },

    'circle:leave': {
      budget: 'other',
      repeat: 'first',
      async run(socket) {
        x.inCircle(socket);
        await x.leaveCurrent(socket);
        return { data: null };
      },
    },

    // The topic state starts from the session's preset (LiveState.topic), remembered from the joins.
    'topic:pivot': {
      budget: 'moderation',
      repeat: topicNow,
      async run(socket, { topic }) {
        const c = await x.asHost(socket);
        const state = await d.live.pivot(c.sessionId, await x.presetOf(c.sessionId), topic, d.clock.now());
        await x.audit(socket, c, 'circle.pivot');
        // Typed text: relayed, never kept for recovery (a recovering connection is sent the topic afresh).
        return { data: state, after: () => d.relay.publish({ room: circleRoom(c.sessionId), event: 'topic:changed', payload: state }) };
      },
    },

    'circle:lock': {
      budget: 'moderation',
      repeat: 'first',
      async run(socket, { locked }) {
        const c = await x.asHost(socket);
        await d.live.setLocked(c.sessionId, locked);
        await x.audit(socket, c, locked ? 'circle.lock' : 'circle.unlock');
        return {
          data: { locked },
          after: async () => {
            d.io.to(circleRoom(c.sessionId)).emit('circle:lockChanged', { locked });
            x.doorsChanged(c.sessionId);
            // Open again: whoever was knocking comes in.
            if (!locked) await x.endKnocks(c.sessionId, 'admitted', 'live.knock.opened');
          },
        };
      },
    },

    'circle:end': {
      budget: 'moderation',
      repeat: 'first',
      async run(socket) {
        const c = await x.asHost(socket);
        await d.admission.end(c.sessionId);
        await x.audit(socket, c, 'circle.end');
        // Static words, no name: through the adapter, once per language.
        emitLocalized(d.i18n, d.io.to(circleRoom(c.sessionId)), 'circle:ended', (t) => ({ message: t('live.circle.ended') }));
        await d.io.in(circleRoom(c.sessionId)).socketsLeave(circleRoom(c.sessionId));
        await d.moderation.endRoom(c.sessionId);
        x.doorsChanged(c.sessionId);
        await x.endKnocks(c.sessionId, 'ended', 'live.join.ended');
        return { data: null };
      },
    },
  } satisfies Partial<CommandTable>;
}
