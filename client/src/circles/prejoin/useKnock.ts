import { useCallback, useEffect, useRef, useState } from 'react';
import type { KnockAnswer } from '../../../../shared/schemas/live';
import { createCircleSocket, type CircleSocket } from '../../api/createCircleSocket';
import { emitCommand } from '../../api/emitCommand';

/** Where a knock at a locked circle stands, as the person knocking sees it. */
export type KnockState =
  | { status: 'idle' }
  | { status: 'knocking' }
  | { status: 'waiting' }
  | { status: 'refused'; message: string }
  | { status: 'answered'; answer: KnockAnswer }
  /** The connection dropped, which withdrew the knock (the card says so in the person's words). */
  | { status: 'dropped' };

/**
 * Knocking at a locked circle: a socket of its own while the knock lasts, the answer from the host (let in,
 * declined, or over), and giving up, which withdraws the knock from the hosts' view. `onAdmitted` runs once when a
 * host lets this person in. Unmounting gives up too.
 */
export function useKnock(sessionId: string, onAdmitted: () => void) {
  const [state, setState] = useState<KnockState>({ status: 'idle' });
  const socketRef = useRef<CircleSocket | null>(null);
  const admitted = useRef(onAdmitted);
  useEffect(() => {
    admitted.current = onAdmitted;
  }, [onAdmitted]);

  const close = useCallback(() => {
    const s = socketRef.current;
    socketRef.current = null;
    if (!s) return;
    s.removeAllListeners();
    s.disconnect();
  }, []);
  useEffect(() => close, [close]);

  const knock = useCallback(
    async (displayName: string) => {
      close();
      const s = createCircleSocket();
      socketRef.current = s;
      setState({ status: 'knocking' });
      s.on('knock:answered', (answer) => {
        close();
        setState({ status: 'answered', answer });
        if (answer.outcome === 'admitted') admitted.current();
      });
      s.on('disconnect', () => {
        if (socketRef.current !== s) return;
        close();
        setState({ status: 'dropped' });
      });
      s.connect();
      const ack = await emitCommand(s, 'circle:knock', { sessionId, displayName });
      if (socketRef.current !== s) return;
      if (ack.ok) setState((now) => (now.status === 'knocking' ? { status: 'waiting' } : now));
      else {
        close();
        setState({ status: 'refused', message: ack.message });
      }
    },
    [close, sessionId],
  );

  const giveUp = useCallback(async () => {
    const s = socketRef.current;
    if (s?.connected) await emitCommand(s, 'knock:withdraw', {});
    close();
    setState({ status: 'idle' });
  }, [close]);

  return { state, knock, giveUp };
}
