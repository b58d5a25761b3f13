import { Router, type CookieOptions, type Request, type Response } from 'express';
import {
  AcceptInviteBody,
  CompletePasswordResetBody,
  CreateInviteBody,
  InviteRef,
  InviteToken,
  IssuePasswordResetBody,
  LoginBody,
  PasswordResetRequestBody,
  ResetToken,
  SetLocaleBody,
  type InviteResponse,
  type PasswordResetLink,
  type PasswordResetRequested,
  type PasswordResetStatus,
  type PendingInvitesResponse,
  type PendingPasswordResets,
  type PublicUser,
  type SessionResponse,
} from '../../../shared/schemas/auth';
import { parse } from '../http/validate';
import { LOCALE_COOKIE, type I18n } from '../i18n/i18n';
import type { Locale } from '../../../shared/i18n/locales';
import type { CookieNames } from './auth.middleware';
import { requireUser, signedInUser } from './auth.middleware';
import { AppError } from '../http/errors';
import { RESET_REQUESTED_MESSAGE, type AuthService, type SignedIn } from './auth.service';
import type { createCsrf } from './csrf';

export function authRoutes(deps: {
  auth: AuthService;
  csrf: ReturnType<typeof createCsrf>;
  names: CookieNames;
  secure: boolean;
  publicOrigin: (req: import('express').Request) => string;
  /** Called after a sign-out (or a password reset ended every session), so the person's open sockets close at once. */
  onSignedOut?: (userId: string) => void;
  /** Whether this person wears the red mug now (the one readiness rule). */
  redMug: (user: PublicUser) => Promise<boolean>;
  i18n: I18n;
  /** Keeps a signed-in person's choice of language on their account. */
  setAccountLocale: (userId: string, locale: Locale) => Promise<void>;
  /** After a choice of language: the person's open sockets speak it from now on (settled before the answer). */
  onLocaleChanged?: (userId: string, locale: Locale) => Promise<void> | void;
}): Router {
  const { auth, csrf, names, i18n } = deps;
  /** The session answer, in the language of the person it names (a sign-in may change it from the request's). */
  const sessionBody = async (req: Request, user: PublicUser | null, csrfToken: string): Promise<SessionResponse> => {
    const locale = user
      ? i18n.resolve({ account: user.locale, cookie: req.cookies?.[LOCALE_COOKIE], acceptLanguage: req.headers['accept-language'] })
      : req.locale;
    return { user, csrfToken, redMug: user ? await deps.redMug(user) : false, locale, program: i18n.publicProgram(locale) };
  };
  const router = Router();
  const cookie = (maxAgeMs?: number): CookieOptions => ({
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.secure,
    path: '/',
    ...(maxAgeMs !== undefined ? { maxAge: maxAgeMs } : {}),
  });
  // Max-Age, not an Expires date from our clock: the browser counts the lifetime on its own clock (RFC 6265 §5.3).
  const setSession = (res: Response, s: SignedIn) => res.cookie(names.session, s.sessionToken, cookie(s.lifetimeMs));

  router.get('/session', async (req, res) => {
    const body = await sessionBody(req, req.user ?? null, csrf.tokenFor(req, res));
    res.json(body);
  });

  router.post('/login', async (req, res) => {
    const { email, password } = parse(LoginBody, req.body);
    const signedIn = await auth.login(email, password, req.ip ?? 'unknown');
    setSession(res, signedIn);
    const body = await sessionBody(req, signedIn.user, csrf.tokenFor(req, res, signedIn.sessionToken));
    res.json(body);
  });

  // The language to read Red Mug in, from any page: on the account when signed in, and in a year-long cookie either
  // way (the sign-in page and the next visit signed out speak it too). Needs the CSRF token like every change.
  router.put('/locale', async (req, res) => {
    const { locale } = parse(SetLocaleBody, req.body);
    if (!i18n.offered.includes(locale)) {
      throw new AppError(400, 'VALIDATION_FAILED', { id: 'auth.locale.notOffered', values: { locale } });
    }
    res.cookie(LOCALE_COOKIE, locale, cookie(365 * 24 * 3600 * 1000));
    req.cookies = { ...req.cookies, [LOCALE_COOKIE]: locale };
    let user = req.user ?? null;
    if (user) {
      await deps.setAccountLocale(user.id, locale);
      user = { ...user, locale };
      await deps.onLocaleChanged?.(user.id, locale);
    }
    req.locale = locale;
    res.json(await sessionBody(req, user, csrf.tokenFor(req, res)));
  });

  router.post('/logout', async (req, res) => {
    await auth.logout(req.cookies?.[names.session]);
    if (req.user) deps.onSignedOut?.(req.user.id);
    res.clearCookie(names.session, cookie());
    const body = await sessionBody(req, null, csrf.tokenFor(req, res, null));
    res.json(body);
  });

  router.post('/invites', requireUser('staff'), async (req, res) => {
    const input = parse(CreateInviteBody, req.body);
    const { token, createdAt, expiresAt } = await auth.createInvite(input, signedInUser(req).id);
    const body: InviteResponse = {
      token,
      url: `${deps.publicOrigin(req)}/invite/${token}`,
      createdAt: createdAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
    };
    res.status(201).json(body);
  });

  router.get('/invites', requireUser('staff'), async (_req, res) => {
    const body: PendingInvitesResponse = { invites: await auth.pendingInvites() };
    res.json(body);
  });

  router.post('/invites/:id/revoke', requireUser('staff'), async (req, res) => {
    const { id } = parse(InviteRef, req.params);
    await auth.revokeInvite(id, signedInUser(req).id);
    res.json({ ok: true });
  });

  // Anyone with the link may ask (the token is the secret); the answer names no person.
  router.get('/invites/:token', async (req, res) => {
    const { token } = parse(InviteToken, req.params);
    res.set('Cache-Control', 'private, no-store');
    res.json(await auth.inviteStatus(token));
  });

  router.post('/accept-invite', async (req, res) => {
    const input = parse(AcceptInviteBody, req.body);
    const signedIn = await auth.acceptInvite(input);
    setSession(res, signedIn);
    const body = await sessionBody(req, signedIn.user, csrf.tokenFor(req, res, signedIn.sessionToken));
    res.status(201).json(body);
  });

  // "Forgot password?": one answer for every address (202 Accepted: something may happen, or not).
  router.post('/password-reset', async (req, res) => {
    const { email } = parse(PasswordResetRequestBody, req.body);
    await auth.requestPasswordReset(email, req.ip ?? 'unknown', deps.publicOrigin(req));
    const body: PasswordResetRequested = { message: i18n.t(req.locale)(RESET_REQUESTED_MESSAGE) };
    res.status(202).json(body);
  });

  // Anyone with the link may ask whether it still works (the token is the secret); the answer names nobody.
  router.get('/password-reset/:token', async (req, res) => {
    const { token } = parse(ResetToken, req.params);
    res.set('Cache-Control', 'private, no-store');
    const body: PasswordResetStatus = { usable: await auth.passwordResetUsable(token) };
    res.json(body);
  });

  router.post('/password-reset/complete', async (req, res) => {
    const input = parse(CompletePasswordResetBody, req.body);
    const userId = await auth.completePasswordReset(input);
    // Every session of the person ended with the reset, this browser's too: they sign in with the new password.
    deps.onSignedOut?.(userId);
    if (req.user && req.user.id !== userId) {
      // Someone else is signed in here (staff trying a link they made): their session is not the one that ended.
      const body = await sessionBody(req, req.user ?? null, csrf.tokenFor(req, res));
      return void res.json(body);
    }
    res.clearCookie(names.session, cookie());
    const body = await sessionBody(req, null, csrf.tokenFor(req, res, null));
    res.json(body);
  });

  router.get('/password-resets', requireUser('staff'), async (_req, res) => {
    const body: PendingPasswordResets = { requests: await auth.pendingPasswordResets() };
    res.json(body);
  });

  // Staff make a link to hand over themselves; it is shown once and never stored (only its hash is).
  router.post('/password-resets', requireUser('staff'), async (req, res) => {
    const { userId } = parse(IssuePasswordResetBody, req.body);
    const body: PasswordResetLink = await auth.issuePasswordResetLink(signedInUser(req), userId, deps.publicOrigin(req));
    res.set('Cache-Control', 'private, no-store');
    res.status(201).json(body);
  });

  return router;
}
