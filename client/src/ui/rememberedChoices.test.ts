import { describe, expect, it } from 'vitest';
import { defaultDisplayName } from './rememberedChoices';

describe('the display name offered first', () => {
  it.each([
    ['the one chosen last time', 'Lee K.', 'Lee', 'Lee K.'],
    ['else the first word of the first name', '', 'Demo Lawyer', 'Demo'],
    ['trimmed', '', '  Sam  ', 'Sam'],
    ['nothing when there is no name', '', '', ''],
    ['never past 40 characters', 'x'.repeat(60), 'Lee', 'x'.repeat(40)],
  ])('%s', (_case, remembered, firstName, expected) => {
    expect(defaultDisplayName(remembered, firstName)).toBe(expected);
  });
});
