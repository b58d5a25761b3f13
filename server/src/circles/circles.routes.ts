import { Router } from 'express';
import { z } from 'zod';
import { JoinBody, type NextCircleResponse } from '../../../shared/schemas/circles';
import { PledgeBody } from '../../../shared/schemas/pledge';
import { requireUser, signedInUser } from '../auth/auth.middleware';
import type { Clock } from '../clock';
import { parse } from '../http/validate';
import type { CirclesService } from './circles.service';

const SessionParams = z.object({ sessionId: z.string().min(1).max(80) }).strict();

export function circlesRoutes(deps: { circles: CirclesService; clock: Clock }): Router {
  const router = Router();
  router.use(requireUser());

  router.get('/next', async (req, res) => {
    const body: NextCircleResponse = { ...(await deps.circles.next(signedInUser(req))), now: deps.clock.now().toISOString() };
    res.json(body);
  });

  router.get('/sessions/:sessionId', async (req, res) => {
    const { sessionId } = parse(SessionParams, req.params);
    res.json(await deps.circles.session(sessionId, signedInUser(req)));
  });

  // The confidentiality pledge, asked on the way into a circle: for everyone who may join one (issue #15).
  router.get('/pledge', requireUser('member', 'volunteer'), async (req, res) => {
    res.json(await deps.circles.pledge(signedInUser(req)));
  });
  router.post('/pledge', requireUser('member', 'volunteer'), async (req, res) => {
    parse(PledgeBody, req.body);
    res.json(await deps.circles.agreeToPledge(signedInUser(req)));
  });

  router.post('/sessions/:sessionId/join', requireUser('member', 'volunteer'), async (req, res) => {
    const { sessionId } = parse(SessionParams, req.params);
    // The name chosen at pre-join is still checked, but LiveKit never gets it: the live circle carries names.
    parse(JoinBody, req.body);
    res.json(await deps.circles.join(signedInUser(req), sessionId));
  });

  return router;
}
