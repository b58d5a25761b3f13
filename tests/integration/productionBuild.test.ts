import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../infra/buildServer';
import { COMPILED_SERVER, startAppProcess } from '../support/appProcess';

/**
 * Production runs compiled JavaScript (issue #17, item 13): `npm run build:server` bundles server/ and shared/ with
 * esbuild, and the result starts as a plain `node` process (the image's CMD, `npm run start:prod`), in production
 * mode, on the embedded store, and answers its health routes.
 */
const root = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
const secrets = { SESSION_SECRET: 'q8V2mZt4LxN7cR1pWb9sK3fH6dJ0gY5uA2eT8iO4nM7v', E2EE_SECRET: 'Zr5Kx1Wq8Ln3Vc7Bm0Tg4Hy9Pd2Js6Fa1Ue5Io8Qw3Er' };
let packages: string[];

beforeAll(async () => {
  ({ packages } = await buildServer());
}, 60_000);
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the compiled server', () => {
  it('imports only production dependencies, never tsx or a test tool', () => {
    const deps = Object.keys(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies as Record<string, string>);
    expect(packages.every((p) => deps.includes(p))).toBe(true);
    expect(packages).not.toContain('tsx');
    expect(packages).not.toContain('vitest');
  });

  it('starts with node in production on PGlite, on port 0, and is live and ready', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'redmug-prod-'));
    dirs.push(dataDir);
    const app = await startAppProcess({ NODE_ENV: 'production', DATA_DIR: dataDir, ...secrets }, COMPILED_SERVER);
    try {
      expect(app.proc.spawnargs).not.toContain('tsx');
      const live = await fetch(`${app.url}/healthz`);
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', checks: { store: 'ok' } });
      // Production mode: no demo accounts on an empty store.
      expect(app.output.join('')).not.toContain('DEMO ACCOUNTS');
    } finally {
      await app.stop();
    }
    expect(app.proc.exitCode).toBe(0);
  });

  it('refuses to start with the example deployment’s secrets, naming the variable', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'redmug-prod-'));
    dirs.push(dataDir);
    const proc = spawn(process.execPath, COMPILED_SERVER, {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: '0', LIVEKIT_LOCAL: 'off', DATA_DIR: dataDir, SESSION_SECRET: 'change-me-to-64-random-characters', E2EE_SECRET: secrets.E2EE_SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const [code] = (await once(proc, 'exit')) as [number];
    expect(code).toBe(1);
    expect(stderr).toMatch(/^ {2}SESSION_SECRET: .*placeholder/m);
    expect(stderr).not.toContain('change-me-to-64-random-characters');
  });
});
