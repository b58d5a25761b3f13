import { describe, expect, it } from 'vitest';
import { translator } from '../../../../shared/i18n/catalog';
import { REACTIONS } from '../../../../shared/schemas/live';
import { REACTION_BUTTONS, REACTION_INFO, reactionAnnouncement } from './reactions';

const en = translator('en-CA');
const fr = translator('fr-CA');

describe('reactions', () => {
  it.each([
    ['heart', 'Heart', 'Cœur'],
    ['clap', 'Clap', 'Applaudissements'],
    ['thumbs_up', 'Thumbs up', 'Pouce levé'],
    ['smile', 'Smile', 'Sourire'],
    ['coffee', 'Coffee', 'Café'],
  ] as const)('%s is named %s (%s)', (reaction, label, french) => {
    expect(en(REACTION_INFO[reaction].label)).toBe(label);
    expect(fr(REACTION_INFO[reaction].label)).toBe(french);
  });

  it('offers one button per reaction the server accepts, in its order', () => {
    expect(REACTION_BUTTONS.map((b) => b.reaction)).toEqual([...REACTIONS]);
  });

  it('announces who reacted with what', () => {
    expect(reactionAnnouncement(en, 'Val', 'heart')).toBe('Val reacted: Heart');
    expect(reactionAnnouncement(fr, 'Val', 'heart')).toBe('Val a réagi : Cœur');
  });
});
