import { useCallback, useState } from 'react';
import type { Ack } from '../../../shared/errors';
import { emitCommand, type CommandName, type DataOf, type PayloadOf } from './emitCommand';
import { useCircleSocket } from './LiveContext';

/** Sends commands on the circle's socket, with a busy flag for the button that sent them. */
export function useCommand() {
  const socket = useCircleSocket();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <E extends CommandName>(event: E, payload: PayloadOf<E>): Promise<Ack<DataOf<E>>> => {
      setBusy(true);
      try {
        return await emitCommand(socket, event, payload);
      } finally {
        setBusy(false);
      }
    },
    [socket],
  );
  return { run, busy };
}
