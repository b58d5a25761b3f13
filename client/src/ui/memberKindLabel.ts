import { MEMBER_KIND_LABELS, type MemberKind } from '../../../shared/schemas/auth';

export { MEMBER_KIND_LABELS };

/**
 * "Lawyer" or "Articling student"; "Unknown" when none was recorded. A kind this client does not know yet (a newer
 * server) shows as sent rather than as nothing.
 */
export function memberKindLabel(kind: string | null): string {
  if (kind === null) return 'Unknown';
  return Object.hasOwn(MEMBER_KIND_LABELS, kind) ? MEMBER_KIND_LABELS[kind as MemberKind] : kind;
}
