import type { Ack } from '../../../shared/errors';
import type { ClientToServerEvents } from '../../../shared/events';
import type { CircleSocket } from './createCircleSocket';

export type CommandName = keyof ClientToServerEvents;
export type PayloadOf<E extends CommandName> = Parameters<ClientToServerEvents[E]>[0];
export type DataOf<E extends CommandName> =
  Parameters<Parameters<ClientToServerEvents[E]>[1]>[0] extends Ack<infer T> ? T : never;

export const NO_ANSWER_MESSAGE = 'No answer from the server. Check your connection and try again.';
export const COMMAND_TIMEOUT_MS = 8_000;

/**
 * Sends one command and resolves with its ack; never rejects. No answer in time (offline, server down) becomes
 * an INTERNAL failure with a message for people, so every caller handles exactly one shape.
 */
export function emitCommand<E extends CommandName>(
  socket: Pick<CircleSocket, 'timeout'>,
  event: E,
  payload: PayloadOf<E>,
  timeoutMs = COMMAND_TIMEOUT_MS,
): Promise<Ack<DataOf<E>>> {
  return new Promise((resolve) => {
    // Called as a method: emit reads its own `this`.
    const timed = socket.timeout(timeoutMs) as unknown as {
      emit(e: E, p: PayloadOf<E>, cb: (err: Error | null, ack?: Ack<DataOf<E>>) => void): void;
    };
    timed.emit(event, payload, (err, ack) => {
      if (err || !ack || typeof ack !== 'object') resolve({ ok: false, code: 'INTERNAL', message: NO_ANSWER_MESSAGE });
      else resolve(ack);
    });
  });
}
