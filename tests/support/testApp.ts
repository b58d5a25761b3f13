import { createServer, type Server } from 'node:http';
import type { RedisClient } from '../../server/src/redis';
import type { SessionHostIds } from '../../server/src/live/hostPolicy';
import type { CommandLimiter } from '../../server/src/live/rateLimits';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/src/app';
import { fixedClock, systemClock, type Clock } from '../../server/src/clock';
import { loadConfig, type Config } from '../../server/src/config';
import { createMedia, type Media } from '../../server/src/livekit/media';
import { createLogger } from '../../server/src/log';
import { ensureWeeklyCircle } from '../../server/src/seed';
import { openDb, type Db } from '../../server/src/store/db';

export const TEST_SECRET = 'integration-test-secret-0123456789abcdef';
/** Circle media keys in tests come from this (tests that look for a key in Redis or the logs derive it too). */
export const TEST_E2EE_SECRET = 'integration-test-e2ee-secret-0123456789ab';

/** A Monday-circle instant inside the drop-in window: Mon 30 Nov 2026, 12:05 Alberta time (UTC−6 all year from 2026-11-01). */
export const IN_WINDOW = '2026-11-30T18:05:00Z';
/** Saturday 28 Nov 2026: the next circle opens on Monday. */
export const OUTSIDE_WINDOW = '2026-11-28T17:00:00Z';

/**
 * The app's clock in a test. A fixed instant is only for tests where nothing outside this Node process reads a
 * clock (HTTP and Socket.IO clients in the test, PGlite, Redis TTLs that are relative). Wherever a browser
 * (cookie expiry, `Date` in the page), livekit-server (JWT nbf/exp), a webhook's freshness or another process looks
 * at the real clock, use `'real'` and derive the dates the test needs from the real now (`openCircleNow`).
 */
export type TestNow = string | 'real';

/** A clock that a test can set; the real one refuses, loudly, to be moved. */
export type TestClock = Clock & { set(at: Date | string): void };

function testClock(now: TestNow): TestClock {
  if (now !== 'real') return fixedClock(now);
  return {
    now: systemClock.now,
    set() {
      throw new Error('This test app runs on the real clock: a browser or LiveKit reads the same one. Derive dates from now instead.');
    },
  };
}

export interface TestApp {
  url: string;
  db: Db;
  clock: TestClock;
  media: Media;
  services: ReturnType<typeof createApp>['services'];
  /** The Express app itself, for tests that read its routes. */
  express: ReturnType<typeof createApp>['app'];
  /** Lines the app logged, for checks that nothing sensitive reaches a log. */
  logLines: string[];
  /** The Socket.IO server, for tests that read what it serves (namespaces, listeners). */
  io: Awaited<ReturnType<ReturnType<typeof createApp>['attach']>>['io'];
  /** The live side (its jobs, for tests that run one when the clock has moved). */
  realtime: Awaited<ReturnType<ReturnType<typeof createApp>['attach']>>;
  close(): Promise<void>;
}

/** Builds the real app with the composition root and listens on a free loopback port. */
export async function startTestApp(opts: {
  db?: Db;
  env?: Record<string, string>;
  /** A fixed instant (IN_WINDOW by default), or 'real'. */
  now?: TestNow;
  media?: Media;
  clientDir?: string;
  redis?: RedisClient;
  hostIds?: SessionHostIds;
  commandLimiter?: CommandLimiter;
  /** PUBLIC_URL is the app's own loopback address (links in e-mails a browser then opens, e.g. unsubscribe links). */
  publicUrlIsSelf?: boolean;
} = {}): Promise<TestApp> {
  const server: Server = createServer();
  const listen = async () => {
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  };
  // Listening first, so the address is known before the config that names it.
  const self = opts.publicUrlIsSelf ? { PUBLIC_URL: `http://127.0.0.1:${await listen()}` } : {};
  const config: Config = loadConfig({ NODE_ENV: 'test', LIVEKIT_LOCAL: 'off', ...opts.env, ...self });
  const db = opts.db ?? (await openDb({ memory: true }));
  await ensureWeeklyCircle(db, config.program);
  const clock = testClock(opts.now ?? IN_WINDOW);
  const logLines: string[] = [];
  const media = opts.media ?? createMedia(null);
  const { app, attach, services } = createApp({
    config,
    db,
    clock,
    log: createLogger('debug', (l) => logLines.push(l)),
    media,
    secret: TEST_SECRET,
    e2eeSecret: TEST_E2EE_SECRET,
    clientDir: opts.clientDir,
    redis: opts.redis,
    hostIds: opts.hostIds,
    commandLimiter: opts.commandLimiter,
  });
  server.on('request', app);
  const realtime = await attach(server);
  const port = await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    clock,
    media,
    services,
    express: app,
    logLines,
    io: realtime.io,
    realtime,
    async close() {
      server.closeAllConnections();
      // Closing Socket.IO closes the HTTP server too.
      await realtime.close();
      if (!opts.db) await db.close();
    },
  };
}
