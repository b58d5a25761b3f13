import type { Translate } from '../../../../shared/i18n/translate';
import type { LiveData } from './liveSlice';
import { nameOf } from './liveSlice';

/**
 * What a screen reader should hear when the live circle changes from `before` to `after`: arrivals and
 * departures, raised hands, a new topic and chat from others, in plain words (the person's, through `t`). Nothing
 * while not yet in the circle (the first snapshot is read as the page itself). Your own actions are not read back,
 * except your hand, whose button may be out of sight.
 */
export function announcementFor(before: LiveData, after: LiveData, t: Translate): string | null {
  if (!before.joined || !after.joined) return null;
  const me = after.you?.identity;
  const said: string[] = [];

  const was = new Set(before.participants.map((p) => p.identity));
  const is = new Set(after.participants.map((p) => p.identity));
  for (const p of after.participants) if (!was.has(p.identity) && p.identity !== me) said.push(t('circles.announce.joined', { name: p.displayName }));
  for (const p of before.participants) if (!is.has(p.identity) && p.identity !== me) said.push(t('circles.announce.left', { name: p.displayName }));

  const raised = new Set(before.hands.map((h) => h.identity));
  for (const h of after.hands) {
    if (raised.has(h.identity)) continue;
    said.push(
      h.identity === me
        ? t('circles.announce.yourHandUp')
        : t('circles.announce.handRaised', { name: nameOf(after.participants, h.identity) ?? t('circles.someone') }),
    );
  }
  if (me && raised.has(me) && !after.hands.some((h) => h.identity === me)) said.push(t('circles.announce.yourHandDown'));

  if (after.topic.current !== before.topic.current && after.topic.current) said.push(t('circles.announce.topic', { topic: after.topic.current }));

  const seen = new Set(before.chat.map((m) => m.id));
  for (const m of after.chat) if (!seen.has(m.id) && m.identity !== me) said.push(t('circles.announce.chat', { name: m.displayName, text: m.text }));

  return said.length ? said.join(' ') : null;
}
