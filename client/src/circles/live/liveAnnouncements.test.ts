import { describe, expect, it } from 'vitest';
import { translator } from '../../../../shared/i18n/catalog';
import type { LiveParticipant } from '../../../../shared/schemas/live';
import { announcementFor } from './liveAnnouncements';
import { initialLive, type LiveData } from './liveSlice';

const person = (identity: string, displayName: string): LiveParticipant => ({ identity, displayName, role: 'member', badge: '', isHost: false, micBlocked: false });
const inCircle = (extra: Partial<LiveData> = {}): LiveData => ({
  ...initialLive,
  joined: true,
  you: { identity: 'p_me', isHost: false },
  participants: [person('p_me', 'Lee'), person('p_val', 'Val')],
  topic: { current: 'Returning from leave', trail: [] },
  ...extra,
});
const msg = (id: string, identity: string, displayName: string, text: string) => ({ id, identity, displayName, text, at: '2026-12-07T18:05:00Z' });

describe('what the live circle reads out', () => {
  it.each<[string, LiveData, LiveData, string | null]>([
    ['nothing before joining', { ...initialLive }, inCircle(), null],
    ['an arrival', inCircle(), inCircle({ participants: [person('p_me', 'Lee'), person('p_val', 'Val'), person('p_sam', 'Sam')] }), 'Sam joined the circle.'],
    ['a departure', inCircle(), inCircle({ participants: [person('p_me', 'Lee')] }), 'Val left the circle.'],
    ['someone’s hand', inCircle(), inCircle({ hands: [{ identity: 'p_val', raisedAt: 'x' }] }), 'Val raised a hand.'],
    ['your own hand', inCircle(), inCircle({ hands: [{ identity: 'p_me', raisedAt: 'x' }] }), 'Your hand is up.'],
    ['your hand going down', inCircle({ hands: [{ identity: 'p_me', raisedAt: 'x' }] }), inCircle(), 'Your hand is down.'],
    ['a pivot', inCircle(), inCircle({ topic: { current: 'Billing targets', trail: [] } }), 'New topic: Billing targets.'],
    ['chat from someone else', inCircle(), inCircle({ chat: [msg('m1', 'p_val', 'Val', 'Welcome, everyone')] }), 'Val says: Welcome, everyone'],
    ['not your own chat', inCircle(), inCircle({ chat: [msg('m1', 'p_me', 'Lee', 'Hi')] }), null],
    ['a change that says nothing new', inCircle(), inCircle({ locked: true }), null],
  ])('%s', (_case, before, after, expected) => {
    expect(announcementFor(before, after, translator('en-CA'))).toBe(expected);
  });

  it.each<[string, LiveData, LiveData, string]>([
    ['an arrival', inCircle(), inCircle({ participants: [person('p_me', 'Lee'), person('p_val', 'Val'), person('p_sam', 'Sam')] }), 'Sam rejoint le cercle.'],
    ['someone’s hand', inCircle(), inCircle({ hands: [{ identity: 'p_val', raisedAt: 'x' }] }), 'Val lève la main.'],
    ['a hand from someone no longer listed', inCircle(), inCircle({ hands: [{ identity: 'p_gone', raisedAt: 'x' }] }), 'Quelqu’un lève la main.'],
    ['a pivot', inCircle(), inCircle({ topic: { current: 'Objectifs de facturation', trail: [] } }), 'Nouveau sujet : Objectifs de facturation.'],
  ])('in French: %s', (_case, before, after, expected) => {
    expect(announcementFor(before, after, translator('fr-CA'))).toBe(expected);
  });
});
