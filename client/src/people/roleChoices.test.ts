import { describe, expect, it } from 'vitest';
import { ROLES, MEMBER_KINDS, RoleWithKind } from '../../../shared/schemas/auth';
import { translator } from '../../../shared/i18n/catalog';
import { choiceOf, consequenceOf, ROLE_CHOICES, roleOfChoice, rolePhrase, validFor } from './roleChoices';

const en = translator('en-CA');
const fr = translator('fr-CA');

describe('role choices', () => {
  it('cover every role and member kind, each once, and every choice is a valid role change', () => {
    const expected = ROLES.flatMap((role) => (role === 'member' ? MEMBER_KINDS.map((k) => `member:${k}`) : [role]));
    expect(ROLE_CHOICES.map((c) => c.value).sort()).toEqual(expected.sort());
    for (const c of ROLE_CHOICES) {
      expect(RoleWithKind.safeParse(roleOfChoice(c.value)).success).toBe(true);
      expect(choiceOf(roleOfChoice(c.value))).toBe(c.value);
    }
  });

  it.each([
    [{ role: 'member', memberKind: 'lawyer' }, 'a member (lawyer)'],
    [{ role: 'member', memberKind: 'articling_student' }, 'a member (articling student)'],
    [{ role: 'volunteer', memberKind: null }, 'a peer-support volunteer'],
    [{ role: 'staff', memberKind: null }, 'staff'],
    [{ role: 'auditor', memberKind: null }, 'an auditor'],
  ] as const)('%o reads as "%s"', (p, phrase) => {
    expect(rolePhrase(en, p)).toBe(phrase);
  });

  it.each([
    ['volunteer', 'member', /lose host rights/],
    ['member', 'volunteer', /red mug/],
    ['volunteer', 'staff', /Staff can read support requests/],
    ['staff', 'volunteer', /lose every staff page/],
    ['member', 'auditor', /audit log and nothing else/],
  ] as const)('%s → %s warns %s', (from, to, note) => {
    expect(consequenceOf(en, from, to)).toMatch(note);
    expect(consequenceOf(en, from, to)).toMatch(/connection restarts/);
  });
});

describe('validFor', () => {
  const now = new Date('2026-11-26T17:00:00Z');
  it.each([
    ['2026-12-10T17:00:00Z', '14 days'],
    ['2026-12-10T16:59:00Z', '14 days'],
    ['2026-11-27T17:00:00Z', '1 day'],
    ['2026-11-27T05:00:00Z', '1 day'],
    ['2026-11-27T04:00:00Z', 'less than a day'],
    ['2026-11-26T17:00:00Z', 'no time'],
  ])('until %s is %s', (until, words) => {
    expect(validFor(en, new Date(until), now)).toBe(words);
  });
});

describe('in French', () => {
  it('phrases, consequences and validity read in French', () => {
    expect(rolePhrase(fr, { role: 'volunteer', memberKind: null })).toBe('bénévole en soutien par les pairs');
    expect(consequenceOf(fr, 'member', 'volunteer')).toMatch(/tasse rouge/);
    expect(validFor(fr, new Date('2026-12-10T17:00:00Z'), new Date('2026-11-26T17:00:00Z'))).toBe('14 jours');
    expect(validFor(fr, new Date('2026-11-27T17:00:00Z'), new Date('2026-11-26T17:00:00Z'))).toBe('1 jour');
  });
});
