import type { Request, RequestHandler, Response } from 'express';
import { doubleCsrf } from 'csrf-csrf';
import { AppError } from '../http/errors';
import type { CookieNames } from './auth.middleware';

/**
 * Two layers against cross-site requests on every state-changing route: the Origin (when sent) must be ours,
 * and a double-submit token bound to the session cookie must come back in the X-CSRF-Token header.
 */
export function createCsrf(opts: { secret: string; names: CookieNames; secure: boolean; allowedOrigin: (req: Request) => string }) {
  const { generateCsrfToken, validateRequest } = doubleCsrf({
    getSecret: () => opts.secret,
    getSessionIdentifier: (req) => String(req.cookies?.[opts.names.session] ?? ''),
    cookieName: opts.names.csrf,
    cookieOptions: { sameSite: 'strict', path: '/', secure: opts.secure, httpOnly: true },
    getCsrfTokenFromRequest: (req) => req.headers['x-csrf-token'],
  });

  const protect: RequestHandler = (req, _res, next) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next();
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== opts.allowedOrigin(req)) {
      return next(new AppError(403, 'CSRF_REJECTED', 'auth.error.csrfOrigin'));
    }
    if (!validateRequest(req)) {
      return next(new AppError(403, 'CSRF_REJECTED', 'auth.error.csrfStale'));
    }
    next();
  };

  /** A token for the session the response is about to carry (pass the new session cookie after sign-in). */
  function tokenFor(req: Request, res: Response, sessionCookie?: string | null): string {
    if (sessionCookie !== undefined) {
      req.cookies = { ...req.cookies, [opts.names.session]: sessionCookie ?? undefined };
    }
    return generateCsrfToken(req, res, { overwrite: true });
  }

  return { protect, tokenFor };
}
