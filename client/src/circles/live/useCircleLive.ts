import { useEffect, useState } from 'react';
import type { ErrorCode } from '../../../../shared/errors';
import { createCircleSocket, type CircleSocket } from '../../api/createCircleSocket';
import { emitCommand } from '../../api/emitCommand';
import { useStore } from '../../store';
import { bindSocketEvents } from './bindSocketEvents';

/** Join failures that end the circle for this person rather than asking them to try again. */
const FINAL: Partial<Record<ErrorCode, 'ended' | 'removed'>> = { CIRCLE_ENDED: 'ended', REMOVED: 'removed' };

/**
 * Opens the circle's socket while mounted, joins the circle and keeps the store's live slice fed. A reconnect the
 * server could not recover (state lost) joins again for a fresh snapshot; a recovered one replays what was missed.
 * One socket per mount: the effect connects it and its cleanup disconnects it (StrictMode's remount reconnects).
 */
export function useCircleLive(sessionId: string, displayName: string, enabled: boolean): CircleSocket {
  const [socket] = useState(createCircleSocket);

  useEffect(() => {
    if (!enabled) return;
    const s = socket;
    const store = useStore;
    store.getState().liveReset();
    const unbind = bindSocketEvents(s, store);
    let joinedOnce = false;
    let active = true;

    async function join() {
      const ack = await emitCommand(s, 'circle:join', { sessionId, displayName });
      if (!active) return;
      const live = store.getState();
      if (ack.ok) {
        joinedOnce = true;
        live.liveJoined(ack.data);
        return;
      }
      const final = FINAL[ack.code];
      if (final === 'ended') live.circleEnded(ack.message);
      else if (final === 'removed') live.moderationApplied({ action: 'removed', message: ack.message });
      else live.liveJoinFailed(ack.message);
    }

    const onConnect = () => {
      store.getState().liveConnection('connected');
      if (!joinedOnce || !s.recovered) void join();
    };
    let retry: ReturnType<typeof setTimeout> | undefined;
    const onDisconnect = (reason: string) => {
      store.getState().liveConnection('reconnecting');
      // The server closed us on purpose (a restart, say): Socket.IO will not retry by itself, so we do, gently.
      if (reason === 'io server disconnect') retry = setTimeout(() => s.connect(), 3_000);
    };
    const onConnectError = (err: Error & { data?: { message?: string } }) => {
      store.getState().liveConnection('reconnecting');
      // The server refused us (signed out, other origin): say so, rather than retrying quietly.
      if (err.data?.message) store.getState().liveJoinFailed(err.data.message);
    };
    s.on('connect', onConnect);
    s.on('disconnect', onDisconnect);
    s.on('connect_error', onConnectError);
    s.connect();

    return () => {
      active = false;
      clearTimeout(retry);
      unbind();
      s.off('connect', onConnect);
      s.off('disconnect', onDisconnect);
      s.off('connect_error', onConnectError);
      if (s.connected) s.emit('circle:leave', {}, () => undefined);
      s.disconnect();
      // Nothing from this circle (chat above all, or an ended notice) carries over to the next one.
      store.getState().liveReset();
    };
  }, [socket, sessionId, displayName, enabled]);

  return socket;
}
