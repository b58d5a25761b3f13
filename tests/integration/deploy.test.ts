import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get as httpGet, type IncomingMessage } from 'node:http';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { freeTcpPort } from '../../server/src/net';
import { startTestApp, type TestApp } from '../support/testApp';

/**
 * The deployment files (issue #17, items 12–16): what goes into the image, what it runs, and the deploy nginx.conf
 * itself run by a real nginx in front of the app and a stand-in for LiveKit's signalling.
 */
const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/**
 * Whether `.dockerignore` leaves `file` out of the build context, by Docker's rules: patterns are relative to the
 * context root, `**` spans any number of folders, `*` stays within one, a pattern that names a folder leaves out
 * everything in it, and the last matching line wins (`!` brings a path back).
 */
function dockerIgnores(patterns: string[], file: string): boolean {
  const toRegExp = (p: string) =>
    new RegExp(
      `^${p
        .replace(/^\/+|\/+$/g, '')
        .split('/')
        .map((seg) => (seg === '**' ? '(?:.*)' : seg.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')))
        .join('/')
        .replace(/\(\?:\.\*\)\//g, '(?:.*/)?')}(?:/.*)?$`,
    );
  let ignored = false;
  for (const line of patterns) {
    const negate = line.startsWith('!');
    if (toRegExp(negate ? line.slice(1) : line).test(file)) ignored = !negate;
  }
  return ignored;
}

describe('the image', () => {
  const patterns = read('.dockerignore')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it.each([
    '.env',
    'infra/deploy/.env',
    'server/src/.env',
    '.env.production',
    'infra/deploy/tls/privkey.pem',
    'tls/fullchain.pem',
    'certs/server.key',
    'data/dev-secret',
    'data/pglite/PG_VERSION',
    '.tools/server',
    'node_modules/express/package.json',
    'client/node_modules/x/index.js',
    'test-results/unit.json',
    'test-results/e2e/home.png',
    'bench-results/2026-12-01/report.md',
    '.git/config',
    'server/dist/index.js',
    'client/dist/index.html',
    'npm-debug.log',
  ])('leaves %s out of the build context', (file) => {
    expect(dockerIgnores(patterns, file)).toBe(true);
  });

  it.each(['package.json', 'package-lock.json', 'server/src/index.ts', 'shared/errors.ts', 'client/src/main.tsx', 'client/vite.config.ts', 'infra/buildServer.ts', 'server/src/.env.example'])(
    'keeps %s, which the build needs',
    (file) => {
      expect(existsSync(path.join(root, file))).toBe(true);
      expect(dockerIgnores(patterns, file)).toBe(false);
    },
  );

  it('is Node 24 LTS throughout, runs the compiled server, and sets no secret', () => {
    const dockerfile = read('infra/deploy/Dockerfile');
    const bases = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
    expect(bases.length).toBeGreaterThan(0);
    for (const base of bases) expect(base).toMatch(/^node:24(-|$)/);
    expect(JSON.parse(read('package.json')).engines.node).toBe('>=24.11');
    const cmd = /^CMD\s+(.+)$/m.exec(dockerfile)![1]!;
    expect(JSON.parse(cmd)).toEqual(['node', '--enable-source-maps', 'server/dist/index.js']);
    for (const m of dockerfile.matchAll(/^(?:RUN|CMD|ENTRYPOINT|HEALTHCHECK)\s+(.+)$/gm)) expect(m[1]).not.toMatch(/tsx/);
    // No secret baked in: no ENV or ARG names one, and the app's secrets in compose come from the environment.
    for (const m of dockerfile.matchAll(/^(?:ENV|ARG)\s+(.+)$/gm)) expect(m[1]).not.toMatch(/SECRET|PASSWORD|_KEY|TOKEN/i);
    const compose = read('infra/deploy/docker-compose.yml');
    for (const m of compose.matchAll(/^\s+([A-Z_]*(?:SECRET|PASSWORD|_KEY)[A-Z_]*):\s*(.+)$/gm)) expect(m[2], m[1]).toMatch(/^\$\{[A-Z_]+\}$/);
    for (const url of ['REDIS_URL', 'SOCKETIO_REDIS_URL']) expect(compose).toMatch(new RegExp(`${url}: rediss?://redmug:\\$\\{REDIS_[A-Z_]*PASSWORD\\}@`));
  });
});

/** The deploy nginx.conf as the nginx image would write it from the template, pointed at this test's servers. */
function nginxConf(ports: { https: number; http: number; app: number; livekit: number }, tlsDir: string, version: string): string {
  let conf = read('infra/deploy/nginx.conf')
    .replaceAll('${RED_MUG_HOST}', 'circles.test')
    .replaceAll('${LIVEKIT_HOST}', 'media.circles.test')
    .replace('server app:3000', `server 127.0.0.1:${ports.app}`)
    .replace('server host.docker.internal:7880', `server 127.0.0.1:${ports.livekit}`)
    .replaceAll('listen 443 ssl;', `listen 127.0.0.1:${ports.https} ssl;`)
    .replaceAll('listen 80;', `listen 127.0.0.1:${ports.http};`)
    .replaceAll('/etc/nginx/tls/', `${tlsDir}/`);
  // `http2 on;` is nginx ≥ 1.25.1 (the image's 1.27); Debian 12's 1.22 knows only `listen … http2`.
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  if (major === 1 && (minor < 25 || (minor === 25 && patch < 1))) conf = conf.replaceAll('http2 on;', '');
  return conf;
}

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

describe('the deploy nginx.conf, run by nginx', () => {
  let app: TestApp;
  let dir: string;
  let ports: { https: number; http: number; app: number; livekit: number };
  let ca: Buffer;
  const livekitSeen: IncomingMessage[] = [];
  const livekit = createServer((req, res) => {
    livekitSeen.push(req);
    res.end('OK');
  });
  const wss = new WebSocketServer({ server: livekit });
  wss.on('connection', (socket, req) => {
    livekitSeen.push(req);
    socket.on('message', (m) => socket.send(`echo:${m.toString()}`));
  });

  beforeAll(async () => {
    if (!NGINX) throw new Error('nginx is needed: run infra/provision.sh (npm test does)');
    dir = mkdtempSync(path.join(tmpdir(), 'redmug-nginx-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=circles.test', '-addext', 'subjectAltName=DNS:circles.test,DNS:media.circles.test',
      '-keyout', path.join(dir, 'privkey.pem'), '-out', path.join(dir, 'fullchain.pem')], { stdio: 'ignore' });
    ca = readFileSync(path.join(dir, 'fullchain.pem'));
    app = await startTestApp({ env: { PUBLIC_URL: 'https://circles.test' } });
    await new Promise<void>((resolve) => livekit.listen(0, '127.0.0.1', resolve));
    ports = { https: await freeTcpPort(), http: await freeTcpPort(), app: Number(new URL(app.url).port), livekit: (livekit.address() as AddressInfo).port };
    // `nginx -v` writes to stderr.
    const version = /nginx\/(\d+\.\d+\.\d+)/.exec(execFileSync('sh', ['-c', `${NGINX} -v 2>&1`], { encoding: 'utf8' }))![1]!;
    writeFileSync(path.join(dir, 'nginx.conf'), nginxConf(ports, dir, version));
    // Daemonised: the first process returns once the sockets are bound, so the test need not wait for them.
    execFileSync(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log'), '-g', `daemon on; pid ${path.join(dir, 'nginx.pid')};`], { stdio: 'inherit' });
  });
  afterAll(async () => {
    if (dir && existsSync(path.join(dir, 'nginx.pid'))) {
      execFileSync(NGINX!, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log'), '-g', `pid ${path.join(dir, 'nginx.pid')};`, '-s', 'stop'], { stdio: 'inherit' });
    }
    wss.close();
    livekit.closeAllConnections();
    await new Promise((r) => livekit.close(r));
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const get = (host: string, urlPath: string) =>
    new Promise<{ status: number; rawHeaders: string[]; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: ports.https, servername: host, headers: { host }, path: urlPath, ca }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, rawHeaders: res.rawHeaders, body }));
      });
      req.on('error', reject);
      req.end();
    });
  const headerValues = (raw: string[], name: string) => raw.flatMap((v, i) => (i % 2 === 0 && v.toLowerCase() === name ? [raw[i + 1]!] : []));

  it('sends one HSTS header (the app’s), and no nginx version in the Server header', async () => {
    for (const p of ['/api/auth/session', '/healthz', '/api/nothing-here']) {
      const res = await get('circles.test', p);
      expect(res.status).toBeLessThan(500);
      expect(headerValues(res.rawHeaders, 'strict-transport-security')).toHaveLength(1);
      expect(headerValues(res.rawHeaders, 'server')).toEqual(['nginx']);
    }
  });

  it('answers its own pages without a version too', async () => {
    const res = await new Promise<{ status: number; server: string | undefined; body: string }>((resolve, reject) => {
      httpGet({ host: '127.0.0.1', port: ports.http, headers: { host: 'circles.test' }, path: '/x' }, (r) => {
        let body = '';
        r.on('data', (c: Buffer) => (body += c.toString()));
        r.on('end', () => resolve({ status: r.statusCode!, server: r.headers.server as string | undefined, body }));
      }).on('error', reject);
    });
    expect(res.status).toBe(301);
    expect(res.server).toBe('nginx');
    expect(res.body).not.toMatch(/nginx\/\d/);
  });

  it('puts LiveKit’s signalling behind TLS: HTTP and the WebSocket reach it through wss://LIVEKIT_HOST', async () => {
    const res = await get('media.circles.test', '/rtc/validate');
    expect(res.status).toBe(200);
    expect(res.body).toBe('OK');
    expect(headerValues(res.rawHeaders, 'strict-transport-security')).toHaveLength(1);
    expect(headerValues(res.rawHeaders, 'server')).toEqual(['nginx']);

    const ws = new WebSocket(`wss://media.circles.test:${ports.https}/rtc?access_token=x`, { ca, lookup: (_h, _o, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }] as never, 4) });
    const echoed = await new Promise<string>((resolve, reject) => {
      ws.once('open', () => ws.send('hello'));
      ws.once('message', (m) => resolve(m.toString()));
      ws.once('error', reject);
    });
    ws.close();
    expect(echoed).toBe('echo:hello');
    const upgrade = livekitSeen.find((r) => r.headers.upgrade === 'websocket')!;
    expect(upgrade.url).toBe('/rtc?access_token=x');
    expect(upgrade.headers.host).toBe('media.circles.test');
    expect(upgrade.headers['x-forwarded-proto']).toBe('https');
  });
});
