import { InviteResponse, type MemberKind, type Role } from '../../../shared/schemas/auth';
import { ChangeRoleResponse, PeopleResponse, type ChangeRoleBody } from '../../../shared/schemas/people';
import { apiGet, apiPatch, apiPost } from '../api/apiRequest';

export interface PeopleFilters {
  q: string;
  role: Role | '';
  offset: number;
  limit: number;
}

export const fetchPeople = (f: PeopleFilters) => {
  const params = new URLSearchParams({ limit: String(f.limit), offset: String(f.offset) });
  if (f.q.trim()) params.set('q', f.q.trim());
  if (f.role) params.set('role', f.role);
  return apiGet(`/api/people?${params.toString()}`, PeopleResponse);
};

export const changeRole = (id: string, body: ChangeRoleBody) =>
  apiPatch(`/api/people/${encodeURIComponent(id)}/role`, body, ChangeRoleResponse);

/**
 * Staff: a single-use invite link for a role (a member needs a kind); `email` limits it to that address. The route
 * is the auth domain's, but only the People page makes invites.
 */
export const createInvite = (body: { role: Role; memberKind: MemberKind | null; email?: string }) =>
  apiPost('/api/auth/invites', body, InviteResponse);
