import { useCallback, useState } from 'react';
import type { Ack } from '../../../../shared/errors';
import { emitCommand, type CommandName, type DataOf, type PayloadOf } from '../../api/emitCommand';
import { useCircleSocket } from './LiveContext';

/**
 * Sends commands on the circle's socket, with a busy flag for the button that sent them and the message of the
 * last refusal (cleared when the next command goes out).
 */
export function useCommand() {
  const socket = useCircleSocket();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async <E extends CommandName>(event: E, payload: PayloadOf<E>): Promise<Ack<DataOf<E>>> => {
      setBusy(true);
      setError(null);
      try {
        const ack = await emitCommand(socket, event, payload);
        if (!ack.ok) setError(ack.message);
        return ack;
      } finally {
        setBusy(false);
      }
    },
    [socket],
  );
  return { run, busy, error };
}
