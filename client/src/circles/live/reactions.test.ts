import { describe, expect, it } from 'vitest';
import { REACTIONS } from '../../../../shared/schemas/live';
import { REACTION_BUTTONS, REACTION_INFO, reactionAnnouncement } from './reactions';

describe('reactions', () => {
  it.each([
    ['heart', 'Heart'],
    ['clap', 'Clap'],
    ['thumbs_up', 'Thumbs up'],
    ['smile', 'Smile'],
    ['coffee', 'Coffee'],
  ] as const)('%s is named %s', (reaction, label) => {
    expect(REACTION_INFO[reaction].label).toBe(label);
  });

  it('offers one button per reaction the server accepts, in its order', () => {
    expect(REACTION_BUTTONS.map((b) => b.reaction)).toEqual([...REACTIONS]);
  });

  it('announces who reacted with what', () => {
    expect(reactionAnnouncement('Val', 'heart')).toBe('Val reacted: Heart');
  });
});
