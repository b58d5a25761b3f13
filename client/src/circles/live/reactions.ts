import type { MessageId } from '../../../../shared/i18n/catalog';
import type { Translate } from '../../../../shared/i18n/translate';
import { REACTIONS, type Reaction } from '../../../../shared/schemas/live';

/** How each reaction is named to people and screen readers (a message id), and drawn. */
export const REACTION_INFO: Record<Reaction, { label: MessageId; emoji: string }> = {
  heart: { label: 'circles.reactions.heart', emoji: '❤️' },
  clap: { label: 'circles.reactions.clap', emoji: '👏' },
  thumbs_up: { label: 'circles.reactions.thumbsUp', emoji: '👍' },
  smile: { label: 'circles.reactions.smile', emoji: '🙂' },
  coffee: { label: 'circles.reactions.coffee', emoji: '☕' },
};

export const REACTION_BUTTONS = REACTIONS.map((r) => ({ reaction: r, ...REACTION_INFO[r] }));

/** How long a received reaction floats on a tile. */
export const REACTION_FLOAT_MS = 3_000;

export function reactionAnnouncement(t: Translate, name: string, reaction: Reaction): string {
  return t('circles.reactions.announce', { name, reaction: t(REACTION_INFO[reaction].label) });
}
