import { HelpInfo } from '../../../shared/schemas/help';
import { apiGet } from '../api/apiRequest';

export const fetchHelpInfo = () => apiGet('/api/help', HelpInfo);
