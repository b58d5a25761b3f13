import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import cookieParser from 'cookie-parser';
import express, { Router, type Request } from 'express';
import type { Server as HttpServer } from 'node:http';
import helmet from 'helmet';
import { createCircleKeys } from './livekit/circleKeys';
import { cookieNames, loadUser } from './auth/auth.middleware';
import { authRoutes } from './auth/auth.routes';
import { createAuthService } from './auth/auth.service';
import { createAttendanceService } from './attendance/attendance.service';
import { headcountRoutes } from './attendance/headcount.routes';
import { createHeadcountService } from './attendance/headcount.service';
import { supportRequestsRepository } from './live/supportRequests.repository';
import { outcomesRoutes } from './reports/outcomes.routes';
import { createOutcomesService } from './reports/outcomes.service';
import { reportsRoutes } from './reports/reports.routes';
import { createReportsService } from './reports/reports.service';
import { createCsrf } from './auth/csrf';
import { createLoginThrottle, type LoginThrottle } from './auth/loginThrottle';
import { createResetLimiter } from './auth/resetLimiter';
import { record } from './audit/audit.repository';
import { circlesRoutes } from './circles/circles.routes';
import { createCirclesService } from './circles/circles.service';
import { createPledgeService } from './circles/pledge.service';
import type { Clock } from './clock';
import type { Config } from './config';
import { healthRoutes } from './health/health.routes';
import { helpRoutes } from './help/help.routes';
import { inboxRoutes } from './inbox/inbox.routes';
import { createInboxService } from './inbox/inbox.service';
import { errorHandler, notFound } from './http/errors';
import { createI18n, localeMiddleware } from './i18n/i18n';
import { crisisPanel } from './program/crisisText';
import { runProgram } from './program/program';
import { appShell } from './program/appShell';
import { usersRepository } from './auth/users.repository';
import { rateLimit, type MakeLimiter } from './http/rateLimit';
import { httpUrlOf, type Media } from './livekit/media';
import { webhookRoutes } from './livekit/webhook.routes';
import { createAdmission } from './live/admission';
import type { SessionHostIds } from './live/hostPolicy';
import { sessionHostIds } from './scheduling/sessionHostIds';
import { RUNNING_CLAIM_MS, type CommandDedupe } from './live/commandDedupe';
import { createMemoryCommandDedupe } from './live/commandDedupe.memory';
import { createRedisCommandDedupe } from './live/commandDedupe.redis';
import type { LiveState } from './live/liveState';
import { createMemoryLiveState } from './live/liveState.memory';
import { createRedisLiveState } from './live/liveState.redis';
import { createMediaModeration } from './live/mediaModeration';
import { createCommandLimiter, type CommandLimiter } from './live/rateLimits';
import { attachRealtime, RECOVERY_WINDOW_MS, type Realtime } from './live/realtime';
import type { Logger } from './log';
import { smtpMailer, type Mailer } from './mail/mailer';
import { matchingRoutes } from './matching/matching.routes';
import { redisLimiter, type RedisClient } from './redis';
import { peopleRoutes } from './people/people.routes';
import { createPeopleService } from './people/people.service';
import { readinessRoutes } from './people/readiness.routes';
import { createReadinessService } from './people/readiness.service';
import { createMatchingService } from './matching/matching.service';
import type { Db } from './store/db';
import { oneClickUnsubscribeRoute, remindersRoutes } from './reminders/reminders.routes';
import { createRemindersService } from './reminders/reminders.service';
import { schedulingRoutes } from './scheduling/scheduling.routes';
import { createSchedulingService } from './scheduling/scheduling.service';

export interface Components {
  config: Config;
  db: Db;
  clock: Clock;
  log: Logger;
  media: Media;
  /** Signs sessions and CSRF tokens and keys opaque identities; at least 32 characters. */
  secret: string;
  /** Circle media keys are derived from it (E2EE_SECRET); at least 32 characters, not `secret`. */
  e2eeSecret: string;
  throttle?: LoginThrottle;
  /** Per-user command budgets; Redis- or memory-backed by default. Tests that send thousands of commands pass their own. */
  commandLimiter?: CommandLimiter;
  /** Shared live state and the Socket.IO adapter go through Redis when given; one instance otherwise. */
  redis?: RedisClient;
  /** Socket.IO's adapter and the relay on a Redis of their own (without persistence); `redis` by default. */
  socketioRedis?: RedisClient;
  /** Who hosts a session; the schedule's roster by default. */
  hostIds?: SessionHostIds;
  /** Outgoing mail (match notices, password reset links); SMTP from config by default when set, else none. */
  mailer?: Mailer | null;
  /** Built client to serve; omitted in API-only tests. */
  clientDir?: string;
}

/** The composition root: everything the app does is built here from its dependencies. */
export function createApp(c: Components) {
  const { config } = c;
  const secure = config.publicUrl?.startsWith('https://') ?? false;
  const names = cookieNames(secure);
  const publicOrigin = (req: Request) => config.publicUrl ?? `${req.protocol}://${req.get('host')}`;
  // Login failures are counted in Redis when configured, so every instance sees the same count.
  const redis = c.redis;
  const throttle =
    c.throttle ??
    createLoginThrottle({
      ...config.login,
      // Counted under keyed hashes of the email and the address, so Redis keys name nobody.
      secret: c.secret,
      // While Redis is unreachable each instance counts in memory rather than failing sign-in.
      make: redis
        ? (o) => redisLimiter(redis, { ...o, keyPrefix: `rm:${o.keyPrefix}` })
        : undefined,
    });
  // One program per process: its holidays under every planned session, its words in every message.
  runProgram(config.program);
  const i18n = createI18n(config.program);
  const mailer = c.mailer !== undefined ? c.mailer : config.mail ? smtpMailer(config.mail) : null;
  const auth = createAuthService({
    db: c.db,
    clock: c.clock,
    throttle,
    sessionTtlHours: config.sessionTtlHours,
    sessionMaxDays: config.sessionMaxDays,
    inviteTtlDays: config.inviteTtlDays,
    resetTtlMinutes: config.passwordResetTtlMinutes,
    // Shared through Redis like the sign-in throttle, under keyed hashes of the email and the address.
    resetLimiter: createResetLimiter({
      secret: c.secret,
      make: redis ? (o) => redisLimiter(redis, { ...o, keyPrefix: `rm:${o.keyPrefix}` }) : undefined,
    }),
    mailer,
    log: c.log,
    i18n,
  });
  const live: LiveState = c.redis ? createRedisLiveState(c.redis, c.secret) : createMemoryLiveState();
  // A retry after a lost ack may reconnect to another instance, so applied commands are remembered where live state is.
  const dedupeTimes = { runningMs: RUNNING_CLAIM_MS, keepMs: RECOVERY_WINDOW_MS };
  const dedupe: CommandDedupe = c.redis ? createRedisCommandDedupe(c.redis, dedupeTimes) : createMemoryCommandDedupe(dedupeTimes);
  const hostIds = c.hostIds ?? ((sessionId: string) => sessionHostIds(c.db, sessionId));
  const moderation = createMediaModeration(c.media, c.secret);
  const attendance = createAttendanceService({
    db: c.db,
    clock: c.clock,
    log: c.log,
    media: c.media,
    secret: c.secret,
    retentionDays: config.attendance.retentionDays,
    smallCellThreshold: config.attendance.smallCellThreshold,
  });
  // The program's zone: readiness dates, report years and "today" count by its calendar.
  const zone = config.program.weeklyCircle.zone;
  const headcounts = createHeadcountService({ db: c.db, clock: c.clock, window: config.dropIn, hostIds, zone });
  const reports = createReportsService({ db: c.db, attendance, headcounts, threshold: config.attendance.smallCellThreshold, window: config.dropIn, i18n });
  const outcomes = createOutcomesService({
    db: c.db,
    clock: c.clock,
    attendance,
    threshold: config.matching.smallCellThreshold,
    circleThreshold: config.attendance.smallCellThreshold,
    matchesBeforePlatform: config.matching.matchesBeforePlatform,
    zone,
    i18n,
  });
  const pledges = createPledgeService({ db: c.db, clock: c.clock });
  const circleKeys = createCircleKeys(c.e2eeSecret);
  const admission = createAdmission({
    db: c.db,
    clock: c.clock,
    window: config.dropIn,
    live,
    hostIds,
    media: c.media,
    secret: c.secret,
    tokenTtlMinutes: config.livekitTokenTtlMinutes,
    pledged: pledges.holds,
  });
  const circles = createCirclesService({
    db: c.db,
    clock: c.clock,
    window: config.dropIn,
    admission,
    pledges,
    issueTicket: (user, sessionId, identity, room, topic) => attendance.issueTicket(user, sessionId, identity, room, topic),
  });
  const matching = createMatchingService({
    db: c.db,
    clock: c.clock,
    log: c.log,
    ...config.matching,
    mailer,
    publicUrl: config.publicUrl,
    admission,
    mediaKeys: circleKeys,
    i18n,
  });
  const reminders = createRemindersService({
    db: c.db,
    clock: c.clock,
    log: c.log,
    mailer,
    publicUrl: config.publicUrl,
    secret: c.secret,
    window: config.dropIn,
    hour: config.reminderHour,
    threshold: config.attendance.smallCellThreshold,
    i18n,
  });
  const scheduling = createSchedulingService({
    db: c.db,
    clock: c.clock,
    window: config.dropIn,
    i18n,
    doors: admission.doors,
    onEvent: (e) => reminders.onScheduleEvent(e),
  });
  const readiness = createReadinessService({ db: c.db, clock: c.clock, zone });
  const people = createPeopleService({ db: c.db, clock: c.clock, unlockSignIn: (email) => throttle.unlock(email) });
  const inbox = createInboxService({
    contactRequests: () => supportRequestsRepository(c.db).open(),
    peerRequests: async () => (await matching.queue()).requests,
  });
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
          // WebAssembly may be compiled, never script from strings: the background blur's segmentation runs as
          // WebAssembly that we serve ourselves (client/blurAssets.ts).
          'script-src': ["'self'", "'wasm-unsafe-eval'"],
          // The end-to-end encryption and background blur workers are served by us; nothing else runs as one.
          'worker-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'upgrade-insecure-requests': secure ? [] : null,
        },
      },
      // HSTS comes from here alone (behind TLS: PUBLIC_URL https), whatever proxy terminates TLS; the deploy nginx
      // does not add its own (infra/deploy/nginx.conf), so a response carries one header, not two.
      strictTransportSecurity: secure,
    }),
  );
  app.use(healthRoutes({ db: c.db, media: c.media, log: c.log, redisPing: c.redis ? async () => void (await c.redis!.ping()) : undefined }));
  // Every API answer is someone's own (or a secret feed's): no browser, proxy or CDN may keep a copy. Routes that
  // need more say so themselves (calendar feeds: `private, no-store`); static assets below keep their caching.
  app.use('/api', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  // Webhooks carry their own signature and need the raw body: mounted before JSON parsing and CSRF.
  app.use(
    '/api/livekit/webhook',
    webhookRoutes({
      media: c.media,
      log: c.log,
      firstDelivery: (id) => attendance.firstDelivery(id),
      forgetDelivery: (id) => attendance.forgetDelivery(id),
      // A removed person's old token still opens the room until it expires; LiveKit tells us, and we show them out.
      async onEvent(event) {
        // Counting must never stop the show-out below; a failure is thrown after it, so LiveKit sends it again.
        let failed: unknown = null;
        await attendance.onWebhook(event).catch((err: unknown) => {
          failed = err;
          c.log.warn('attendance.webhook_failed', { event: event.event });
        });
        const room = event.room?.name;
        const identity = event.participant?.identity;
        if (event.event === 'participant_joined' && room && identity) {
          // An ended circle stays ended: whoever reaches its room again (an old token) finds it deleted again.
          const ended = await admission.endedRoom(room);
          if (ended) await moderation.endRoom(ended);
          const removedFrom = ended ? null : await admission.removedFromRoom(room, identity);
          if (removedFrom) await moderation.remove(removedFrom, identity);
        }
        // Someone came into or left the media room: the circle's list (which shows who is in LiveKit without the
        // live circle) is sent again.
        if ((event.event === 'participant_joined' || event.event === 'participant_left') && room) {
          const sessionId = await admission.sessionOfRoom(room);
          if (sessionId) {
            moderation.forgetRoomParticipants(sessionId);
            await realtime?.announceParticipants(sessionId);
          }
        }
        if (failed) throw failed;
      },
    }),
  );

  // RFC 8058 one-click unsubscribe: a mail client's POST with no cookie or CSRF token, so outside /api and its CSRF
  // check; the signed token in the URL is the credential (reminders.routes.ts).
  const limiterIn: MakeLimiter | undefined = redis ? (o) => redisLimiter(redis, { ...o, keyPrefix: `rm:${o.keyPrefix}` }) : undefined;
  const unsubscribes = rateLimit({ name: 'unsubscribe', points: 60, duration: 600, what: 'unsubscribe requests', secret: c.secret, make: limiterIn });
  app.use(oneClickUnsubscribeRoute({ reminders, limit: unsubscribes, i18n }));

  const api = Router();
  api.use(express.json({ limit: '16kb' }));
  api.use(cookieParser());
  api.use(loadUser(auth, names));
  api.use(localeMiddleware(i18n));
  api.use(csrf.protect);
  // Rate limits beyond sign-in, per account (or address) under keyed hashes, shared through Redis when there is one
  // (limiterIn, above).
  const feeds = rateLimit({ name: 'feeds', points: 300, duration: 600, what: 'calendar requests', secret: c.secret, make: limiterIn });
  api.get('/scheduling/feeds/:file', feeds);
  api.get('/scheduling/series/:seriesId/feed.ics', feeds);
  api.post('/matching/requests', rateLimit({ name: 'peer_requests', points: 10, duration: 24 * 3600, counts: 'done', what: 'requests for a peer', secret: c.secret, make: limiterIn }));
  api.post('/auth/invites', rateLimit({ name: 'invites', points: 100, duration: 3600, counts: 'done', what: 'invites', secret: c.secret, make: limiterIn }));
  api.use(
    '/auth',
    authRoutes({
      auth,
      csrf,
      names,
      secure,
      publicOrigin,
      onSignedOut: (id) => realtime?.disconnectUser(id),
      redMug: async (u) => u.role === 'volunteer' && (await admission.isCurrentVolunteer(u.id)),
      i18n,
      setAccountLocale: (id, locale) => usersRepository(c.db).setLocale(id, locale),
      onLocaleChanged: (id, locale) => realtime?.setLocale(id, locale),
    }),
  );
  api.use('/circles', circlesRoutes({ circles, clock: c.clock }));
  api.use('/help', helpRoutes({ i18n }));
  api.use(
    '/inbox',
    inboxRoutes({
      inbox,
      onRead: (staffId) => record(c.db, { actorId: staffId, action: 'support.list', targetType: 'contact_requests', targetId: 'open', at: c.clock.now() }),
    }),
  );
  api.use('/matching', matchingRoutes({ matching }));
  api.use(
    '/people',
    readinessRoutes({
      readiness,
      // A lapse takes the red mug off at once in every circle they are in (lists and LiveKit's badge attribute).
      onChanged: async (id) => void (await realtime?.readinessChanged(id)),
    }),
  );
  api.use(
    '/people',
    peopleRoutes({
      people,
      onRoleChanged: (id) => realtime?.disconnectUser(id),
      // Out at once: sockets closed, and out of every circle room LiveKit has, with or without a socket there.
      async onDisabled(id) {
        await realtime?.removeUser(id);
        await moderation.removeAccountEverywhere(id, (room) => admission.sessionOfRoom(room));
      },
    }),
  );
  api.use('/reports/outcomes', outcomesRoutes({ outcomes }));
  api.use('/headcounts', headcountRoutes({ headcounts }));
  api.use('/reports', reportsRoutes({ reports, outcomes }));
  api.use('/reminders', remindersRoutes({ reminders }));
  api.use('/scheduling', schedulingRoutes({ scheduling, origin: publicOrigin, i18n }));
  api.get('/media/status', async (_req, res) => {
    res.json(await c.media.status());
  });
  api.use(notFound);
  app.use('/api', api);

  if (c.clientDir && existsSync(path.join(c.clientDir, 'index.html'))) {
    const dir = c.clientDir;
    app.use(express.static(dir, { index: false, maxAge: '1h' }));
    // Client-side routes: every other GET gets the app shell, in the reader's language and the program's name.
    const shell = appShell(readFileSync(path.join(dir, 'index.html'), 'utf8'), i18n);
    app.get(/^\/(?!api\/).*/, (req, res) => {
      res.set({ 'Cache-Control': 'no-cache', Vary: 'Accept-Language, Cookie', 'Content-Language': shell.localeOf(req) });
      res.type('html').send(shell.html(shell.localeOf(req)));
    });
  }
  app.use(notFound);
  app.use(errorHandler(c.log, i18n));

  let realtime: Realtime | undefined;
  const attach = async (httpServer: HttpServer): Promise<Realtime> =>
    (realtime = await attachRealtime(httpServer, {
      auth,
      recheckMs: config.sessionRecheckSeconds * 1000,
      sessionCookie: names.session,
      allowedOrigin: (host, tls) => config.publicUrl ?? `${tls ? 'https' : 'http'}://${host}`,
      redis: c.redis,
      bus: c.socketioRedis,
      deps: {
        db: c.db,
        clock: c.clock,
        log: c.log,
        admission,
        live,
        dedupe,
        moderation,
        limiter: c.commandLimiter ?? createCommandLimiter(c.secret, c.redis),
        secret: c.secret,
        circleKeys,
        crisisText: crisisPanel(i18n),
        i18n,
        hostGraceMinutes: config.hostGraceMinutes,
      },
    }));

  // Support requests are forgotten once handled, or after SUPPORT_REQUEST_MAX_DAYS at most (issue #15).
  const support = { applyRetention: () => supportRequestsRepository(c.db).expire(c.clock.now()) };

  return { app, attach, services: { auth, circles, live, matching, scheduling, attendance, headcounts, reports, outcomes, people, readiness, support, reminders } };
}


function livekitOrigins(media: Media): string {
  const conn = media.connection();
  if (!conn) return "'self'";
  const ws = new URL(conn.url);
  const http = new URL(httpUrlOf(conn.url));
  return `${ws.protocol}//${ws.host} ${http.protocol}//${http.host}`;
}
