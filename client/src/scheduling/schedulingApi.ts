import {
  AssignmentList,
  FeedStatus,
  FeedUrl,
  ScheduledSession,
  SeriesList,
  SeriesView,
  SessionList,
  TopicLibrary,
  VolunteerList,
  type PopupInput,
  type SeriesInput,
  type SeriesUpdate,
  type SessionChange,
} from '../../../shared/schemas/scheduling';
import { apiPath, withQuery } from '../api/apiPath';
import { apiGet, apiPost } from '../api/apiRequest';

export const fetchSessions = (q: { from?: string; to?: string; weeks?: number; seriesId?: string } = {}) =>
  apiGet(withQuery('/api/scheduling/sessions', q), SessionList);
export const fetchSeries = () => apiGet('/api/scheduling/series', SeriesList);
export const createSeries = (input: Partial<SeriesInput>) => apiPost('/api/scheduling/series', input, SeriesView);
export const updateSeries = (id: string, u: SeriesUpdate) => apiPost(apiPath`/api/scheduling/series/${id}`, u, SeriesView);
export const pasteTopics = (seriesId: string, topics: string[], from?: string) =>
  apiPost(apiPath`/api/scheduling/series/${seriesId}/topics`, { topics, ...(from ? { from } : {}) }, SessionList);
export const createPopup = (input: Partial<PopupInput>) => apiPost('/api/scheduling/popups', input, ScheduledSession);
export const setTopic = (sessionId: string, topic: string | null) =>
  apiPost(apiPath`/api/scheduling/sessions/${sessionId}/topic`, { topic }, ScheduledSession);
export const setHosts = (sessionId: string, hostId: string | null, backupId: string | null) =>
  apiPost(apiPath`/api/scheduling/sessions/${sessionId}/hosts`, { hostId, backupId }, ScheduledSession);
export const changeSession = (sessionId: string, change: SessionChange) =>
  apiPost(apiPath`/api/scheduling/sessions/${sessionId}/change`, change, ScheduledSession);
export const fetchVolunteers = () => apiGet('/api/scheduling/volunteers', VolunteerList);
export const fetchLibrary = () => apiGet('/api/scheduling/topics', TopicLibrary);
export const addLibraryTopic = (topic: string) => apiPost('/api/scheduling/topics', { topic }, TopicLibrary);
export const removeLibraryTopic = (id: string) => apiPost(apiPath`/api/scheduling/topics/${id}/delete`, {}, TopicLibrary);
export const fetchAssignments = () => apiGet('/api/scheduling/assignments', AssignmentList);
export const declineAssignment = (sessionId: string) => apiPost(apiPath`/api/scheduling/sessions/${sessionId}/decline`, {}, AssignmentList);
export const fetchFeedStatus = () => apiGet('/api/scheduling/feed', FeedStatus);
export const rotateFeed = () => apiPost('/api/scheduling/feed/rotate', {}, FeedUrl);
export const revokeFeed = () => apiPost('/api/scheduling/feed/revoke', {}, FeedStatus);
export const sessionCalendarPath = (sessionId: string) => apiPath`/api/scheduling/sessions/${sessionId}/calendar.ics`;
