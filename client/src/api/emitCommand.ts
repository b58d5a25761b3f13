import type { Ack } from '../../../shared/errors';
import type { ClientToServerEvents } from '../../../shared/events';
import { tNow } from '../i18n/useT';
import type { CircleSocket } from './createCircleSocket';

export type CommandName = keyof ClientToServerEvents;
export type PayloadOf<E extends CommandName> = Parameters<ClientToServerEvents[E]>[0];
export type DataOf<E extends CommandName> =
  Parameters<Parameters<ClientToServerEvents[E]>[1]>[0] extends Ack<infer T> ? T : never;

/** What a command that got no answer, even once more, resolves with: in the page's current language. */
export const noAnswerMessage = (): string => tNow('errors.noAnswer');
export const COMMAND_TIMEOUT_MS = 8_000;

/**
 * A fresh command id: 128 random bits as 22 base64url characters. `getRandomValues` rather than `randomUUID`,
 * which browsers offer only in secure contexts (not on plain http inside an office network).
 */
export function newCommandId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Sends one command and resolves with its ack; never rejects. The command carries a fresh id. When no answer
 * comes — the connection dropped before the ack arrived, or nothing came within the timeout — it is sent once
 * more with the same id (Socket.IO holds it until the socket is back); the server answers that repeat with the
 * first result if the command was applied, and applies it if not. Still no answer becomes an INTERNAL failure
 * with a message for people, so every caller handles exactly one shape.
 *
 * (Not Socket.IO's own `retries` option: it sends one packet at a time, so every command would wait behind the
 * previous one's ack.)
 */
export async function emitCommand<E extends CommandName>(
  socket: Pick<CircleSocket, 'timeout'>,
  event: E,
  payload: PayloadOf<E>,
  timeoutMs = COMMAND_TIMEOUT_MS,
): Promise<Ack<DataOf<E>>> {
  const sent = { ...payload, commandId: newCommandId() };
  const attempt = () =>
    new Promise<Ack<DataOf<E>> | null>((resolve) => {
      // Called as a method: emit reads its own `this`.
      const timed = socket.timeout(timeoutMs) as unknown as {
        emit(e: E, p: PayloadOf<E>, cb: (err: Error | null, ack?: Ack<DataOf<E>>) => void): void;
      };
      timed.emit(event, sent, (err, ack) => resolve(err || !ack || typeof ack !== 'object' ? null : ack));
    });
  return (await attempt()) ?? (await attempt()) ?? { ok: false, code: 'INTERNAL', message: noAnswerMessage() };
}
