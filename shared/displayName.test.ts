import { describe, expect, it } from 'vitest';
import { isMessageId, translator } from './i18n/catalog';
import { DisplayName } from './schemas/circles';
import { claimsARole, hasHiddenCharacters } from './displayName';

describe('display names that claim a role', () => {
  it.each([
    'Red Mug',
    'red mug volunteer',
    'Val (host)',
    'HOST',
    'Staff',
    'the staff',
    'Volunteer Sam',
    'R.E.D-M.U.G',
    'redmug',
    'Rеd Mug', // Cyrillic е
    'Ｈｏｓｔ', // full-width
    'V0lunteer',
    'H 0 S T',
    's.t.a.f.f',
    'Hóst',
    'Moderator',
    'Co-host Lee',
  ])('refuses %s', (name) => {
    expect(claimsARole(name)).toBe(true);
    expect(DisplayName.safeParse(name).success).toBe(false);
  });

  it.each(['Lee', 'Lee K.', 'Staffan', 'Hostetler', 'Ghost', 'Marie-Ève', 'Mugisha', 'Redd', 'Jo Red', 'Ahmad Al-Sayed', '李雷', 'Zoë'])('accepts %s', (name) => {
    expect(claimsARole(name)).toBe(false);
    expect(DisplayName.safeParse(name).success).toBe(true);
  });

  it('says why, in words a person can act on', () => {
    const result = DisplayName.safeParse('Val, host');
    expect(result.success).toBe(false);
    // A message id, rendered in the person's language where it is shown.
    const id = result.error?.issues[0]?.message ?? '';
    expect(id).toBe('circles.validation.nameRole');
    expect(isMessageId(id) && translator('en-CA')(id)).toMatch(/without "red mug", "host", "staff" or "volunteer"/);
    expect(isMessageId(id) && translator('fr-CA')(id)).toMatch(/^Choisissez un nom sans « red mug »/);
  });
});

describe('hidden and direction characters', () => {
  it.each([
    ['a right-to-left override', 'Lee\u202Eknil'],
    ['a zero-width space', 'Le\u200Be'],
    ['a zero-width joiner', 'Lee\u200D'],
    ['an isolate', '\u2066Lee\u2069'],
    ['a line separator', 'Lee\u2028Sam'],
  ])('refuses %s', (_what, name) => {
    expect(hasHiddenCharacters(name)).toBe(true);
    expect(DisplayName.safeParse(name).success).toBe(false);
  });
});
