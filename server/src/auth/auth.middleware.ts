import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { PublicUser, Role } from '../../../shared/schemas/auth';
import { AppError } from '../http/errors';
import type { AuthService } from './auth.service';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by `loadUser` when the session cookie names a live session. */
    user?: PublicUser;
  }
}

export interface CookieNames {
  session: string;
  csrf: string;
}

export function cookieNames(secure: boolean): CookieNames {
  // __Host- cookies are bound to this exact origin over TLS; browsers refuse them without Secure.
  return secure ? { session: '__Host-rm_sid', csrf: '__Host-rm_csrf' } : { session: 'rm_sid', csrf: 'rm_csrf' };
}

export function loadUser(auth: AuthService, names: CookieNames): RequestHandler {
  return async (req, _res, next) => {
    try {
      const token: unknown = req.cookies?.[names.session];
      const user = await auth.userForSession(typeof token === 'string' ? token : undefined);
      if (user) req.user = user;
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** Who may call a route: any signed-in user, or only some roles. Staff pass every role check. */
export function requireUser(...roles: Role[]): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!req.user) return next(new AppError(401, 'UNAUTHENTICATED', 'Please sign in to continue.'));
    if (roles.length > 0 && req.user.role !== 'staff' && !roles.includes(req.user.role)) {
      return next(new AppError(403, 'FORBIDDEN', 'Your account cannot do this. Ask staff if you think it should.'));
    }
    next();
  };
}

export function signedInUser(req: Request): PublicUser {
  if (!req.user) throw new AppError(401, 'UNAUTHENTICATED', 'Please sign in to continue.');
  return req.user;
}
