import { Router } from 'express';
import { AuditLogResponse, AuditQuery, ReportQuery } from '../../../shared/schemas/reports';
import { requireUser } from '../auth/auth.middleware';
import { parse } from '../http/validate';
import type { Db } from '../store/db';
import type { createReportsService } from './reports.service';

/** Staff only: aggregates and the audit log. Nothing here names who was present. */
export function reportsRoutes(deps: { reports: ReturnType<typeof createReportsService>; db: Db }): Router {
  const router = Router();
  router.use(requireUser('staff'));
  router.get('/attendance', async (req, res) => {
    res.json(await deps.reports.attendance(parse(ReportQuery, req.query)));
  });
  router.get('/milestones', async (_req, res) => {
    res.json(await deps.reports.milestones());
  });
  // Who (staff or host, by first name and role) did what, when, to which target — never who was present.
  router.get('/audit', async (req, res) => {
    const q = parse(AuditQuery, req.query);
    const rows = await deps.db.query<{ at: Date; first_name: string | null; role: 'member' | 'volunteer' | 'staff' | null; action: string; target_type: string; target_id: string }>(
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
