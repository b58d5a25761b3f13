import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../server/src/store/db';
import { startAppProcess } from '../support/appProcess';
import { ApiClient, signedInAs } from '../support/httpClient';
import { startTestApp, TEST_E2EE_SECRET, TEST_SECRET, type TestApp } from '../support/testApp';
import { createPeople } from '../support/users';

/** Small leaks (issue #17, item 16): secrets in log lines, feeds that say too much, caches, file modes. */

let app: TestApp;
let failQueries = false;
const dirs: string[] = [];
let clientDir: string;

beforeAll(async () => {
  // A store that can be made to fail, so a request meets an error nobody expected (the unhandled-error log line).
  const inner = await openDb({ memory: true });
  const db: Db = {
    ...inner,
    query: (sql, params) => (failQueries ? Promise.reject(new Error('connection terminated unexpectedly')) : inner.query(sql, params)),
  };
  clientDir = mkdtempSync(path.join(tmpdir(), 'redmug-leaks-client-'));
  dirs.push(clientDir);
  mkdirSync(path.join(clientDir, 'assets'));
  writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Red Mug</title>');
  writeFileSync(path.join(clientDir, 'assets', 'app.js'), 'console.log(1);');
  app = await startTestApp({ db, clientDir, now: '2026-11-28T20:00:00Z' });
  await createPeople(app);
});
afterAll(async () => {
  await app.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('log lines', () => {
  it('never hold a personal feed secret, an invite token or a reset token, even when the request fails unexpectedly', async () => {
    const lawyer = await signedInAs(app.url, 'lawyer@example.ca');
    const feedUrl = new URL((await lawyer.post('/api/scheduling/feed/rotate')).body.url as string);
    const feedToken = /\/feeds\/([^/]+)\.ics$/.exec(feedUrl.pathname)![1]!;
    const inviteToken = 'Qm9vbS1pbnZpdGUtdG9rZW4tdGhhdC1pcy1sb25nLWVub3VnaA';
    const resetToken = 'UmVzZXQtdG9rZW4tdGhhdC1pcy1sb25nLWVub3VnaC10by1ndWVzcw';
    const before = app.logLines.length;
    failQueries = true;
    try {
      expect((await fetch(`${app.url}${feedUrl.pathname}?x=${feedToken}`)).status).toBe(500);
      await fetch(`${app.url}/api/auth/invites/${inviteToken}`);
      await fetch(`${app.url}/api/auth/password-reset/${resetToken}`);
    } finally {
      failQueries = false;
    }
    const lines = app.logLines.slice(before);
    const unhandled = lines.filter((l) => l.includes('"http.unhandled"'));
    // The feed's failure is logged (operators need it), with the route and the secret taken out.
    expect(unhandled.some((l) => l.includes('"path":"/api/scheduling/feeds/[redacted]"'))).toBe(true);
    for (const secret of [feedToken, inviteToken, resetToken]) {
      expect(lines.filter((l) => l.includes(secret))).toEqual([]);
    }
  });
});

describe('the public series feed', () => {
  it('leaves out paused series and series for one audience, and the schedule offers no feed for them', async () => {
    const staff = await signedInAs(app.url, 'staff@example.ca');
    const made = async (body: object) => {
      const res = await staff.post('/api/scheduling/series', { startsOn: '2026-12-01', weekday: 2, ...body });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const students = await made({ title: 'Articling students', audience: 'articling_students' });
    const early = await made({ title: 'Early career', audience: 'early_career', audienceMaxYears: 5 });
    const paused = await made({ title: 'Winter circle' });
    expect((await staff.post(`/api/scheduling/series/${paused}`, { status: 'paused' })).status).toBe(200);
    const open = await made({ title: 'Open circle' });

    for (const id of [students, early, paused]) {
      const res = await fetch(`${app.url}/api/scheduling/series/${id}/feed.ics`);
      expect(res.status, id).toBe(404);
      expect(await res.text()).not.toMatch(/VCALENDAR|Articling|Early|Winter/);
    }
    const feed = await fetch(`${app.url}/api/scheduling/series/${open}/feed.ics`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('SUMMARY:Open circle');

    const series = (await staff.get('/api/scheduling/series')).body.series as Array<{ id: string; feedPath: string | null }>;
    const feedOf = (id: string) => series.find((s) => s.id === id)?.feedPath;
    expect([students, early, paused].map(feedOf)).toEqual([null, null, null]);
    expect(feedOf(open)).toBe(`/api/scheduling/series/${open}/feed.ics`);
  });
});

describe('caching', () => {
  it('every API answer says no-store (also errors and the signed-out session); static assets keep their caching', async () => {
    const anon = new ApiClient(app.url);
    const lawyer = await signedInAs(app.url, 'lawyer@example.ca');
    for (const res of [
      await anon.get('/api/auth/session'),
      await lawyer.get('/api/scheduling/sessions'),
      await lawyer.get('/api/media/status'),
      await anon.get('/api/nothing-here'),
      await anon.post('/api/auth/login', { email: 'lawyer@example.ca', password: 'wrong' }),
      await anon.get('/readyz'),
    ]) {
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const asset = await fetch(`${app.url}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=3600');
  });
});

describe('the embedded store on disk', () => {
  it('is readable by the app’s user only: directories 0700 and files 0600, also for files made before', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'redmug-leaks-data-'));
    dirs.push(dataDir);
    // A store file left readable by everyone, as stores made before this rule are.
    mkdirSync(path.join(dataDir, 'pglite'), { mode: 0o755 });
    writeFileSync(path.join(dataDir, 'pglite', 'left-over'), 'x');
    chmodSync(path.join(dataDir, 'pglite', 'left-over'), 0o644);
    chmodSync(path.join(dataDir, 'pglite'), 0o755);
    const proc = await startAppProcess({ DATA_DIR: dataDir, SESSION_SECRET: TEST_SECRET, E2EE_SECRET: TEST_E2EE_SECRET });
    try {
      // Written while it runs (a sign-in attempt touches the store), not only at start-up.
      await new ApiClient(proc.url).post('/api/auth/login', { email: 'nobody@example.ca', password: 'x' });
      const open: string[] = [];
      const walk = (dir: string) => {
        for (const e of readdirSync(dir, { withFileTypes: true })) {
          const p = path.join(dir, e.name);
          const mode = statSync(p).mode & 0o777;
          if (e.isDirectory()) {
            if (mode !== 0o700) open.push(`${p} ${mode.toString(8)}`);
            walk(p);
          } else if (e.isFile() && (mode & 0o077) !== 0) open.push(`${p} ${mode.toString(8)}`);
        }
      };
      expect((statSync(path.join(dataDir, 'pglite')).mode & 0o777).toString(8)).toBe('700');
      walk(path.join(dataDir, 'pglite'));
      // The lock beside the store, and everything else the app made in DATA_DIR.
      for (const e of readdirSync(dataDir, { withFileTypes: true })) {
        if (e.isFile() && (statSync(path.join(dataDir, e.name)).mode & 0o077) !== 0) open.push(e.name);
      }
      expect(readdirSync(path.join(dataDir, 'pglite')).length).toBeGreaterThan(3);
      expect(open).toEqual([]);
    } finally {
      await proc.stop();
    }
  });
});
