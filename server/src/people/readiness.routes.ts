import { Router } from 'express';
import { PersonId } from '../../../shared/schemas/people';
import { SetReadinessBody, type OwnReadinessResponse, type ReadinessListResponse, type SetReadinessResponse } from '../../../shared/schemas/readiness';
import { requireUser, signedInUser } from '../auth/auth.middleware';
import { AppError } from '../http/errors';
import { parse } from '../http/validate';
import type { ReadinessService } from './readiness.service';

/**
 * Volunteer readiness (issue #18, item 2), mounted under /api/people: staff list and record it; a volunteer reads
 * their own (staff have none: they are not peer supporters).
 */
export function readinessRoutes(deps: {
  readiness: ReadinessService;
  /** Called after a change: the circles the volunteer is in show (or stop showing) their red mug at once. */
  onChanged?: (userId: string) => Promise<void>;
}): Router {
  const router = Router();
  const staff = requireUser('staff');

  router.get('/readiness', staff, async (_req, res) => {
    const out: ReadinessListResponse = await deps.readiness.list();
    res.json(out);
  });

  router.get('/me/readiness', requireUser('volunteer'), async (req, res) => {
    const user = signedInUser(req);
    if (user.role !== 'volunteer') throw new AppError(403, 'FORBIDDEN', 'people.readiness.error.volunteersOnly');
    const out: OwnReadinessResponse = await deps.readiness.own(user);
    res.json(out);
  });

  router.post('/:id/readiness', staff, async (req, res) => {
    const body = parse(SetReadinessBody, req.body);
    const id = PersonId.safeParse(req.params.id);
    if (!id.success) throw new AppError(404, 'NOT_FOUND', 'people.readiness.error.unknownAccount');
    const out: SetReadinessResponse = await deps.readiness.record(signedInUser(req), id.data, body);
    // A lapse (or a renewal) shows in any circle they are in now, not at their next join.
    await deps.onChanged?.(out.userId);
    res.json(out);
  });

  return router;
}
