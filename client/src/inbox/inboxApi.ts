import { InboxCount, InboxResponse } from '../../../shared/schemas/inbox';
import { apiGet } from '../api/apiRequest';

export const fetchInbox = () => apiGet('/api/inbox', InboxResponse);
export const fetchInboxCount = () => apiGet('/api/inbox/count', InboxCount);
