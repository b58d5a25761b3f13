import type { PublicUser } from '../../../shared/schemas/auth';
import { MEMBER_KIND_LABELS } from './memberKindLabel';

/** How a person's role reads in the header. */
export function roleLabel(user: Pick<PublicUser, 'role' | 'memberKind'>): string {
  switch (user.role) {
    case 'volunteer':
      return 'Peer-support volunteer';
    case 'staff':
      return 'Staff';
    case 'auditor':
      return 'Auditor';
    case 'member':
      // The server gives every member a kind (RoleWithKind); the type allows none, read as a lawyer.
      return MEMBER_KIND_LABELS[user.memberKind ?? 'lawyer'];
  }
}
