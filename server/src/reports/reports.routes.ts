import { Router, type Response } from 'express';
import { OutcomesQuery } from '../../../shared/schemas/outcomes';
import { AuditCsvQuery, AuditQuery, ReportQuery } from '../../../shared/schemas/reports';
import { requireUser } from '../auth/auth.middleware';
import { parse } from '../http/validate';
import type { OutcomesService } from './outcomes.service';
import type { ReportsService } from './reports.service';

/**
 * Aggregate reports for staff, and the audit log for staff and auditors. Nothing here names who was present.
 * Auditors read the audit log only: the attendance reports are for staff (issue #7).
 */
export function reportsRoutes(deps: { reports: ReportsService; outcomes: Pick<OutcomesService, 'csv'> }): Router {
  const router = Router();
  /** A CSV file to keep: never cached, named for what it holds. */
  const sendCsv = (res: Response, file: string, body: string) => {
    res.set('Cache-Control', 'private, no-store');
    res.type('text/csv; charset=utf-8');
    res.attachment(file);
    res.send(body);
  };
  // Per route rather than router.use: the audit log has a wider audience than the rest.
  const staff = requireUser('staff');
  const auditReaders = requireUser('auditor'); // staff pass every role check
  router.get('/attendance', staff, async (req, res) => {
    res.json(await deps.reports.attendance(parse(ReportQuery, req.query)));
  });
  router.get('/milestones', staff, async (_req, res) => {
    res.json(await deps.reports.milestones());
  });
  // The period's figures and every reporting year's, as the page shows them, in the reader's language.
  router.get('/attendance.csv', staff, async (req, res) => {
    const q = parse(ReportQuery, req.query);
    sendCsv(res, `red-mug-circles-${q.from}-to-${q.to}.csv`, await deps.reports.attendanceCsv(q));
  });
  // The outcomes report (staff only, as on its page), in the reader's language.
  router.get('/outcomes.csv', staff, async (req, res) => {
    const csv = await deps.outcomes.csv(parse(OutcomesQuery, req.query));
    sendCsv(res, `red-mug-outcomes-${csv.from}-to-${csv.to}.csv`, csv.text);
  });
  // Who (staff or host, by first name and role) did what, when, to which target — never who was present.
  router.get('/audit', auditReaders, async (req, res) => {
    res.set('Cache-Control', 'private, no-store');
    res.json(await deps.reports.auditLog(parse(AuditQuery, req.query)));
  });
  // The same entries and columns as the page, as a file to keep: for the same readers.
  router.get('/audit.csv', auditReaders, async (req, res) => {
    const q = parse(AuditCsvQuery, req.query);
    const csv = await deps.reports.auditCsv(q);
    const day = new Date().toISOString().slice(0, 10);
    sendCsv(res, `red-mug-audit-log${q.action ? `-${q.action.replace(/\./g, '-')}` : ''}-${day}.csv`, csv);
  });
  return router;
}
