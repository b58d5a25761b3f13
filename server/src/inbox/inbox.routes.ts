import { Router } from 'express';
import { requireUser, signedInUser } from '../auth/auth.middleware';
import type { InboxService } from './inbox.service';

/** Staff's inbox of waiting requests. Staff only: it names the people who asked for one-on-one support. */
export function inboxRoutes(deps: { inbox: InboxService; onRead?: (staffId: string) => Promise<void> }): Router {
  const router = Router();
  router.use(requireUser('staff'));
  router.get('/', async (req, res) => {
    res.set('Cache-Control', 'private, no-store');
    const list = await deps.inbox.list();
    // The list names the people who asked for one-on-one support: that staff read it is on record, as on the socket.
    await deps.onRead?.(signedInUser(req).id);
    res.json(list);
  });
  router.get('/count', async (_req, res) => {
    res.set('Cache-Control', 'private, no-store');
    res.json(await deps.inbox.count());
  });
  return router;
}
