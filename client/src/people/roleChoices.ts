import type { MemberKind, Role } from '../../../shared/schemas/auth';

/**
 * A role together with its member kind, as one choice in a select: a member is a lawyer or an articling student,
 * every other role has no kind. One select per row keeps a role change to one decision.
 */
export type RoleChoice = 'member:lawyer' | 'member:articling_student' | 'volunteer' | 'staff' | 'auditor';

export const ROLE_CHOICES: ReadonlyArray<{ value: RoleChoice; label: string }> = [
  { value: 'member:lawyer', label: 'Member — lawyer' },
  { value: 'member:articling_student', label: 'Member — articling student' },
  { value: 'volunteer', label: 'Peer-support volunteer (red mug)' },
  { value: 'staff', label: 'Staff' },
  { value: 'auditor', label: 'Auditor (audit log only)' },
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
export function rolePhrase(p: { role: Role; memberKind: MemberKind | null }): string {
  switch (p.role) {
    case 'member':
      return p.memberKind === 'articling_student' ? 'a member (articling student)' : 'a member (lawyer)';
    case 'volunteer':
      return 'a peer-support volunteer';
    case 'staff':
      return 'staff';
    case 'auditor':
      return 'an auditor';
  }
}

/** What changes for the person, said before staff confirm. */
export function consequenceOf(from: Role, to: Role): string {
  const notes: string[] = [];
  if (from === 'volunteer' && to !== 'volunteer') {
    notes.push('They stop wearing the red mug and lose host rights at once: give any circle they host a new host on Run the schedule.');
  }
  if (to === 'volunteer' && from !== 'volunteer') notes.push('They will wear the red mug and can be assigned to host circles once their peer-support training and confidentiality undertaking are recorded on Volunteer readiness.');
  if (to === 'staff') notes.push('Staff can read support requests, run the schedule and change anyone’s role.');
  if (to === 'auditor') notes.push('An auditor can read the audit log and nothing else: no circles, no peer support.');
  if (from === 'staff' && to !== 'staff') notes.push('They lose every staff page at once.');
  notes.push('Their open circle connection restarts so the change takes effect.');
  return notes.join(' ');
}

/**
 * How long an invite stays valid, in words: "14 days", "1 day", "less than a day" (and "no time" once it has
 * expired, which a fresh invite never is).
 */
export function validFor(expiresAt: Date, now: Date): string {
  const ms = expiresAt.getTime() - now.getTime();
  if (ms <= 0) return 'no time';
  const days = Math.round(ms / 86_400_000);
  if (days < 1) return 'less than a day';
  return days === 1 ? '1 day' : `${days} days`;
}
