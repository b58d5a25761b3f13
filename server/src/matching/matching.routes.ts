import { Router, type Request } from 'express';
import { z } from 'zod';
import type { PublicUser } from '../../../shared/schemas/auth';
import {
  CloseBody,
  CreateRequestBody,
  DEFAULT_WEIGHTS,
  PairRoomBody,
  PeerProfile,
  ProposeBody,
  Weights,
  type ProfileResponse,
} from '../../../shared/schemas/matching';
import { requireUser, signedInUser } from '../auth/auth.middleware';
import { AppError } from '../http/errors';
import { parse } from '../http/validate';
import type { MatchingService } from './matching.service';

const IdParams = z.object({ id: z.string().uuid('matching.validation.id') }).strict();

/**
 * Who may do what. Staff pass every `requireUser` check, so routes that belong to a volunteer themself (their
 * profile, their proposals) say so explicitly: staff never read a profile except as suggestions.
 */
function volunteerSelf(req: Request): PublicUser {
  const user = signedInUser(req);
  if (user.role !== 'volunteer') {
    throw new AppError(403, 'FORBIDDEN', 'matching.error.volunteerOnly');
  }
  return user;
}

export function matchingRoutes(deps: { matching: MatchingService }): Router {
  const m = deps.matching;
  const router = Router();
  router.use(requireUser());

  // Members (and staff on someone's behalf) ask; nobody but staff reads a request afterwards.
  router.post('/requests', requireUser('member'), async (req, res) => {
    const body = parse(CreateRequestBody, req.body);
    res.status(201).json(await m.createRequest(signedInUser(req), body));
  });
  router.get('/requests/mine', requireUser('member'), async (req, res) => {
    res.json({ requests: await m.ownRequests(signedInUser(req)) });
  });

  router.get('/queue', requireUser('staff'), async (_req, res) => {
    res.json(await m.queue());
  });
  router.get('/requests/:id', requireUser('staff'), async (req, res) => {
    const { id } = parse(IdParams, req.params);
    res.json(await m.readRequest(signedInUser(req), id));
  });
  router.get('/requests/:id/suggestions', requireUser('staff'), async (req, res) => {
    const { id } = parse(IdParams, req.params);
    const weights = { ...DEFAULT_WEIGHTS, ...parse(Weights.partial(), req.query) };
    res.json(await m.suggestions(signedInUser(req), id, weights));
  });
  router.post('/requests/:id/proposals', requireUser('staff'), async (req, res) => {
    const { id } = parse(IdParams, req.params);
    const { volunteerId } = parse(ProposeBody, req.body);
    res.status(201).json(await m.propose(signedInUser(req), id, volunteerId));
  });
  router.post('/matches/:id/close', requireUser('staff'), async (req, res) => {
    const { id } = parse(IdParams, req.params);
    const { outcome } = parse(CloseBody, req.body);
    await m.close(signedInUser(req), id, outcome);
    res.json({ ok: true });
  });
  router.get('/stats', requireUser('staff'), async (_req, res) => {
    res.json(await m.stats());
  });

  router.get('/profile', async (req, res) => {
    const body: ProfileResponse = { profile: await m.ownProfile(volunteerSelf(req)) };
    res.json(body);
  });
  router.post('/profile', async (req, res) => {
    const user = volunteerSelf(req);
    const profile = parse(PeerProfile, req.body);
    const body: ProfileResponse = { profile: await m.saveProfile(user, profile) };
    res.json(body);
  });
  router.get('/matches/mine', async (req, res) => {
    res.json({ matches: await m.volunteerMatches(volunteerSelf(req)) });
  });
  router.post('/matches/:id/accept', async (req, res) => {
    const user = volunteerSelf(req);
    const { id } = parse(IdParams, req.params);
    await m.respond(user, id, true);
    res.json({ ok: true });
  });
  router.post('/matches/:id/decline', async (req, res) => {
    const user = volunteerSelf(req);
    const { id } = parse(IdParams, req.params);
    await m.respond(user, id, false);
    res.json({ ok: true });
  });

  router.post('/matches/:id/room', requireUser('member', 'volunteer'), async (req, res) => {
    const { id } = parse(IdParams, req.params);
    // Checked as before, but LiveKit never gets the name (the room shows "You" and the other person).
    parse(PairRoomBody, req.body);
    const room = await m.pairRoom(signedInUser(req), id);
    // It carries the room's media key: never kept by a cache.
    res.set('Cache-Control', 'private, no-store');
    res.json(room);
  });

  router.get('/notices', async (req, res) => {
    res.json({ notices: await m.notices(signedInUser(req)) });
  });

  return router;
}
