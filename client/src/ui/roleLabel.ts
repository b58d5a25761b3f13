import type { PublicUser } from '../../../shared/schemas/auth';

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
      return user.memberKind === 'articling_student' ? 'Articling student' : 'Lawyer';
  }
}
