import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import { freeTcpPort } from '../../server/src/net';
import { startAppProcess } from '../support/appProcess';
import { ApiClient } from '../support/httpClient';
import { TEST_E2EE_SECRET, TEST_SECRET } from '../support/testApp';

/**
 * Redis with a password (issue #17, item 15): the deploy's own start script (infra/deploy/redis/redis-entrypoint.sh)
 * runs Debian's redis-server with one ACL user and the default user off, in the clear and with TLS; the real app
 * process reaches it through REDIS_URL with the credentials, and nothing reaches it without them.
 */
const root = path.resolve(import.meta.dirname, '../..');
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function startAclRedis(env: Record<string, string>): Promise<{ port: number; dir: string; log: string[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'redmug-acl-redis-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const port = await freeTcpPort();
  const proc: ChildProcess = spawn(
    'sh',
    [path.join(root, 'infra/deploy/redis/redis-entrypoint.sh'), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    { env: { PATH: process.env.PATH ?? '', REDIS_PORT: String(port), REDIS_ACL_FILE: path.join(dir, 'users.acl'), ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  cleanups.push(async () => {
    if (proc.exitCode !== null) return;
    const exited = once(proc, 'exit');
    proc.kill('SIGTERM');
    await exited;
  });
  const log: string[] = [];
  await new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', (c: Buffer) => {
      log.push(c.toString());
      if (log.join('').includes('Ready to accept connections')) resolve();
    });
    proc.stderr!.on('data', (c: Buffer) => log.push(c.toString()));
    proc.once('exit', (code) => reject(new Error(`redis exited (${code}): ${log.join('')}`)));
  });
  return { port, dir, log };
}

/** A client that must fail: it answers with Redis's error, or the connection's. */
async function refused(url: string, options: Parameters<typeof createClient>[0] = {}): Promise<string> {
  const client = createClient({ url, ...options, socket: { ...options.socket, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return 'accepted';
  } catch (err) {
    return (err as Error).message;
  } finally {
    if (client.isOpen) client.destroy();
  }
}

async function appOn(url: string, env: Record<string, string> = {}) {
  const app = await startAppProcess({ REDIS_URL: url, SOCKETIO_REDIS_URL: url, SESSION_SECRET: TEST_SECRET, E2EE_SECRET: TEST_E2EE_SECRET, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'redmug-acl-app-')), ...env });
  cleanups.push(() => app.stop());
  // Sign-in failures are counted in Redis: proof the app writes there, not only that it connected.
  const c = new ApiClient(app.url);
  await c.signIn('nobody@example.ca', 'not the password');
  const ready = await fetch(`${app.url}/readyz`);
  return { app, ready: { status: ready.status, body: (await ready.json()) as { checks: Record<string, string> } } };
}

describe('Redis with a password', () => {
  it('the app works through an ACL user; no connection gets in without the password, and the ACL file holds no password', async () => {
    const password = randomBytes(24).toString('hex');
    const redis = await startAclRedis({ REDIS_PASSWORD: password });
    const base = `127.0.0.1:${redis.port}`;

    expect(await refused(`redis://${base}`)).toMatch(/NOAUTH|NOPERM/);
    expect(await refused(`redis://redmug:wrong-${password}@${base}`)).toMatch(/WRONGPASS/);
    expect(await refused(`redis://default:@${base}`)).toMatch(/WRONGPASS|NOAUTH/);
    expect(readFileSync(path.join(redis.dir, 'users.acl'), 'utf8')).not.toContain(password);

    const { app, ready } = await appOn(`redis://redmug:${password}@${base}`);
    expect(ready.status).toBe(200);
    expect(ready.body.checks.redis).toBe('ok');
    const admin = createClient({ url: `redis://redmug:${password}@${base}` });
    await admin.connect();
    cleanups.push(() => void admin.destroy());
    const keys: string[] = [];
    for await (const batch of admin.scanIterator({ MATCH: 'rm:*' })) keys.push(...batch);
    expect(keys.length).toBeGreaterThan(0);
    // The app's user cannot reconfigure the server.
    await expect(admin.configGet('dir')).rejects.toThrow(/NOPERM/);
    expect(app.output.join('')).not.toMatch(/NOPERM|WRONGPASS|NOAUTH|redis\.error/);
  });

  it('with TLS: only rediss:// with the password gets in, and the app connects trusting the CA it is given', async () => {
    const password = randomBytes(24).toString('hex');
    const tls = mkdtempSync(path.join(tmpdir(), 'redmug-acl-tls-'));
    cleanups.push(() => rmSync(tls, { recursive: true, force: true }));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout', path.join(tls, 'redis.key'), '-out', path.join(tls, 'redis.crt')], { stdio: 'ignore' });
    const redis = await startAclRedis({ REDIS_PASSWORD: password, REDIS_TLS_CERT: path.join(tls, 'redis.crt'), REDIS_TLS_KEY: path.join(tls, 'redis.key') });
    const base = `localhost:${redis.port}`;
    const ca = readFileSync(path.join(tls, 'redis.crt'));

    // In the clear nothing answers; over TLS, not without the password, nor for a client that does not trust the CA.
    expect(await refused(`redis://redmug:${password}@${base}`)).not.toBe('accepted');
    expect(await refused(`rediss://${base}`, { socket: { tls: true, ca } })).toMatch(/NOAUTH|NOPERM/);
    expect(await refused(`rediss://redmug:${password}@${base}`)).toMatch(/self-signed|certificate/i);

    const { ready } = await appOn(`rediss://redmug:${password}@${base}`, { NODE_EXTRA_CA_CERTS: path.join(tls, 'redis.crt') });
    expect(ready.status).toBe(200);
    expect(ready.body.checks.redis).toBe('ok');
  });
});
