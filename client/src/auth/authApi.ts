import { InviteStatus, SessionResponse, type AcceptInviteBody, type LoginBody } from '../../../shared/schemas/auth';
import { apiPath } from '../api/apiPath';
import { apiGet, apiPost } from '../api/apiRequest';
import { useStore } from '../store';

/** Each call stores the SessionResponse it gets back: the CSRF token changes with every sign-in and sign-out. */
async function stored(p: Promise<SessionResponse>): Promise<SessionResponse> {
  const res = await p;
  useStore.getState().setSession(res);
  return res;
}

export const fetchSession = () => stored(apiGet('/api/auth/session', SessionResponse));
export const login = (body: LoginBody) => stored(apiPost('/api/auth/login', body, SessionResponse));
export const logout = () => stored(apiPost('/api/auth/logout', {}, SessionResponse));
export const acceptInvite = (body: AcceptInviteBody) => stored(apiPost('/api/auth/accept-invite', body, SessionResponse));

/** Whether an invite link still works, before the form is filled. */
export const fetchInviteStatus = (token: string) => apiGet(apiPath`/api/auth/invites/${token}`, InviteStatus);
