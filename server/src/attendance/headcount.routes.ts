import { Router } from 'express';
import { z } from 'zod';
import { HeadcountBody } from '../../../shared/schemas/headcount';
import { requireUser, signedInUser } from '../auth/auth.middleware';
import { parse } from '../http/validate';
import type { HeadcountService } from './headcount.service';

const SessionParams = z.object({ sessionId: z.string().min(1).max(80) }).strict();

/** In-person headcounts: volunteers and staff reach these routes; each session is checked against its roster. */
export function headcountRoutes(deps: { headcounts: HeadcountService }): Router {
  const router = Router();
  router.use(requireUser('volunteer'));
  router.get('/', async (req, res) => {
    res.json({ sessions: await deps.headcounts.recordable(signedInUser(req)) });
  });
  router.post('/:sessionId', async (req, res) => {
    const { sessionId } = parse(SessionParams, req.params);
    const user = signedInUser(req);
    // Who may, down to the session, before the body is even read.
    const session = await deps.headcounts.authorize(user, sessionId);
    res.json(await deps.headcounts.record(user, session, parse(HeadcountBody, req.body)));
  });
  return router;
}
