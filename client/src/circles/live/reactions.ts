import { REACTIONS, type Reaction } from '../../../../shared/schemas/live';

/** How each reaction is named to people and screen readers, and drawn. */
export const REACTION_INFO: Record<Reaction, { label: string; emoji: string }> = {
  heart: { label: 'Heart', emoji: '❤️' },
  clap: { label: 'Clap', emoji: '👏' },
  thumbs_up: { label: 'Thumbs up', emoji: '👍' },
  smile: { label: 'Smile', emoji: '🙂' },
  coffee: { label: 'Coffee', emoji: '☕' },
};

export const REACTION_BUTTONS = REACTIONS.map((r) => ({ reaction: r, ...REACTION_INFO[r] }));

/** How long a received reaction floats on a tile. */
export const REACTION_FLOAT_MS = 3_000;

export function reactionAnnouncement(name: string, reaction: Reaction): string {
  return `${name} reacted: ${REACTION_INFO[reaction].label}`;
}
