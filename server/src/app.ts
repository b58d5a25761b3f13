import { existsSync } from 'node:fs';
import path from 'node:path';
import cookieParser from 'cookie-parser';
import express, { type Request } from 'express';
import helmet from 'helmet';
import { cookieNames, loadUser } from './auth/auth.middleware';
import { authRoutes } from './auth/auth.routes';
import { createAuthService } from './auth/auth.service';
import { createCsrf } from './auth/csrf';
import { createLoginThrottle, type LoginThrottle } from './auth/loginThrottle';
import { circlesRoutes } from './circles/circles.routes';
import { createCirclesService } from './circles/circles.service';
import type { Clock } from './clock';
import type { Config } from './config';
import { healthRoutes } from './health/health.routes';
import { errorHandler, notFound } from './http/errors';
import { httpUrlOf, type Media } from './livekit/media';
import { webhookRoutes } from './livekit/webhook.routes';
import type { Logger } from './log';
import type { Db } from './store/db';
import { schedulingRoutes } from './scheduling/scheduling.routes';
import { createSchedulingService } from './scheduling/scheduling.service';
import { Router } from 'express';

export interface Components {
  config: Config;
  db: Db;
  clock: Clock;
  log: Logger;
  media: Media;
  /** Signs sessions and CSRF tokens and keys opaque identities; at least 32 characters. */
  secret: string;
  throttle?: LoginThrottle;
  /** Built client to serve; omitted in API-only tests. */
  clientDir?: string;
}

/** The composition root: everything the app does is built here from its dependencies. */
export function createApp(c: Components) {
  const { config } = c;
  const secure = config.publicUrl?.startsWith('https://') ?? false;
  const names = cookieNames(secure);
  const publicOrigin = (req: Request) => config.publicUrl ?? `${req.protocol}://${req.get('host')}`;
  const throttle = c.throttle ?? createLoginThrottle(config.login);
  const auth = createAuthService({
    db: c.db,
    clock: c.clock,
    throttle,
    sessionTtlHours: config.sessionTtlHours,
    inviteTtlDays: config.inviteTtlDays,
  });
  const circles = createCirclesService({
    db: c.db,
    clock: c.clock,
    media: c.media,
    window: config.dropIn,
    secret: c.secret,
    tokenTtlMinutes: config.livekitTokenTtlMinutes,
  });
  const scheduling = createSchedulingService({ db: c.db, clock: c.clock, window: config.dropIn });
  const csrf = createCsrf({ secret: c.secret, names, secure, allowedOrigin: publicOrigin });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'connect-src': ["'self'", (_req, _res) => livekitOrigins(c.media)],
          'img-src': ["'self'", 'data:', 'blob:'],
          'media-src': ["'self'", 'blob:'],
          'style-src': ["'self'", "'unsafe-inline'"],
          'upgrade-insecure-requests': secure ? [] : null,
        },
      },
      strictTransportSecurity: secure,
    }),
  );
  app.use(healthRoutes({ db: c.db, media: c.media }));
  // Webhooks carry their own signature and need the raw body: mounted before JSON parsing and CSRF.
  app.use('/api/livekit/webhook', webhookRoutes({ media: c.media, log: c.log }));

  const api = Router();
  api.use(express.json({ limit: '16kb' }));
  api.use(cookieParser());
  api.use(loadUser(auth, names));
  api.use(csrf.protect);
  api.use('/auth', authRoutes({ auth, csrf, names, secure, publicOrigin }));
  api.use('/circles', circlesRoutes({ circles, clock: c.clock }));
  api.use('/scheduling', schedulingRoutes({ scheduling, origin: publicOrigin }));
  api.get('/media/status', async (_req, res) => {
    res.json(await c.media.status());
  });
  api.use(notFound);
  app.use('/api', api);

  if (c.clientDir && existsSync(path.join(c.clientDir, 'index.html'))) {
    const dir = c.clientDir;
    app.use(express.static(dir, { index: false, maxAge: '1h' }));
    // Client-side routes: every other GET gets the app shell.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(dir, 'index.html')));
  }
  app.use(notFound);
  app.use(errorHandler(c.log));

  return { app, services: { auth, circles, scheduling } };
}

function livekitOrigins(media: Media): string {
  const conn = media.connection();
  if (!conn) return "'self'";
  const ws = new URL(conn.url);
  const http = new URL(httpUrlOf(conn.url));
  return `${ws.protocol}//${ws.host} ${http.protocol}//${http.host}`;
}
