import type { MessageId } from '../../../shared/i18n/catalog';
import type { Translate } from '../../../shared/i18n/translate';
import type { MemberKind, Role } from '../../../shared/schemas/auth';

/**
 * A role together with its member kind, as one choice in a select: a member is a lawyer or an articling student,
 * every other role has no kind. One select per row keeps a role change to one decision.
 */
export type RoleChoice = 'member:lawyer' | 'member:articling_student' | 'volunteer' | 'staff' | 'auditor';

export const ROLE_CHOICES: ReadonlyArray<{ value: RoleChoice; label: MessageId }> = [
  { value: 'member:lawyer', label: 'people.choice.lawyer' },
  { value: 'member:articling_student', label: 'people.choice.student' },
  { value: 'volunteer', label: 'people.choice.volunteer' },
  { value: 'staff', label: 'people.choice.staff' },
  { value: 'auditor', label: 'people.choice.auditor' },
];

export function choiceOf(p: { role: Role; memberKind: MemberKind | null }): RoleChoice {
  if (p.role === 'member') return p.memberKind === 'articling_student' ? 'member:articling_student' : 'member:lawyer';
  return p.role;
}

export function roleOfChoice(c: RoleChoice): { role: Role; memberKind: MemberKind | null } {
  switch (c) {
    case 'member:lawyer':
      return { role: 'member', memberKind: 'lawyer' };
    case 'member:articling_student':
      return { role: 'member', memberKind: 'articling_student' };
    default:
      return { role: c, memberKind: null };
  }
}

/** The role as it ends a sentence: "Alex is now a peer-support volunteer." */
export function rolePhrase(t: Translate, p: { role: Role; memberKind: MemberKind | null }): string {
  switch (p.role) {
    case 'member':
      return t(p.memberKind === 'articling_student' ? 'people.phrase.student' : 'people.phrase.lawyer');
    case 'volunteer':
      return t('people.phrase.volunteer');
    case 'staff':
      return t('people.phrase.staff');
    case 'auditor':
      return t('people.phrase.auditor');
  }
}

/** What changes for the person, said before staff confirm. */
export function consequenceOf(t: Translate, from: Role, to: Role): string {
  const notes: MessageId[] = [];
  if (from === 'volunteer' && to !== 'volunteer') notes.push('people.consequence.leavesVolunteer');
  if (to === 'volunteer' && from !== 'volunteer') notes.push('people.consequence.becomesVolunteer');
  if (to === 'staff') notes.push('people.consequence.becomesStaff');
  if (to === 'auditor') notes.push('people.consequence.becomesAuditor');
  if (from === 'staff' && to !== 'staff') notes.push('people.consequence.leavesStaff');
  notes.push('people.consequence.reconnects');
  return notes.map((id) => t(id)).join(' ');
}

/**
 * How long an invite stays valid, in words: "14 days", "1 day", "less than a day" (and "no time" once it has
 * expired, which a fresh invite never is).
 */
export function validFor(t: Translate, expiresAt: Date, now: Date): string {
  const ms = expiresAt.getTime() - now.getTime();
  if (ms <= 0) return t('people.validFor.none');
  const days = Math.round(ms / 86_400_000);
  if (days < 1) return t('people.validFor.lessThanADay');
  return t('people.validFor.days', { days });
}
