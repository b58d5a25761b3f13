import { Router, type CookieOptions, type Response } from 'express';
import { AcceptInviteBody, CreateInviteBody, InviteToken, LoginBody, type InviteResponse, type SessionResponse } from '../../../shared/schemas/auth';
import { parse } from '../http/validate';
import type { CookieNames } from './auth.middleware';
import { requireUser, signedInUser } from './auth.middleware';
import type { AuthService, SignedIn } from './auth.service';
import type { createCsrf } from './csrf';

export function authRoutes(deps: {
  auth: AuthService;
  csrf: ReturnType<typeof createCsrf>;
  names: CookieNames;
  secure: boolean;
  publicOrigin: (req: import('express').Request) => string;
  /** Called after a sign-out, so the person's open sockets can be closed at once. */
  onSignedOut?: (userId: string) => void;
}): Router {
  const { auth, csrf, names } = deps;
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

  router.get('/session', (req, res) => {
    const body: SessionResponse = { user: req.user ?? null, csrfToken: csrf.tokenFor(req, res) };
    res.json(body);
  });

  router.post('/login', async (req, res) => {
    const { email, password } = parse(LoginBody, req.body);
    const signedIn = await auth.login(email, password, req.ip ?? 'unknown');
    setSession(res, signedIn);
    const body: SessionResponse = { user: signedIn.user, csrfToken: csrf.tokenFor(req, res, signedIn.sessionToken) };
    res.json(body);
  });

  router.post('/logout', async (req, res) => {
    await auth.logout(req.cookies?.[names.session]);
    if (req.user) deps.onSignedOut?.(req.user.id);
    res.clearCookie(names.session, cookie());
    const body: SessionResponse = { user: null, csrfToken: csrf.tokenFor(req, res, null) };
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
    const body: SessionResponse = { user: signedIn.user, csrfToken: csrf.tokenFor(req, res, signedIn.sessionToken) };
    res.status(201).json(body);
  });

  return router;
}
