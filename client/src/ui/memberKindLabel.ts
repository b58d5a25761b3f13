import type { MemberKind } from '../../../shared/schemas/auth';

/** How each member kind reads on screen, in the order of MEMBER_KINDS. */
export const MEMBER_KIND_LABELS: Record<MemberKind, string> = { lawyer: 'Lawyer', articling_student: 'Articling student' };

/**
 * "Lawyer" or "Articling student"; "Unknown" when none was recorded. A kind this client does not know yet (a newer
 * server) shows as sent rather than as nothing.
 */
export function memberKindLabel(kind: string | null): string {
  if (kind === null) return 'Unknown';
  return Object.hasOwn(MEMBER_KIND_LABELS, kind) ? MEMBER_KIND_LABELS[kind as MemberKind] : kind;
}
