import { Headcount, HeadcountSessionList, type HeadcountBody } from '../../../shared/schemas/headcount';
import { apiPath } from '../api/apiPath';
import { apiGet, apiPost } from '../api/apiRequest';

export const fetchHeadcountSessions = () => apiGet('/api/headcounts', HeadcountSessionList);
export const recordHeadcount = (sessionId: string, body: HeadcountBody) => apiPost(apiPath`/api/headcounts/${sessionId}`, body, Headcount);
