import express, { Router, type RequestHandler } from 'express';
import { parse as parseCookies } from 'cookie';
import { z } from 'zod';
import { OneClickBody, ReminderChoiceBody, ReminderListParams, type UnsubscribeResult } from '../../../shared/schemas/reminders';
import { requireUser, signedInUser } from '../auth/auth.middleware';
import { AppError } from '../http/errors';
import { parse } from '../http/validate';
import { LOCALE_COOKIE, withLocale, type I18n } from '../i18n/i18n';
import type { RemindersService } from './reminders.service';

/** /api/reminders: each person's own choices (never anyone else's), and the staff count of each list. */
export function remindersRoutes(deps: { reminders: RemindersService }): Router {
  const router = Router();
  const participant = requireUser(); // everyone who takes part; auditors get no reminders
  router.get('/', participant, async (req, res) => {
    res.json(await deps.reminders.settings(signedInUser(req)));
  });
  router.get('/counts', requireUser('staff'), async (_req, res) => {
    res.json(await deps.reminders.counts());
  });
  router.post('/:list', participant, async (req, res) => {
    const { list } = parse(ReminderListParams, req.params);
    const { subscribed } = parse(ReminderChoiceBody, req.body);
    res.json(await deps.reminders.choose(signedInUser(req), list, subscribed));
  });
  return router;
}

const TokenParams = z.object({ token: z.string().max(200) }).strict();

/**
 * POST /unsubscribe/:token — RFC 8058 one-click unsubscribe, the URL in every reminder's List-Unsubscribe header.
 * Mail clients POST `List-Unsubscribe=One-Click` with no cookie and no CSRF token, so this one route lives outside
 * /api and its CSRF check: the signed token in the path is its only credential, and all it can do is take that one
 * person off that one list. A GET of the same URL is the web page with a button (mail scanners prefetch links, so a
 * GET never unsubscribes).
 */
export function oneClickUnsubscribeRoute(deps: { reminders: RemindersService; limit: RequestHandler; i18n?: I18n }): Router {
  const router = Router();
  // Outside /api, so its locale is picked here: the page's (the signed-out choice in its cookie, else the browser's).
  // A mail program sends neither and gets the program's default.
  const locale: RequestHandler = (req, _res, next) => {
    if (!deps.i18n) return next();
    const cookies = parseCookies(req.headers.cookie ?? '');
    req.locale = deps.i18n.resolve({ cookie: cookies[LOCALE_COOKIE], acceptLanguage: req.headers['accept-language'] });
    withLocale(req.locale, next);
  };
  router.post('/unsubscribe/:token', deps.limit, locale, express.urlencoded({ extended: false, limit: '1kb' }), async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const { token } = parse(TokenParams, req.params);
    if (!req.is('application/x-www-form-urlencoded')) {
      throw new AppError(400, 'VALIDATION_FAILED', 'reminders.error.formBody');
    }
    parse(OneClickBody, req.body);
    const list = await deps.reminders.unsubscribe(token);
    const body: UnsubscribeResult = { list, unsubscribed: true };
    res.json(body);
  });
  return router;
}
