import { ReadinessListResponse, SetReadinessResponse, type SetReadinessBody } from '../../../shared/schemas/readiness';
import { apiPath } from '../api/apiPath';
import { apiGet, apiPost } from '../api/apiRequest';

/** Staff: every volunteer's training and confidentiality undertaking, those needing action first. */
export const fetchReadinessList = () => apiGet('/api/people/readiness', ReadinessListResponse);

/** Staff record a date (or null: lapsed, withdrawn) for a volunteer. */
export const setReadiness = (id: string, body: SetReadinessBody) => apiPost(apiPath`/api/people/${id}/readiness`, body, SetReadinessResponse);
