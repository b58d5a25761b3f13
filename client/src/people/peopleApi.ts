import { InviteResponse, PendingInvitesResponse, type MemberKind, type Role } from '../../../shared/schemas/auth';
import { ChangeRoleResponse, PeopleResponse, UnlockSignInResponse, type ChangeRoleBody } from '../../../shared/schemas/people';
import { apiPath, withQuery } from '../api/apiPath';
import { apiGet, apiPatch, apiPost } from '../api/apiRequest';

export interface PeopleFilters {
  q: string;
  role: Role | '';
  offset: number;
  limit: number;
}

export const fetchPeople = (f: PeopleFilters) =>
  apiGet(withQuery('/api/people', { limit: f.limit, offset: f.offset, q: f.q.trim() || undefined, role: f.role || undefined }), PeopleResponse);

/** Staff lift a lock on someone's sign-in (after many failed sign-ins from anywhere). */
export const unlockSignIn = (id: string) => apiPost(apiPath`/api/people/${id}/unlock-sign-in`, {}, UnlockSignInResponse);

/** Staff disable an account (signed out everywhere at once) or enable it again. */
export const setDisabled = (id: string, disabled: boolean) => apiPost(apiPath`/api/people/${id}/disabled`, { disabled }, ChangeRoleResponse);

/** Staff: invites not yet used, and taking one back. */
export const fetchPendingInvites = () => apiGet('/api/auth/invites', PendingInvitesResponse);
export const revokeInvite = (id: string) => apiPost(apiPath`/api/auth/invites/${id}/revoke`, {}, UnlockSignInResponse);

export const changeRole = (id: string, body: ChangeRoleBody) => apiPatch(apiPath`/api/people/${id}/role`, body, ChangeRoleResponse);

/**
 * Staff: a single-use invite link for a role (a member needs a kind); `email` limits it to that address. The route
 * is the auth domain's, but only the People page makes invites.
 */
export const createInvite = (body: { role: Role; memberKind: MemberKind | null; email?: string }) =>
  apiPost('/api/auth/invites', body, InviteResponse);
