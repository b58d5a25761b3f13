import {
  InviteStatus,
  PasswordResetLink,
  PasswordResetRequested,
  PasswordResetStatus,
  PendingPasswordResets,
  SessionResponse,
  type AcceptInviteBody,
  type CompletePasswordResetBody,
  type LoginBody,
} from '../../../shared/schemas/auth';
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

/** "Forgot password?": the answer is the same whether or not an account uses the address. */
export const requestPasswordReset = (email: string) => apiPost('/api/auth/password-reset', { email }, PasswordResetRequested);
/** Whether a reset link still works, before the new password is typed. */
export const fetchPasswordResetStatus = (token: string) => apiGet(apiPath`/api/auth/password-reset/${token}`, PasswordResetStatus);
/** Sets the new password; every session of the person ends (this browser's too, when it is theirs). */
export const completePasswordReset = (body: CompletePasswordResetBody) => stored(apiPost('/api/auth/password-reset/complete', body, SessionResponse));

/** Staff: the reset requests waiting for a link, and a link for one account to hand over (shown once). */
export const fetchPendingPasswordResets = () => apiGet('/api/auth/password-resets', PendingPasswordResets);
export const issuePasswordResetLink = (userId: string) => apiPost('/api/auth/password-resets', { userId }, PasswordResetLink);
