import { HistoryResponse, OutcomesReport, type HistoryYearBody } from '../../../shared/schemas/outcomes';
import { withQuery } from '../api/apiPath';
import { apiGet, apiPost } from '../api/apiRequest';

/** The outcomes report for a span of years; either end may be left to the server (first year on record, this year). */
export const fetchOutcomes = (from?: number, to?: number) => apiGet(withQuery('/api/reports/outcomes', { from, to }), OutcomesReport);
export const fetchMatchHistory = () => apiGet('/api/reports/outcomes/history', HistoryResponse);
/** Sent as typed (a box left empty is undefined): the server's checks answer for each field. */
export const saveMatchHistoryYear = (body: Partial<Record<keyof HistoryYearBody, number>>) => apiPost('/api/reports/outcomes/history', body, HistoryResponse);
