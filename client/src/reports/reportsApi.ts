import { AttendanceReport, AuditLogResponse, MilestonesReport } from '../../../shared/schemas/reports';
import { apiGet } from '../api/apiRequest';

export const fetchAttendanceReport = (from: string, to: string) =>
  apiGet(`/api/reports/attendance?${new URLSearchParams({ from, to }).toString()}`, AttendanceReport);
export const fetchMilestones = () => apiGet('/api/reports/milestones', MilestonesReport);
export const fetchAuditLog = () => apiGet('/api/reports/audit', AuditLogResponse);
