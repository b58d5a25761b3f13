import { AttendanceReport, AuditLogResponse, MilestonesReport } from '../../../shared/schemas/reports';
import { withQuery } from '../api/apiPath';
import { apiGet } from '../api/apiRequest';

export const fetchAttendanceReport = (from: string, to: string) => apiGet(withQuery('/api/reports/attendance', { from, to }), AttendanceReport);
export const fetchMilestones = () => apiGet('/api/reports/milestones', MilestonesReport);

/** Which page of the audit log: the newest, or the one older than `before` / newer than `after`, of one action or all. */
export interface AuditPageQuery {
  action?: string;
  before?: string;
  after?: string;
}
export const fetchAuditLog = (q: AuditPageQuery = {}) =>
  apiGet(withQuery('/api/reports/audit', { action: q.action, before: q.before, after: q.after }), AuditLogResponse);
