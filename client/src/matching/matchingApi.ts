import { z } from 'zod';
import {
  CreatedResponse,
  MatchView,
  NoticesResponse,
  OkResponse,
  OwnRequest,
  PairRoomResponse,
  ProfileResponse,
  QueueResponse,
  RequestDetail,
  StatsResponse,
  SuggestionsResponse,
  VolunteerMatchesResponse,
  type CreateRequestBody,
  type Outcome,
  type PeerProfile,
  type Weights,
} from '../../../shared/schemas/matching';
import { apiGet, apiPost } from '../api/apiRequest';

const base = '/api/matching';
const id = (s: string) => encodeURIComponent(s);

export const submitRequest = (body: CreateRequestBody) => apiPost(`${base}/requests`, body, CreatedResponse);
export const fetchOwnRequests = () => apiGet(`${base}/requests/mine`, z.object({ requests: z.array(OwnRequest) }));
export const fetchQueue = () => apiGet(`${base}/queue`, QueueResponse);
export const fetchRequest = (requestId: string) => apiGet(`${base}/requests/${id(requestId)}`, RequestDetail);
export const fetchSuggestions = (requestId: string, weights: Weights) =>
  apiGet(
    `${base}/requests/${id(requestId)}/suggestions?${new URLSearchParams(Object.entries(weights).map(([k, v]) => [k, String(v)]))}`,
    SuggestionsResponse,
  );
export const proposeMatch = (requestId: string, volunteerId: string) =>
  apiPost(`${base}/requests/${id(requestId)}/proposals`, { volunteerId }, MatchView);
export const closeMatch = (matchId: string, outcome: Outcome) => apiPost(`${base}/matches/${id(matchId)}/close`, { outcome }, OkResponse);
export const fetchStats = () => apiGet(`${base}/stats`, StatsResponse);
export const fetchProfile = () => apiGet(`${base}/profile`, ProfileResponse);
export const saveProfile = (profile: PeerProfile) => apiPost(`${base}/profile`, profile, ProfileResponse);
export const fetchVolunteerMatches = () => apiGet(`${base}/matches/mine`, VolunteerMatchesResponse);
export const respondToMatch = (matchId: string, accept: boolean) =>
  apiPost(`${base}/matches/${id(matchId)}/${accept ? 'accept' : 'decline'}`, {}, OkResponse);
export const fetchNotices = () => apiGet(`${base}/notices`, NoticesResponse);
export const enterPairRoom = (matchId: string, displayName: string) =>
  apiPost(`${base}/matches/${id(matchId)}/room`, { displayName }, PairRoomResponse);
