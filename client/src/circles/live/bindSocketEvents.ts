import type { ServerToClientEvents } from '../../../../shared/events';
import type { CircleSocket } from '../../api/createCircleSocket';
import type { LiveSlice } from './liveSlice';

type Listeners = { [E in keyof ServerToClientEvents]: ServerToClientEvents[E] };

/**
 * Feeds every server event into the store's actions (outside React: through getState) and returns the function
 * that removes exactly these listeners.
 */
export function bindSocketEvents(
  socket: Pick<CircleSocket, 'on' | 'off'>,
  store: { getState: () => LiveSlice },
): () => void {
  const a = () => store.getState();
  const listeners: Partial<Listeners> = {
    'participants:changed': ({ participants }) => a().participantsChanged(participants),
    'topic:changed': (topic) => a().topicChanged(topic),
    'hands:changed': ({ hands }) => a().handsChanged(hands),
    'hand:called': ({ identity }) => a().handCalled(identity),
    'chat:received': (message) => a().chatReceived(message),
    'chat:removed': ({ id }) => a().chatRemoved(id),
    'reaction:sent': ({ identity, reaction }) => a().reactionSent(identity, reaction),
    'circle:lockChanged': ({ locked }) => a().lockChanged(locked),
    'circle:ended': ({ message }) => a().circleEnded(message),
    'moderation:applied': (notice) => a().moderationApplied(notice),
    'knock:received': (knock) => a().knockReceived(knock),
    'knock:ended': ({ identity }) => a().knockEnded(identity),
    'host:changed': (change) => a().hostChanged(change),
    // The socket is up but the server cannot reach its shared state: show the same "Reconnecting…" status.
    'live:degraded': () => a().liveConnection('reconnecting'),
    'live:restored': () => a().liveConnection('connected'),
  };
  const entries = Object.entries(listeners) as Array<[keyof ServerToClientEvents, (...args: never[]) => void]>;
  for (const [event, fn] of entries) socket.on(event, fn as never);
  return () => {
    for (const [event, fn] of entries) socket.off(event, fn as never);
  };
}
