import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import {
  HostsBody,
  LibraryTopicBody,
  PopupInput,
  SeriesInput,
  SeriesUpdate,
  SessionChange,
  SessionsQuery,
  TopicBody,
  TopicsBody,
} from '../../../shared/schemas/scheduling';
import { Locale } from '../../../shared/i18n/locales';
import { requireUser, signedInUser } from '../auth/auth.middleware';
import { AppError } from '../http/errors';
import { parse } from '../http/validate';
import type { I18n } from '../i18n/i18n';
import type { SchedulingService } from './scheduling.service';

const SessionParams = z.object({ sessionId: z.string().min(1).max(80) }).strict();
const SeriesParams = z.object({ seriesId: z.string().min(1).max(40) }).strict();
const IdParams = z.object({ id: z.string().uuid() }).strict();
const FeedParams = z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) }).strict();
/** A feed's language asked for in its URL (`?lang=fr-CA`); calendar apps may add other parameters of their own. */
const FeedQuery = z.object({ lang: Locale.optional() });

/**
 * The language a feed's URL asks for, if any: one the program offers, else a 400. Its words (feed namespace) are
 * then in that language whoever fetches it. Without one, a series feed speaks the request's language (account,
 * cookie, Accept-Language: what a browser downloading it says), a personal feed its owner's (a calendar app
 * polling it says nothing about the person), the service decides.
 */
function feedLang(i18n: I18n, req: Request): Locale | undefined {
  const { lang } = parse(FeedQuery, req.query);
  if (lang && !i18n.offered.includes(lang)) {
    throw new AppError(400, 'VALIDATION_FAILED', { id: 'feed.error.langNotOffered', values: { lang } });
  }
  return lang;
}

function sendCalendar(res: Response, body: string, filename?: string): void {
  res.set('Content-Type', 'text/calendar; charset=utf-8');
  res.set('Cache-Control', 'private, no-store');
  if (filename) res.set('Content-Disposition', `attachment; filename="${filename}"`);
  res.send(body);
}

/**
 * A subscribed feed, answered with a strong ETag: a calendar app that already has this version gets 304 and no
 * body. Built afresh each time (a revoked secret or a paused series stops at once); what is costly in it, the
 * zone's rules over ten years, is built once per zone and span (calendarFeed.ts).
 */
function sendFeed(req: Request, res: Response, body: string): void {
  const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
  res.set('Content-Type', 'text/calendar; charset=utf-8');
  // Stored by the calendar app, asked again each time: an unchanged feed costs a 304.
  res.set('Cache-Control', 'private, no-cache');
  res.set('ETag', etag);
  // Its words follow the asker's language when the URL names none (feedLang).
  res.set('Vary', 'Accept-Language, Cookie');
  if (req.get('if-none-match') === etag) {
    res.status(304).end();
    return;
  }
  res.send(body);
}

/**
 * Schedules: staff change them; members read what they may attend; volunteers see and decline their own
 * assignments. Feeds: a series feed by its public URL, a personal feed only by its secret URL (no cookie).
 */
export function schedulingRoutes(deps: { scheduling: SchedulingService; origin: (req: Request) => string; i18n: I18n }): Router {
  const router = Router();
  const s = deps.scheduling;
  const staff = requireUser('staff');

  // Reachable without a cookie: the secret in the URL is the credential; only its hash is stored.
  router.get('/feeds/:file', async (req, res) => {
    const { file } = parse(FeedParams, req.params);
    sendFeed(req, res, await s.personalFeed(file.slice(0, -'.ics'.length), deps.origin(req), feedLang(deps.i18n, req)));
  });
  router.get('/series/:seriesId/feed.ics', async (req, res) => {
    const { seriesId } = parse(SeriesParams, req.params);
    sendFeed(req, res, await s.seriesFeed(seriesId, deps.origin(req), feedLang(deps.i18n, req) ?? req.locale));
  });

  router.use(requireUser());

  router.get('/sessions', async (req, res) => {
    const q = parse(SessionsQuery, req.query);
    res.json({ sessions: await s.listSessions(signedInUser(req), q) });
  });
  router.get('/sessions/:sessionId/calendar.ics', async (req, res) => {
    const { sessionId } = parse(SessionParams, req.params);
    sendCalendar(res, await s.sessionIcs(signedInUser(req), sessionId, deps.origin(req), feedLang(deps.i18n, req) ?? req.locale), `${sessionId}.ics`);
  });
  router.get('/series', async (req, res) => {
    res.json({ series: await s.listSeries(signedInUser(req)) });
  });
  router.get('/assignments', requireUser('volunteer'), async (req, res) => {
    res.json({ assignments: await s.assignments(signedInUser(req)) });
  });
  router.post('/sessions/:sessionId/decline', requireUser('volunteer'), async (req, res) => {
    const { sessionId } = parse(SessionParams, req.params);
    await s.decline(signedInUser(req), sessionId);
    res.json({ assignments: await s.assignments(signedInUser(req)) });
  });
  router.get('/feed', async (req, res) => {
    res.json({ active: await s.hasFeedToken(signedInUser(req)) });
  });
  router.post('/feed/rotate', async (req, res) => {
    const token = await s.rotateFeedToken(signedInUser(req));
    res.json({ url: `${deps.origin(req)}/api/scheduling/feeds/${token}.ics` });
  });
  router.post('/feed/revoke', async (req, res) => {
    await s.revokeFeedToken(signedInUser(req));
    res.json({ active: false });
  });

  // Staff only from here.
  router.post('/series', staff, async (req, res) => {
    res.status(201).json(await s.createSeries(signedInUser(req), parse(SeriesInput, req.body)));
  });
  router.post('/series/:seriesId', staff, async (req, res) => {
    const { seriesId } = parse(SeriesParams, req.params);
    res.json(await s.updateSeries(signedInUser(req), seriesId, parse(SeriesUpdate, req.body)));
  });
  router.post('/series/:seriesId/topics', staff, async (req, res) => {
    const { seriesId } = parse(SeriesParams, req.params);
    const { topics, from } = parse(TopicsBody, req.body);
    res.json({ sessions: await s.pasteTopics(signedInUser(req), seriesId, topics, from) });
  });
  router.post('/popups', staff, async (req, res) => {
    res.status(201).json(await s.createPopup(signedInUser(req), parse(PopupInput, req.body)));
  });
  router.post('/sessions/:sessionId/topic', staff, async (req, res) => {
    const { sessionId } = parse(SessionParams, req.params);
    res.json(await s.setTopic(signedInUser(req), sessionId, parse(TopicBody, req.body).topic));
  });
  router.post('/sessions/:sessionId/hosts', staff, async (req, res) => {
    const { sessionId } = parse(SessionParams, req.params);
    const { hostId, backupId } = parse(HostsBody, req.body);
    res.json(await s.setHosts(signedInUser(req), sessionId, hostId, backupId));
  });
  router.post('/sessions/:sessionId/change', staff, async (req, res) => {
    const { sessionId } = parse(SessionParams, req.params);
    res.json(await s.changeSession(signedInUser(req), sessionId, parse(SessionChange, req.body)));
  });
  router.get('/volunteers', staff, async (_req, res) => {
    res.json({ volunteers: await s.volunteers() });
  });
  router.get('/topics', staff, async (_req, res) => {
    res.json({ topics: await s.library() });
  });
  router.post('/topics', staff, async (req, res) => {
    await s.addToLibrary(signedInUser(req), parse(LibraryTopicBody, req.body).topic);
    res.status(201).json({ topics: await s.library() });
  });
  router.post('/topics/:id/delete', staff, async (req, res) => {
    await s.removeFromLibrary(parse(IdParams, req.params).id, signedInUser(req));
    res.json({ topics: await s.library() });
  });

  return router;
}
