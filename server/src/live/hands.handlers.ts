import type { HandEntry } from '../../../shared/schemas/live';
import type { AdmittedCircle, CommandTable, LiveContext, LiveSocket } from './liveContext';
import { personalRoom } from './liveContext';
import type { Budget } from './rateLimits';

/**
 * The raise-hand queue: anyone in the circle raises and lowers their own hand; the host calls the next one or
 * lowers them all. Answers are opaque identities and times, so the first answer is kept for a repeat.
 */
export function handsHandlers(x: LiveContext) {
  const { d } = x;

  /** A change to the queue by someone in the circle (or its host only): answered with the queue after it, and shown to all. */
  const queueChange = (budget: Budget, who: (socket: LiveSocket) => AdmittedCircle | Promise<AdmittedCircle>, change: (c: AdmittedCircle) => Promise<HandEntry[]>) => ({
    budget,
    repeat: 'first' as const,
    async run(socket: LiveSocket) {
      const c = await who(socket);
      const hands = await change(c);
      return { data: hands, after: () => x.announceHands(c.sessionId, hands) };
    },
  });

  return {
    'hand:raise': queueChange('hand', x.inCircle, (c) => d.live.raiseHand(c.sessionId, c.identity, d.clock.now())),
    'hand:lower': queueChange('hand', x.inCircle, (c) => d.live.lowerHand(c.sessionId, c.identity)),
    'hand:lowerAll': queueChange('moderation', x.asHost, (c) => d.live.lowerAll(c.sessionId)),
    'hand:callNext': {
      budget: 'moderation',
      repeat: 'first',
      async run(socket) {
        const c = await x.asHost(socket);
        const { called, hands } = await d.live.callNext(c.sessionId);
        return {
          data: { called },
          after: async () => {
            await x.announceHands(c.sessionId, hands);
            // Told to the person called alone (the host has it in the ack; the queue tells everyone else).
            if (called) d.io.to(personalRoom(c.sessionId, called)).emit('hand:called', { identity: called });
          },
        };
      },
    },
  } satisfies Partial<CommandTable>;
}
