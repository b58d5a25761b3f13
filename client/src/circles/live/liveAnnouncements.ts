import type { LiveData } from './liveSlice';
import { nameOf } from './liveSlice';

/**
 * What a screen reader should hear when the live circle changes from `before` to `after`: arrivals and
 * departures, raised hands, a new topic and chat from others, in plain words. Nothing while not yet in the circle
 * (the first snapshot is read as the page itself). Your own actions are not read back, except your hand, whose
 * button may be out of sight.
 */
export function announcementFor(before: LiveData, after: LiveData): string | null {
  if (!before.joined || !after.joined) return null;
  const me = after.you?.identity;
  const said: string[] = [];

  const was = new Set(before.participants.map((p) => p.identity));
  const is = new Set(after.participants.map((p) => p.identity));
  for (const p of after.participants) if (!was.has(p.identity) && p.identity !== me) said.push(`${p.displayName} joined the circle.`);
  for (const p of before.participants) if (!is.has(p.identity) && p.identity !== me) said.push(`${p.displayName} left the circle.`);

  const raised = new Set(before.hands.map((h) => h.identity));
  for (const h of after.hands) {
    if (raised.has(h.identity)) continue;
    said.push(h.identity === me ? 'Your hand is up.' : `${nameOf(after.participants, h.identity)} raised a hand.`);
  }
  if (me && raised.has(me) && !after.hands.some((h) => h.identity === me)) said.push('Your hand is down.');

  if (after.topic.current !== before.topic.current && after.topic.current) said.push(`New topic: ${after.topic.current}.`);

  const seen = new Set(before.chat.map((m) => m.id));
  for (const m of after.chat) if (!seen.has(m.id) && m.identity !== me) said.push(`${m.displayName} says: ${m.text}`);

  return said.length ? said.join(' ') : null;
}
