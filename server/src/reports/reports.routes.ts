import { Router } from 'express';
import type { Role } from '../../../shared/schemas/auth';
import { AuditLogResponse, AuditQuery, ReportQuery } from '../../../shared/schemas/reports';
import { requireUser } from '../auth/auth.middleware';
import { parse } from '../http/validate';
import type { Db } from '../store/db';
import type { createReportsService } from './reports.service';

/**
 * Aggregate reports for staff, and the audit log for staff and auditors. Nothing here names who was present.
 * Auditors read the audit log only: the attendance reports are for staff (issue #7).
 */
export function reportsRoutes(deps: { reports: ReturnType<typeof createReportsService>; db: Db }): Router {
  const router = Router();
  // Per route rather than router.use: the audit log has a wider audience than the rest.
  const staff = requireUser('staff');
  const auditReaders = requireUser('auditor'); // staff pass every role check
  router.get('/attendance', staff, async (req, res) => {
    res.json(await deps.reports.attendance(parse(ReportQuery, req.query)));
  });
  router.get('/milestones', staff, async (_req, res) => {
    res.json(await deps.reports.milestones());
  });
  // Who (staff or host, by first name and role) did what, when, to which target — never who was present.
  router.get('/audit', auditReaders, async (req, res) => {
    const q = parse(AuditQuery, req.query);
    const rows = await deps.db.query<{ at: Date; first_name: string | null; role: Role | null; action: string; target_type: string; target_id: string }>(
      `SELECT a.at, u.first_name, u.role, a.action, a.target_type, a.target_id
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
        WHERE $1::text IS NULL OR a.action = $1
        ORDER BY a.at DESC, a.seq DESC LIMIT $2`,
      [q.action ?? null, q.limit],
    );
    const body: AuditLogResponse = {
      entries: rows.map((r) => ({
        at: new Date(r.at).toISOString(),
        actorName: r.first_name,
        actorRole: r.role,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
      })),
    };
    res.json(body);
  });
  return router;
}
