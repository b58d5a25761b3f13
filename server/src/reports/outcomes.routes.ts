import { Router } from 'express';
import { HistoryYearBody, OutcomesQuery } from '../../../shared/schemas/outcomes';
import { requireUser, signedInUser } from '../auth/auth.middleware';
import { parse } from '../http/validate';
import type { OutcomesService } from './outcomes.service';

/**
 * The outcomes report to funders and the match history behind it: staff only, like the attendance reports
 * (auditors read the audit log only). Reading aggregates is not audited, as with the other reports; changing the
 * history is.
 */
export function outcomesRoutes(deps: { outcomes: OutcomesService }): Router {
  const router = Router();
  router.use(requireUser('staff'));
  router.get('/', async (req, res) => {
    res.set('Cache-Control', 'private, no-store');
    res.json(await deps.outcomes.report(parse(OutcomesQuery, req.query)));
  });
  router.get('/history', async (_req, res) => {
    res.set('Cache-Control', 'private, no-store');
    res.json(await deps.outcomes.history());
  });
  router.post('/history', async (req, res) => {
    res.json(await deps.outcomes.setHistoryYear(signedInUser(req), parse(HistoryYearBody, req.body)));
  });
  return router;
}
