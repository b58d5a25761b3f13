import type { CommandTable, LiveContext } from './liveContext';
import { circleRoom } from './liveContext';

/**
 * The circle's media key, handed to the people in it, one socket at a time. Authorization is being in the circle
 * now: the pipeline has already taken a removed person (on any instance) out of it, so they get NOT_IN_CIRCLE.
 */
export function e2eeHandlers(x: LiveContext) {
  const { d } = x;
  return {
    'e2ee:key': {
      budget: 'join',
      // Never 'first': the dedupe store may be Redis, and a key must never be kept anywhere.
      repeat: 'rerun',
      async run(socket) {
        const c = x.inCircle(socket);
        const epoch = await d.live.e2eeEpoch(c.sessionId);
        return { data: { epoch, key: d.circleKeys.keyFor(c.sessionId, epoch).toString('base64url') } };
      },
    },
  } satisfies Partial<CommandTable>;
}

/**
 * After a removal: the epoch moves on and everyone still in the circle is told to fetch the new key. The signal
 * carries only the epoch number — broadcasts go through the adapter, which may keep them in Redis.
 */
export async function rekeyCircle(x: LiveContext, sessionId: string): Promise<void> {
  const epoch = await x.d.live.nextE2eeEpoch(sessionId);
  x.d.io.to(circleRoom(sessionId)).emit('e2ee:rekey', { epoch });
}
