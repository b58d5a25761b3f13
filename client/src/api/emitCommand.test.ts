import { describe, expect, it } from 'vitest';
import { CommandId } from '../../../shared/schemas/live';
import { emitCommand, newCommandId, noAnswerMessage } from './emitCommand';

type Answer = { err: Error | null; ack?: unknown };
const TIMED_OUT: Answer = { err: new Error('operation has timed out') };
const DROPPED: Answer = { err: new Error('socket has been disconnected') };

/** A socket whose timeout().emit answers each send in turn as told, and records what was sent. */
function fakeSocket(...answers: Answer[]) {
  const sent: Array<{ event: string; payload: Record<string, unknown> }> = [];
  const socket = {
    timeout: () => ({
      emit: (event: string, payload: Record<string, unknown>, cb: (err: Error | null, ack?: unknown) => void) => {
        sent.push({ event, payload });
        const a = answers[sent.length - 1] ?? TIMED_OUT;
        cb(a.err, a.ack);
      },
    }),
  } as never;
  return { socket, sent };
}

describe('emitCommand', () => {
  it('resolves with the ack, the command sent once with a command id', async () => {
    const ack = { ok: true, data: { id: 'x' } };
    const { socket, sent } = fakeSocket({ err: null, ack });
    expect(await emitCommand(socket, 'chat:send', { text: 'hi' })).toEqual(ack);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload).toMatchObject({ text: 'hi' });
    expect(CommandId.safeParse(sent[0]!.payload.commandId).success).toBe(true);
  });

  it('passes a refusal through without sending again', async () => {
    const refusal = { ok: false, code: 'FORBIDDEN', message: 'Only the host of this circle can do that.' };
    const { socket, sent } = fakeSocket({ err: null, ack: refusal });
    expect(await emitCommand(socket, 'topic:pivot', { topic: 'Boundaries' })).toEqual(refusal);
    expect(sent).toHaveLength(1);
  });

  it.each([
    ['timed out', TIMED_OUT],
    ['the connection dropped before the ack', DROPPED],
  ])('sends once more with the same id when the first answer is lost (%s)', async (_why, lost) => {
    const ack = { ok: true, data: { current: 'Boundaries', trail: [] } };
    const { socket, sent } = fakeSocket(lost, { err: null, ack });
    expect(await emitCommand(socket, 'topic:pivot', { topic: 'Boundaries' })).toEqual(ack);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
  });

  it('resolves as INTERNAL with a message for people when the retry gets no answer either', async () => {
    const { socket, sent } = fakeSocket(DROPPED, TIMED_OUT);
    expect(await emitCommand(socket, 'hand:raise', {})).toEqual({ ok: false, code: 'INTERNAL', message: noAnswerMessage() });
    expect(sent).toHaveLength(2);
  });

  it('gives each command its own id', async () => {
    const { socket, sent } = fakeSocket({ err: null, ack: { ok: true, data: [] } }, { err: null, ack: { ok: true, data: [] } });
    await emitCommand(socket, 'hand:raise', {});
    await emitCommand(socket, 'hand:raise', {});
    expect(sent[0]!.payload.commandId).not.toBe(sent[1]!.payload.commandId);
  });
});

describe('newCommandId', () => {
  it('makes ids the server accepts, never the same twice', () => {
    const ids = Array.from({ length: 1_000 }, newCommandId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(CommandId.safeParse(id).success, id).toBe(true);
  });
});
