import type { MemberKind } from '../../../shared/schemas/auth';

export function callerKindLabel(kind: MemberKind | null): string {
  return kind === 'articling_student' ? 'Articling student' : kind === 'lawyer' ? 'Lawyer' : 'Unknown';
}
