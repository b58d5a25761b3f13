import { createServer } from 'node:http';
import path from 'node:path';
import { runAdminCommand } from './admin/admin.commands';
import { serveAdminCommands, type AdminSocket } from './admin/admin.socket';
import { createApp } from './app';
import { APP_ROOT } from './appRoot';
import { systemClock } from './clock';
import { ConfigError, loadConfig } from './config';
import { findLivekitBinary, startLocalLivekit, type LocalLivekit } from './livekit/localLivekit';
import { createMedia } from './livekit/media';
import { createLogger } from './log';
import { closeRedis, connectRedis } from './redis';
import { startJobs } from './jobs';
import { zonesWithFacts } from './scheduling/zoneData';
import { resolveAppSecret, resolveE2eeSecret } from './secrets';
import { ensureWeeklyCircle, seedDemoAccounts, seedDemoHosts, seedDemoMatchHistory, seedDemoReadiness, seedDemoTopics } from './seed';
import { configuredStore, openDb, type Db } from './store/db';
import { describeHolder, StoreLockedError } from './store/storeLock';

/** Wires the real dependencies and listens. Everything else is built in app.ts. */
export async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  if (!zonesWithFacts().has(config.program.weeklyCircle.zone)) {
    // Only zones with facts written out (scheduling/zoneData.ts) are checked against the runtime's zone data.
    log.info('zone_data.unchecked', { zone: config.program.weeklyCircle.zone });
  }
  const secret = resolveAppSecret(config);
  let db: Db;
  try {
    db = await openDb(configuredStore(config, 'app'));
  } catch (err) {
    if (!(err instanceof StoreLockedError)) throw err;
    process.stderr.write(`${lockedOut(err)}\n`);
    process.exit(1);
  }
  log.info('store.ready', { engine: db.engine });
  await ensureWeeklyCircle(db, config.program);

  const media = createMedia(config.livekit.mode === 'external' ? config.livekit : null);
  // Several instances share live state and broadcasts through Redis; without it, one instance keeps them in memory.
  // Start-up waits for Redis (reporting each failed attempt) rather than running without the shared state.
  const redis = config.redisUrl ? await connectRedis(config.redisUrl, (err) => log.warn('redis.error', { error: err.message })) : undefined;
  // Socket.IO's traffic may have a Redis of its own that keeps nothing on disk (infra/deploy, SECURITY.md).
  const socketioRedis = config.socketioRedisUrl
    ? await connectRedis(config.socketioRedisUrl, (err) => log.warn('redis.error', { error: err.message, which: 'socketio' }))
    : undefined;
  const { app, attach, services } = createApp({
    config,
    db,
    clock: systemClock,
    log,
    media,
    secret,
    e2eeSecret: resolveE2eeSecret(config),
    redis,
    socketioRedis,
    clientDir: path.join(APP_ROOT, 'client/dist'),
  });

  if (config.seedDemo) {
    await seedDemoTopics(db, systemClock, config.program);
    const demo = await seedDemoAccounts(services.auth);
    await seedDemoReadiness(services.readiness, demo, systemClock);
    await seedDemoHosts(services.scheduling, demo, systemClock, config.program);
    await seedDemoMatchHistory(db, systemClock);
    if (demo.length > 0) {
      process.stdout.write('\nDEMO ACCOUNTS (development only; shown once):\n');
      for (const a of demo) process.stdout.write(`  ${a.role.padEnd(9)} ${a.email.padEnd(28)} ${a.password}\n`);
      process.stdout.write('\n');
    }
  }

  const jobs = startJobs(
    [
      // Reconcile missed webhooks, fold raw attendance into daily aggregates and delete it after retention.
      { name: 'attendance', everyMs: 15 * 60_000, run: async () => (await services.attendance.reconcile(), await services.attendance.applyRetention()) },
      // Anonymise closed matches past their retention period.
      { name: 'matching.retention', everyMs: 60 * 60_000, run: () => services.matching.applyRetention() },
      // Forget support requests left open for 30 days (handled ones are deleted when handled).
      { name: 'support.retention', everyMs: 60 * 60_000, run: () => services.support.applyRetention() },
      // Forget used and expired password reset links, and reset requests staff never served.
      { name: 'auth.reset_retention', everyMs: 60 * 60_000, run: () => services.auth.applyResetRetention() },
      // Opt-in reminder e-mails that are due (morning, day before) and notices to try again; one instance at a time
      // (a job lease in the store), each message claimed once.
      { name: 'reminders', everyMs: 5 * 60_000, run: () => services.reminders.runOnce() },
    ],
    log,
  );
  const server = createServer(app);
  const realtime = await attach(server);
  // A volunteer whose training or undertaking lapses by the calendar loses the red mug in the circle they are in.
  const liveJobs = startJobs([realtime.readinessJob()], log);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const addr = server.address();
  const port = addr && typeof addr === 'object' ? addr.port : config.port;
  const origin = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  log.info('http.listening', { url: origin });
  // On the embedded store `npm run admin` cannot open the store beside us, so it asks us to run its command.
  let admin: AdminSocket | null = null;
  if (db.engine === 'pglite') {
    try {
      admin = await serveAdminCommands(config.dataDir, (argv) => runAdminCommand(argv, { db, config, clock: systemClock, origin }), log);
    } catch (err) {
      // The app still serves; `npm run admin` then refuses, saying to use the People page or stop the app.
      log.warn('admin.socket_unavailable', { error: err instanceof Error ? err.message : String(err) });
    }
  }
  process.stdout.write(`Red Mug is running at ${origin}\n`);

  let local: LocalLivekit | null = null;
  if (config.livekit.mode === 'local') {
    const bin = findLivekitBinary(config.livekit.bin);
    if (!bin) {
      const why = 'livekit-server was not found (run infra/livekit/ensure-livekit.sh); running without audio/video';
      log.warn('livekit.unavailable', { reason: why });
      media.setConnection(null);
    } else {
      try {
        local = await startLocalLivekit({ bin, webhookUrl: `http://127.0.0.1:${port}/api/livekit/webhook` });
        media.setConnection(local.connection);
        log.info('livekit.started', { url: local.connection.url });
      } catch (err) {
        log.warn('livekit.unavailable', { reason: err instanceof Error ? err.message : String(err) });
      }
    }
  } else if (config.livekit.mode === 'off') {
    log.warn('livekit.unavailable', { reason: 'LIVEKIT_LOCAL=off and no LIVEKIT_URL; running without audio/video' });
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    jobs.stop();
    liveJobs.stop();
    log.info('shutdown', { signal });
    await admin?.close().catch(() => undefined);
    await realtime.close().catch(() => undefined);
    server.closeAllConnections();
    if (redis) await closeRedis(redis).catch(() => undefined);
    if (socketioRedis) await closeRedis(socketioRedis).catch(() => undefined);
    await local?.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** Why this process may not open the embedded store, and what to do about it. */
function lockedOut(err: StoreLockedError): string {
  const { holder } = err;
  if (holder?.owner === 'app') {
    return (
      `Red Mug is already running on this data directory (pid ${holder.pid}, ${err.dataDir}): stop it first, or give ` +
      'this one its own DATA_DIR. Several instances on one store need PostgreSQL (DATABASE_URL).'
    );
  }
  return `${describeHolder(holder)} has the store in ${err.dataDir} open: start Red Mug again once it has finished.`;
}
