import { roleLabelOf, type PublicUser } from '../../../shared/schemas/auth';

/** How a person's role reads in the header: the one rule in `shared/`, which the audit log's CSV uses too. */
export function roleLabel(user: Pick<PublicUser, 'role' | 'memberKind'>): string {
  return roleLabelOf(user);
}
