import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { isParticipantRole, type PublicUser, type Role } from '../../../shared/schemas/auth';
import { AppError } from '../http/errors';
import type { AuthService } from './auth.service';
import { AUDITOR_REFUSAL } from './roles';

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

/**
 * Who may call a route: with no roles, anyone who takes part (members, volunteers, staff); otherwise only the roles
 * named. Staff pass every role check. Auditors pass only where `'auditor'` is named: everything else is closed to
 * them by default, so a new route never opens to them by accident.
 */
export function requireUser(...roles: Role[]): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!req.user) return next(new AppError(401, 'UNAUTHENTICATED', 'auth.error.signInFirst'));
    if (!roleAllowed(req.user.role, roles)) {
      const message = req.user.role === 'auditor' ? AUDITOR_REFUSAL : 'auth.error.notAllowed';
      return next(new AppError(403, 'FORBIDDEN', message));
    }
    next();
  };
}

function roleAllowed(role: Role, roles: Role[]): boolean {
  if (role === 'staff') return true;
  return roles.length === 0 ? isParticipantRole(role) : roles.includes(role);
}

export function signedInUser(req: Request): PublicUser {
  if (!req.user) throw new AppError(401, 'UNAUTHENTICATED', 'auth.error.signInFirst');
  return req.user;
}
