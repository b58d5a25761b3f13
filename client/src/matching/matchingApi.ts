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
import { apiPath, withQuery } from '../api/apiPath';
import { apiGet, apiPost } from '../api/apiRequest';

export const submitRequest = (body: CreateRequestBody) => apiPost('/api/matching/requests', body, CreatedResponse);
export const fetchOwnRequests = () => apiGet('/api/matching/requests/mine', z.object({ requests: z.array(OwnRequest) }));
export const fetchQueue = () => apiGet('/api/matching/queue', QueueResponse);
export const fetchRequest = (requestId: string) => apiGet(apiPath`/api/matching/requests/${requestId}`, RequestDetail);
export const fetchSuggestions = (requestId: string, weights: Weights) =>
  apiGet(withQuery(apiPath`/api/matching/requests/${requestId}/suggestions`, weights), SuggestionsResponse);
export const proposeMatch = (requestId: string, volunteerId: string) =>
  apiPost(apiPath`/api/matching/requests/${requestId}/proposals`, { volunteerId }, MatchView);
export const closeMatch = (matchId: string, outcome: Outcome) => apiPost(apiPath`/api/matching/matches/${matchId}/close`, { outcome }, OkResponse);
export const fetchStats = () => apiGet('/api/matching/stats', StatsResponse);
export const fetchProfile = () => apiGet('/api/matching/profile', ProfileResponse);
export const saveProfile = (profile: PeerProfile) => apiPost('/api/matching/profile', profile, ProfileResponse);
export const fetchVolunteerMatches = () => apiGet('/api/matching/matches/mine', VolunteerMatchesResponse);
export const respondToMatch = (matchId: string, accept: boolean) =>
  apiPost(apiPath`/api/matching/matches/${matchId}/${accept ? 'accept' : 'decline'}`, {}, OkResponse);
export const fetchNotices = () => apiGet('/api/matching/notices', NoticesResponse);
export const enterPairRoom = (matchId: string, displayName: string) =>
  apiPost(apiPath`/api/matching/matches/${matchId}/room`, { displayName }, PairRoomResponse);
