import type { PublicUser, Role } from '../../../shared/schemas/auth';
import type { MessageId } from '../../../shared/i18n/catalog';
import { tNow } from '../i18n/useT';
import { memberKindLabel } from './memberKindLabel';

const ROLE_IDS: Record<Exclude<Role, 'member'>, MessageId> = {
  volunteer: 'common.role.volunteer',
  staff: 'common.role.staff',
  auditor: 'common.role.auditor',
};

/**
 * How a person's role reads (the header, invites, the audit log): members by their kind ("Lawyer"), everyone else
 * by their role ("Peer-support volunteer"). `t` is the page's translator (`useT()`); outside React, the store's locale.
 */
export function roleLabel(user: Pick<PublicUser, 'role' | 'memberKind'>, t: (id: MessageId) => string = tNow): string {
  // The server gives every member a kind; the type allows none, read as a lawyer.
  if (user.role === 'member') return memberKindLabel(user.memberKind ?? 'lawyer', t);
  return t(ROLE_IDS[user.role]);
}
