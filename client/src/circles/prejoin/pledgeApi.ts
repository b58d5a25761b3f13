import { PledgeStatus } from '../../../../shared/schemas/pledge';
import { apiGet, apiPost } from '../../api/apiRequest';

export const fetchPledge = () => apiGet('/api/circles/pledge', PledgeStatus);

/** Agreeing is all that is sent: never the circle the person is about to join. */
export const agreeToPledge = () => apiPost('/api/circles/pledge', { agree: true }, PledgeStatus);
