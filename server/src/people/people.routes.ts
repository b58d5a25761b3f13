import { Router } from 'express';
import { ChangeRoleBody, PeopleQuery, PersonId, SetDisabledBody, type ChangeRoleResponse } from '../../../shared/schemas/people';
import { requireUser, signedInUser } from '../auth/auth.middleware';
import { AppError } from '../http/errors';
import { parse } from '../http/validate';
import type { PeopleService } from './people.service';

/**
 * Staff manage people: the list (accounts only — never attendance, circles or support requests) and role changes.
 * Staff only: auditors read role changes in the audit log, never the list of people.
 */
export function peopleRoutes(deps: {
  people: PeopleService;
  /** Called after a role change, so the person's open sockets reconnect carrying the new role. */
  onRoleChanged?: (userId: string) => void;
  /** Called after an account is disabled: its sockets close and it leaves the LiveKit rooms it is in. */
  onDisabled?: (userId: string) => Promise<void>;
}): Router {
  const router = Router();
  const staff = requireUser('staff');

  router.get('/', staff, async (req, res) => {
    res.json(await deps.people.list(parse(PeopleQuery, req.query)));
  });

  router.patch('/:id/role', staff, async (req, res) => {
    const body = parse(ChangeRoleBody, req.body);
    const id = PersonId.safeParse(req.params.id);
    if (!id.success) throw new AppError(404, 'NOT_FOUND', 'people.error.unknownAccount');
    const { person, changed } = await deps.people.changeRole(signedInUser(req), id.data, body);
    // A socket keeps the role it connected with; closing them makes the next connection carry the new one.
    if (changed) deps.onRoleChanged?.(person.id);
    const out: ChangeRoleResponse = { person };
    res.json(out);
  });

  router.post('/:id/disabled', staff, async (req, res) => {
    const body = parse(SetDisabledBody, req.body);
    const id = PersonId.safeParse(req.params.id);
    if (!id.success) throw new AppError(404, 'NOT_FOUND', 'people.error.unknownAccount');
    const person = await deps.people.setDisabled(signedInUser(req), id.data, body.disabled);
    // Out at once: sockets closed, and out of any LiveKit room they are in.
    if (body.disabled) await deps.onDisabled?.(person.id);
    const out: ChangeRoleResponse = { person };
    res.json(out);
  });

  router.post('/:id/unlock-sign-in', staff, async (req, res) => {
    const id = PersonId.safeParse(req.params.id);
    if (!id.success) throw new AppError(404, 'NOT_FOUND', 'people.error.unknownAccount');
    await deps.people.unlockSignIn(signedInUser(req), id.data);
    res.json({ ok: true });
  });

  return router;
}
