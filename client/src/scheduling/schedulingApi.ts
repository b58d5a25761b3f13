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
import { apiGet, apiPost } from '../api/apiRequest';

const base = '/api/scheduling';
const sid = (id: string) => encodeURIComponent(id);

export const fetchSessions = (q: { from?: string; to?: string; weeks?: number; seriesId?: string } = {}) => {
  const params = new URLSearchParams(
    Object.entries(q)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
  return apiGet(`${base}/sessions${params.size ? `?${params}` : ''}`, SessionList);
};
export const fetchSeries = () => apiGet(`${base}/series`, SeriesList);
export const createSeries = (input: Partial<SeriesInput>) => apiPost(`${base}/series`, input, SeriesView);
export const updateSeries = (id: string, u: SeriesUpdate) => apiPost(`${base}/series/${sid(id)}`, u, SeriesView);
export const pasteTopics = (seriesId: string, topics: string[], from?: string) =>
  apiPost(`${base}/series/${sid(seriesId)}/topics`, { topics, ...(from ? { from } : {}) }, SessionList);
export const createPopup = (input: Partial<PopupInput>) => apiPost(`${base}/popups`, input, ScheduledSession);
export const setTopic = (sessionId: string, topic: string | null) =>
  apiPost(`${base}/sessions/${sid(sessionId)}/topic`, { topic }, ScheduledSession);
export const setHosts = (sessionId: string, hostId: string | null, backupId: string | null) =>
  apiPost(`${base}/sessions/${sid(sessionId)}/hosts`, { hostId, backupId }, ScheduledSession);
export const changeSession = (sessionId: string, change: SessionChange) =>
  apiPost(`${base}/sessions/${sid(sessionId)}/change`, change, ScheduledSession);
export const fetchVolunteers = () => apiGet(`${base}/volunteers`, VolunteerList);
export const fetchLibrary = () => apiGet(`${base}/topics`, TopicLibrary);
export const addLibraryTopic = (topic: string) => apiPost(`${base}/topics`, { topic }, TopicLibrary);
export const removeLibraryTopic = (id: string) => apiPost(`${base}/topics/${sid(id)}/delete`, {}, TopicLibrary);
export const fetchAssignments = () => apiGet(`${base}/assignments`, AssignmentList);
export const declineAssignment = (sessionId: string) => apiPost(`${base}/sessions/${sid(sessionId)}/decline`, {}, AssignmentList);
export const fetchFeedStatus = () => apiGet(`${base}/feed`, FeedStatus);
export const rotateFeed = () => apiPost(`${base}/feed/rotate`, {}, FeedUrl);
export const revokeFeed = () => apiPost(`${base}/feed/revoke`, {}, FeedStatus);
export const sessionCalendarPath = (sessionId: string) => `${base}/sessions/${sid(sessionId)}/calendar.ics`;
