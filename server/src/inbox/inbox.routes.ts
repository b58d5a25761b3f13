import { Router } from 'express';
import { requireUser } from '../auth/auth.middleware';
import type { InboxService } from './inbox.service';

/** Staff's inbox of waiting requests. Staff only: it names the people who asked for one-on-one support. */
export function inboxRoutes(deps: { inbox: InboxService }): Router {
  const router = Router();
  router.use(requireUser('staff'));
  router.get('/', async (_req, res) => {
    res.set('Cache-Control', 'private, no-store');
    res.json(await deps.inbox.list());
  });
  router.get('/count', async (_req, res) => {
    res.set('Cache-Control', 'private, no-store');
    res.json(await deps.inbox.count());
  });
  return router;
}
