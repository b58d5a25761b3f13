import { AttendanceReport, AuditLogResponse, MilestonesReport } from '../../../shared/schemas/reports';
import { withQuery } from '../api/apiPath';
import { apiGet } from '../api/apiRequest';

export const fetchAttendanceReport = (from: string, to: string) => apiGet(withQuery('/api/reports/attendance', { from, to }), AttendanceReport);
export const fetchMilestones = () => apiGet('/api/reports/milestones', MilestonesReport);
export const fetchAuditLog = () => apiGet('/api/reports/audit', AuditLogResponse);
