import { CircleSession, JoinResponse, NextCircleResponse } from '../../../shared/schemas/circles';
import { apiGet, apiPost } from '../api/apiRequest';

export const fetchNextCircle = () => apiGet('/api/circles/next', NextCircleResponse);

export const fetchCircleSession = (sessionId: string) =>
  apiGet(`/api/circles/sessions/${encodeURIComponent(sessionId)}`, CircleSession);

/** Admission to one session: 409 OUTSIDE_WINDOW outside the drop-in window. */
export const joinCircle = (sessionId: string, displayName: string) =>
  apiPost(`/api/circles/sessions/${encodeURIComponent(sessionId)}/join`, { displayName }, JoinResponse);
