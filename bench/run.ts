/**
 * `npm run bench`: measures Red Mug against floors it cannot beat, in one run on this machine.
 *   B0  a bare ws room broadcast (rooms as sets, message encoded once)
 *   B1  bare Socket.IO, in-memory adapter, no app logic
 *   A1  the app, one instance (real admission, circles of 8)
 *   A2  the app, two instances on Redis (streams adapter), clients split across them
 * plus the noon rush, sign-in throughput, time to the first remote video frame and the first page's JavaScript.
 * Options: --quick (a smoke run of seconds), --steps 200,800, --steady-seconds 30, --target-steady-seconds 60
 * (the step where the targets are judged; B1, A1 and A2 take it in turns, in --slices 6), --warmup-seconds 10
 * (unmeasured traffic first), --configs B0,B1,A1,A2,
 * --no-media, --out DIR, --profile (each server writes a V8 CPU profile to DIR/profiles). Results go to bench-results/<time>/ (git-ignored): result.json, report.md, latency.svg.
 *
 * `--media-load` runs the media benchmark instead (bench/mediaLoad.ts): circles of 8 on livekit-server with the
 * rtc-node SDK, stepped up until audio breaks, on one node and on two. Options: --media-steps 1,2,4,
 * --media-modes audio,video, --media-nodes 1,2, --steady-seconds; with --quick a smoke run of one small step.
 * It writes media-load.md, media-load.json, media-load.vl.json and media-load.svg to the same folder.
 */
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findLivekitBinary, startLocalLivekit, type LocalLivekit } from '../server/src/livekit/localLivekit';
import { buildServer } from '../infra/buildServer';
import { firstPageBundle } from './bundle';
import { BENCH_PASSWORD, preparePeople, startPostgres, startRedis } from './fixtures';
import { openStep, runStep, type OpenStep, type StepOptions, type StepResult } from './load';
import { firstRemoteFrame } from './media';
import type { MediaMode } from './mediaLoad';
import { writeReport, type BenchResult } from './report';
import { productionProcess } from './production';
import { noonRush, signInThroughput } from './rush';
import { APP_ENTRY, benchAppEnv, ROOT, startServer, type BenchServer } from './servers';
import { slope } from './stats';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    steps: { type: 'string' },
    'steady-seconds': { type: 'string' },
    'target-steady-seconds': { type: 'string' },
    'warmup-seconds': { type: 'string' },
    slices: { type: 'string' },
    configs: { type: 'string', default: 'B0,B1,A1,A2' },
    media: { type: 'boolean', default: true },
    'media-load': { type: 'boolean', default: false },
    'media-steps': { type: 'string' },
    'media-modes': { type: 'string' },
    'media-nodes': { type: 'string' },
    out: { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
  allowNegative: true,
});

const quick = values.quick;
const steps = (values.steps ?? (quick ? '16,32' : '200,800,1600,3200')).split(',').map(Number);
const steadyMs = Number(values['steady-seconds'] ?? (quick ? 3 : 30)) * 1000;
const configs = values.configs.split(',');
/** The step the targets are judged at gets the full 60 s of steady state; the others 30 s, to fit 15 minutes. */
const targetN = steps.includes(1600) ? 1600 : Math.max(...steps);
const targetSteadyMs = Number(values['target-steady-seconds'] ?? values['steady-seconds'] ?? (quick ? 3 : 60)) * 1000;
const steadyFor = (n: number) => (n === targetN ? targetSteadyMs : steadyMs);
/** How many slices the target step's steady state is cut into, for the configurations measured in turn. */
const slices = Number(values.slices ?? (quick ? 2 : 6));
/** Unmeasured traffic before each step's steady state (the ramp's aftermath, compilation of the hot paths). */
const warmupMs = Number(values['warmup-seconds'] ?? (quick ? 1 : 10)) * 1000;
const CIRCLE = 8;
const generators = quick ? 1 : 2;
const connectsPerSecond = quick ? 200 : 400;
const startedAt = new Date().toISOString();
const out = values.out ?? path.join(ROOT, 'bench-results', startedAt.replace(/[:.]/g, '-'));
if (values.profile) process.env.BENCH_CPU_PROF_DIR = path.join(out, 'profiles');
const log = (m: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}\n`);

async function mediaLoad() {
  // The SDK logs at debug level unless NODE_ENV is production; it and its native library load only for this run.
  process.env.NODE_ENV ??= 'production';
  const { runMediaLoad } = await import('./mediaLoad');
  const { writeMediaReport } = await import('./mediaReport');
  const result = await runMediaLoad({
    steps: (values['media-steps'] ?? (quick ? '1' : '1,2,3,4,6,8')).split(',').map(Number),
    modes: (values['media-modes'] ?? (quick ? 'audio' : 'audio,video')).split(',') as MediaMode[],
    nodes: (values['media-nodes'] ?? '1,2').split(',').map(Number),
    steadyMs: Number(values['steady-seconds'] ?? (quick ? 3 : 20)) * 1000,
    quick,
    log,
  });
  await writeMediaReport(out, result, { startedAt, machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version } });
  log(`report: ${path.join(out, 'media-load.md')}`);
  // The SDK's native threads may keep the process alive after its rooms are gone.
  process.exit(process.exitCode ?? 0);
}

async function main() {
  if (values['media-load']) return mediaLoad();
  const results: StepResult[] = [];
  const maxClients = Math.max(...steps);
  const circles = Array.from({ length: Math.ceil(maxClients / CIRCLE) }, (_, i) => `room-${i}`);
  const result: BenchResult = {
    startedAt,
    machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    settings: { steps, steadySeconds: steadyMs / 1000, targetSteadySeconds: targetSteadyMs / 1000, warmupSeconds: warmupMs / 1000, targetClients: targetN, circleSize: CIRCLE, generators, connectsPerSecond, quick },
    steps: results,
    ratios: [],
    memorySlopes: [],
    targets: [],
  };

  // The step the targets are judged at is measured for B1, A1 and A2 together, in alternating slices, so that all
  // of them meet the same spells of a busy host (on a shared machine one minute differs from the next by as much as
  // the configurations do); the other steps, and B0, one configuration after another.
  const together = ['B1', 'A1', 'A2'].filter((c) => configs.includes(c));
  const alternating = together.length > 1;
  const stepsOf = (config: string) => (alternating && together.includes(config) ? steps.filter((n) => n !== targetN) : steps);
  const sliceMs = targetSteadyMs / slices;
  /** The servers up now (all stopped on the way out, whatever happened), and how each configuration opens the alternating step. */
  const running: BenchServer[] = [];
  const openers: Array<{ config: string; open: () => Promise<OpenStep> }> = [];
  /** A configuration's own steps; then its servers stay up for the alternating step, or stop. */
  const measureSteps = async (config: string, servers: BenchServer[], step: (n: number) => StepOptions) => {
    for (const n of stepsOf(config)) {
      log(`${config}: ${n} clients`);
      results.push(await runStep(step(n)));
    }
    if (stepsOf(config).length < steps.length) return void openers.push({ config, open: () => openStep(step(targetN)) });
    for (const s of servers) running.splice(running.indexOf(s), 1);
    await Promise.all(servers.map((s) => s.stop()));
  };
  const alternate = async () => {
    if (!alternating) return;
    result.settings.slices = slices;
    log(`${together.join(', ')}: ${targetN} clients each, measured in ${slices} alternating slices of ${sliceMs / 1000} s each`);
    const open: OpenStep[] = [];
    try {
      for (const o of openers) {
        log(`${o.config}: ${targetN} clients connecting`);
        open.push(await o.open());
      }
      // Each round starts with the next configuration, so none is always the first after another's slice.
      for (let k = 0; k < slices; k++) for (let j = 0; j < open.length; j++) await open[(j + k) % open.length]!.measure(sliceMs);
      for (const step of open) results.push(step.result());
    } finally {
      await Promise.all(open.map((step) => step.close()));
    }
  };

  const base = async (config: string, entry: string) => {
    log(`${config}: starting ${entry}`);
    const server = await startServer(entry, {}, /listening (\d+)/);
    running.push(server);
    const kind = config === 'B0' ? 'ws' : 'sio';
    await measureSteps(config, [server], (n) => ({ config, kind, servers: [server], clients: n, circleSize: CIRCLE, circles, generators, steadyMs: steadyFor(n), warmupMs, connectsPerSecond }));
  };
  try {
    if (configs.includes('B0')) await base('B0', 'bench/servers/b0-ws.ts');
    if (configs.includes('B1')) await base('B1', 'bench/servers/b1-socketio.ts');

    const needsApp = configs.includes('A1') || configs.includes('A2');
    if (needsApp) {
      const bin = findLivekitBinary(process.env.LIVEKIT_BIN);
      const livekit: LocalLivekit | null = bin ? await startLocalLivekit({ bin }) : null;
      const pg = startPostgres();
      const redis = startRedis();
      try {
        log(`preparing ${maxClients + 300} members and ${Math.ceil((maxClients + 300) / CIRCLE)} open circles`);
        const people = await preparePeople(pg.url, maxClients + 300, CIRCLE);
        const env = {
          ...benchAppEnv(pg.url),
          ...(livekit
            ? { LIVEKIT_URL: livekit.connection.url, LIVEKIT_API_KEY: livekit.connection.apiKey, LIVEKIT_API_SECRET: livekit.connection.apiSecret }
            : { LIVEKIT_LOCAL: 'off' }),
        };
        const ready = /Red Mug is running at (http:\/\/\S+)/;
        log('building the server (npm run build:server)');
        await buildServer();
        const app = (config: string, instances: BenchServer[]) =>
          measureSteps(config, instances, (n) => ({ config, kind: 'app', servers: instances, clients: n, circleSize: CIRCLE, circles: people.circles, cookies: people.cookies, generators, steadyMs: steadyFor(n), warmupMs, connectsPerSecond }));
        if (configs.includes('A1')) {
          // The production process as the image runs it (compiled, plain node), measured before any load.
          log('production process: start-up time and idle memory');
          result.production = await productionProcess(env, quick ? 1 : 3);
          const a1 = await startServer(APP_ENTRY, env, ready);
          running.push(a1);
          // The rush first, on a quiet server: measured after the load steps it would time their disconnect storm.
          const rushCount = quick ? 24 : 300;
          log(`noon rush: ${rushCount} members`);
          result.rush = await noonRush({
            url: a1.url,
            cookies: people.cookies.slice(maxClients, maxClients + rushCount),
            circles: people.circles.slice(Math.ceil(maxClients / CIRCLE)),
            circleSize: CIRCLE,
            windowMs: quick ? 2000 : 10_000,
          });
          log('sign-in throughput');
          result.signIn = await signInThroughput({ url: a1.url, emails: people.emails.slice(0, quick ? 4 : 40), password: BENCH_PASSWORD, concurrency: 4 });
          await app('A1', [a1]);
        }
        if (configs.includes('A2')) {
          const a2 = await Promise.all([startServer(APP_ENTRY, { ...env, REDIS_URL: redis.url }, ready), startServer(APP_ENTRY, { ...env, REDIS_URL: redis.url }, ready)]);
          running.push(...a2);
          await app('A2', a2);
        }
        await alternate();
        await people.db.close();
      } finally {
        // The app instances before the services they use.
        await Promise.all(running.splice(0).map((server) => server.stop()));
        redis.stop();
        pg.stop();
        await livekit?.stop();
      }
    }
  } finally {
    await Promise.all(running.splice(0).map((server) => server.stop()));
  }
  // Each configuration's steps in order, whichever were measured together.
  const order = ['B0', 'B1', 'A1', 'A2'];
  results.sort((a, b) => order.indexOf(a.config) - order.indexOf(b.config) || a.clients - b.clients);

  if (values.media) {
    log('media: time to the first remote video frame');
    result.media = await firstRemoteFrame(quick ? 1 : 5);
  }
  result.bundle = firstPageBundle(path.join(ROOT, 'client/dist'));

  const at = (config: string, n: number) => results.find((s) => s.config === config && s.clients === n && !s.discarded);
  for (const n of steps) {
    const [b0, b1, a1, a2] = ['B0', 'B1', 'A1', 'A2'].map((c) => at(c, n));
    if (a1 && b0) result.ratios.push({ name: 'A1/B0', clients: n, value: a1.latencyMs.p99 / b0.latencyMs.p99 });
    if (a1 && b1) result.ratios.push({ name: 'A1/B1', clients: n, value: a1.latencyMs.p99 / b1.latencyMs.p99 });
    if (a2 && a1) result.ratios.push({ name: 'A2/A1', clients: n, value: a2.latencyMs.p99 / a1.latencyMs.p99 });
    if (a1 && b1) result.ratios.push({ name: 'memory A1/B1 (heap per connection)', clients: n, value: a1.heapPerConnectionBytes / b1.heapPerConnectionBytes });
  }
  for (const config of ['B0', 'B1', 'A1', 'A2']) {
    const mine = results.filter((s) => s.config === config && !s.discarded);
    if (mine.length < 2) continue;
    result.memorySlopes.push({
      config,
      heapBytesPerConnection: slope(mine.map((s) => [s.clients, s.heapAfterConnectBytes] as const)),
      rssBytesPerConnection: slope(mine.map((s) => [s.clients, s.rssAfterConnectBytes] as const)),
    });
  }
  const ratio = (name: string, n: number) => result.ratios.find((r) => r.name === name && r.clients === n)?.value;
  const check = (target: string, value: number | undefined, limit: number, unit = '×') =>
    result.targets.push({ target, observed: value === undefined ? 'not measured' : `${value.toFixed(2)}${unit}`, met: value === undefined ? null : value <= limit });
  check(`A1 p99 ≤ 1.5× B1 at ${targetN} clients`, ratio('A1/B1', targetN), 1.5);
  check(`A2 p99 ≤ 2× A1 at ${targetN} clients`, ratio('A2/A1', targetN), 2);
  check(`memory per connection ≤ 2× B1 at ${targetN} clients`, ratio('memory A1/B1 (heap per connection)', targetN), 2);
  check('noon rush join-to-ready p99 ≤ 100 ms', (result.rush as { joinToReadyMs?: { p99: number } } | undefined)?.joinToReadyMs?.p99, 100, ' ms');
  check('first remote frame p50 ≤ 1.5 s', (result.media as { firstRemoteFrameMs?: { p50: number } } | undefined)?.firstRemoteFrameMs?.p50, 1500, ' ms');
  check('first page ≤ 200 KB gzip JS', result.bundle.gzipBytes / 1024, 200, ' KB');
  const prod = result.production;
  check('production start-up (compiled, to listening) ≤ 3 s', prod ? prod.startupMs.median / 1000 : undefined, 3, ' s');
  check('production idle RSS ≤ 256 MB', prod ? prod.idleRssBytes / 2 ** 20 : undefined, 256, ' MB');
  result.targets.push({ target: 'livekit-client not on the first page', observed: result.bundle.livekitOnFirstPage ? 'loaded' : 'not loaded', met: !result.bundle.livekitOnFirstPage });

  await writeReport(out, result);
  log(`report: ${path.join(out, 'report.md')}`);
  const failedReach = results.filter((s) => !s.discarded && (s.reach !== 1 || s.crossCircle !== 0));
  if (failedReach.length > 0) {
    log(`delivery errors: ${failedReach.map((s) => `${s.config}@${s.clients} reach ${s.reach} cross ${s.crossCircle}`).join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
