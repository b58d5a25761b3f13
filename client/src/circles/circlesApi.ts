import { CircleSession, JoinResponse, NextCircleResponse } from '../../../shared/schemas/circles';
import { apiPath } from '../api/apiPath';
import { apiGet, apiPost } from '../api/apiRequest';

export const fetchNextCircle = () => apiGet('/api/circles/next', NextCircleResponse);

export const fetchCircleSession = (sessionId: string) => apiGet(apiPath`/api/circles/sessions/${sessionId}`, CircleSession);

/** Admission to one session: 409 OUTSIDE_WINDOW outside the drop-in window. */
export const joinCircle = (sessionId: string, displayName: string) =>
  apiPost(apiPath`/api/circles/sessions/${sessionId}/join`, { displayName }, JoinResponse);
