import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { CircleSnapshot, LiveParticipant } from '../../../../shared/schemas/live';
import { bindSocketEvents } from './bindSocketEvents';
import {
  CHAT_KEEP,
  createLiveSlice,
  initialLive,
  nameOf,
  selectHandRaised,
  selectIsHost,
  selectMicBlocked,
  type LiveSlice,
} from './liveSlice';

const person = (identity: string, displayName: string, extra: Partial<LiveParticipant> = {}): LiveParticipant => ({
  identity,
  displayName,
  role: 'member',
  badge: '',
  isHost: false,
  micBlocked: false,
  ...extra,
});

const snapshot: CircleSnapshot = {
  sessionId: 'rmcc_2026-11-30',
  you: { identity: 'p_me', isHost: false },
  topic: { current: 'Returning from leave', trail: [] },
  participants: [person('p_host', 'Sasha', { isHost: true }), person('p_me', 'Lee')],
  hands: [],
  locked: false,
  ended: false,
  knocks: [],
  actingHost: null,
  crisisText: 'Not a crisis service. Call or text 9-8-8.',
};

const newStore = () => createStore<LiveSlice>()(createLiveSlice);
const msg = (id: string) => ({ id, identity: 'p_host', displayName: 'Sasha', text: `hi ${id}`, at: '2026-11-30T19:05:00Z' });

describe('live slice', () => {
  it('a join replaces the snapshot but keeps chat received so far', () => {
    const store = newStore();
    store.getState().chatReceived(msg('1'));
    store.getState().liveJoined(snapshot);
    const { live } = store.getState();
    expect(live.joined).toBe(true);
    expect(live.topic.current).toBe('Returning from leave');
    expect(live.chat.map((m) => m.id)).toEqual(['1']);
  });

  it('host rights follow the participant list: taking over shows the controls, handing over (unrostered) hides them and the knocks', () => {
    const store = newStore();
    store.getState().liveJoined(snapshot);
    store.getState().participantsChanged([person('p_host', 'Sasha', { isHost: true }), person('p_me', 'Lee', { isHost: true, hosting: true })]);
    expect(store.getState().live.you?.isHost).toBe(true);
    store.getState().knockReceived({ identity: 'p_kit', displayName: 'Kit', at: '2026-11-30T19:06:00Z' });
    store.getState().knockReceived({ identity: 'p_kit', displayName: 'Kit', at: '2026-11-30T19:07:00Z' });
    expect(store.getState().live.knocks).toEqual([{ identity: 'p_kit', displayName: 'Kit', at: '2026-11-30T19:07:00Z' }]);
    store.getState().participantsChanged([person('p_host', 'Sasha', { isHost: true }), person('p_me', 'Lee')]);
    expect(store.getState().live.you?.isHost).toBe(false);
    expect(store.getState().live.knocks).toEqual([]);
  });

  it('a knock leaves the door panel when it ends; the hand-over notice stays until dismissed', () => {
    const store = newStore();
    store.getState().liveJoined({ ...snapshot, you: { identity: 'p_me', isHost: true }, knocks: [{ identity: 'p_a', displayName: 'Ada', at: '2026-11-30T19:06:00Z' }] });
    store.getState().knockReceived({ identity: 'p_b', displayName: 'Bo', at: '2026-11-30T19:07:00Z' });
    store.getState().knockEnded('p_a');
    expect(store.getState().live.knocks.map((k) => k.displayName)).toEqual(['Bo']);
    store.getState().hostChanged({ identity: 'p_host', displayName: 'Sasha', message: 'Sasha is now hosting.' });
    expect(store.getState().live.hostChange?.message).toBe('Sasha is now hosting.');
    store.getState().dismissHostChange();
    expect(store.getState().live.hostChange).toBeNull();
  });

  it('a reset forgets everything, chat included', () => {
    const store = newStore();
    store.getState().liveJoined(snapshot);
    store.getState().chatReceived(msg('1'));
    store.getState().liveReset();
    expect(store.getState().live).toEqual(initialLive);
  });

  it('chat ignores duplicates, removes by id and keeps only the newest messages', () => {
    const store = newStore();
    store.getState().chatReceived(msg('a'));
    store.getState().chatReceived(msg('a'));
    expect(store.getState().live.chat).toHaveLength(1);
    store.getState().chatRemoved('a');
    expect(store.getState().live.chat).toHaveLength(0);
    for (let i = 0; i < CHAT_KEEP + 5; i++) store.getState().chatReceived(msg(String(i)));
    expect(store.getState().live.chat).toHaveLength(CHAT_KEEP);
    expect(store.getState().live.chat[0]?.id).toBe('5');
  });

  it('reactions float and are removed by key', () => {
    const store = newStore();
    store.getState().reactionSent('p_host', 'heart');
    store.getState().reactionSent('p_host', 'clap');
    const [first, second] = store.getState().live.reactions;
    store.getState().reactionDone(first!.key);
    expect(store.getState().live.reactions).toEqual([second]);
  });

  it.each([
    ['muted', { notice: true, outcome: null }],
    ['camera_off', { notice: true, outcome: null }],
    ['removed', { notice: false, outcome: 'removed' }],
  ] as const)('moderation %s', (action, want) => {
    const store = newStore();
    store.getState().moderationApplied({ action, message: 'm' });
    expect(store.getState().live.notice !== null).toBe(want.notice);
    expect(store.getState().live.outcome?.kind ?? null).toBe(want.outcome);
  });

  it('an ended circle in the snapshot or by event is an outcome', () => {
    const store = newStore();
    store.getState().liveJoined({ ...snapshot, ended: true });
    expect(store.getState().live.outcome).toEqual({ kind: 'ended', message: null });
    const other = newStore();
    other.getState().circleEnded('The host has ended this circle.');
    expect(other.getState().live.outcome).toEqual({ kind: 'ended', message: 'The host has ended this circle.' });
  });

  it('selectors read who I am, my hand and my microphone', () => {
    const store = newStore();
    store.getState().liveJoined(snapshot);
    expect(selectIsHost(store.getState())).toBe(false);
    expect(selectHandRaised(store.getState())).toBe(false);
    store.getState().handsChanged([{ identity: 'p_me', raisedAt: '2026-11-30T19:06:00Z' }]);
    expect(selectHandRaised(store.getState())).toBe(true);
    expect(selectMicBlocked(store.getState())).toBe(false);
    store.getState().participantsChanged([person('p_me', 'Lee', { micBlocked: true })]);
    expect(selectMicBlocked(store.getState())).toBe(true);
    expect(nameOf(store.getState().live.participants, 'p_me')).toBe('Lee');
    expect(nameOf(store.getState().live.participants, 'p_gone')).toBeNull();
  });
});

describe('bindSocketEvents', () => {
  it('feeds server events into the store and unbinds exactly its listeners', () => {
    const handlers = new Map<string, (...args: unknown[]) => void>();
    const socket = {
      on: (e: string, fn: (...args: unknown[]) => void) => void handlers.set(e, fn),
      off: (e: string) => void handlers.delete(e),
    };
    const store = newStore();
    const unbind = bindSocketEvents(socket as never, store);
    store.getState().liveJoined(snapshot);
    handlers.get('topic:changed')?.({ current: 'Pivot', trail: [{ topic: 'Before', at: 'x' }] });
    handlers.get('circle:lockChanged')?.({ locked: true });
    // The call names nobody: the name comes from the participant list the circle already has.
    handlers.get('participants:changed')?.({
      participants: [{ identity: 'p_me', displayName: 'Lee', role: 'member', badge: '', isHost: false, micBlocked: false }],
    });
    // Someone else called on is not this screen's news; being called is.
    handlers.get('hand:called')?.({ identity: 'p_other' });
    expect(store.getState().live.called).toBeNull();
    handlers.get('hand:called')?.({ identity: 'p_me' });
    expect(store.getState().live.topic.current).toBe('Pivot');
    expect(store.getState().live.locked).toBe(true);
    expect(store.getState().live.called).not.toBeNull();
    store.getState().dismissCalled();
    expect(store.getState().live.called).toBeNull();
    unbind();
    expect(handlers.size).toBe(0);
  });

  it('shows "Reconnecting…" while the server says live features are degraded, and clears it when restored', () => {
    const handlers = new Map<string, (...args: unknown[]) => void>();
    const socket = { on: (e: string, fn: (...args: unknown[]) => void) => void handlers.set(e, fn), off: () => undefined };
    const store = newStore();
    store.getState().liveConnection('connected');
    bindSocketEvents(socket as never, store);
    handlers.get('live:degraded')?.({ message: 'Live features are reconnecting.' });
    expect(store.getState().live.connection).toBe('reconnecting');
    handlers.get('live:restored')?.();
    expect(store.getState().live.connection).toBe('connected');
  });
});
