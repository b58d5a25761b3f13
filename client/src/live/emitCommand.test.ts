import { describe, expect, it } from 'vitest';
import { emitCommand, NO_ANSWER_MESSAGE } from './emitCommand';

/** A socket whose timeout().emit answers as told: with an ack, or with the timeout error. */
function fakeSocket(answer: { err: Error | null; ack?: unknown }) {
  return {
    timeout: () => ({
      emit: (_e: string, _p: unknown, cb: (err: Error | null, ack?: unknown) => void) => cb(answer.err, answer.ack),
    }),
  } as never;
}

describe('emitCommand', () => {
  it('resolves with the ack', async () => {
    const ack = { ok: true, data: { id: 'x' } };
    expect(await emitCommand(fakeSocket({ err: null, ack }), 'chat:send', { text: 'hi' })).toEqual(ack);
  });
  it('resolves a timeout as INTERNAL with a message for people', async () => {
    expect(await emitCommand(fakeSocket({ err: new Error('operation has timed out') }), 'hand:raise', {})).toEqual({
      ok: false,
      code: 'INTERNAL',
      message: NO_ANSWER_MESSAGE,
    });
  });
});
