import { afterAll, describe, expect, it } from 'vitest';
import { createMedia } from '../../server/src/livekit/media';
import { openDb } from '../../server/src/store/db';
import { startTestLivekit } from '../support/livekit';
import { startTempServer } from '../support/tempServers';
import { startTestApp } from '../support/testApp';

/**
 * `/readyz` (issue #17, item 15): LiveKit alone down is "ready, media degraded" (200), so an orchestrator keeps the
 * app containers that carry circles on in text; the store down is 503; the public sees a status word, never which
 * dependency is down — only a direct connection on this host (the container's health check) gets the checks.
 */
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** What a request that came through the proxy sees (nginx always adds X-Forwarded-For). */
const publicly = (url: string) => fetch(`${url}/readyz`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
const direct = (url: string) => fetch(`${url}/readyz`);

describe('/readyz', () => {
  it('is ready with LiveKit up, and "ready, media degraded" (200) once LiveKit stops; the public sees no checks', async () => {
    const livekit = await startTestLivekit();
    let stopped = false;
    cleanups.push(async () => void (stopped || (await livekit.stop())));
    const app = await startTestApp({ media: createMedia(livekit.connection, { cacheMs: 0 }), now: 'real' });
    cleanups.push(() => app.close());

    const up = await direct(app.url);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ready', message: 'ready', checks: { store: 'ok', redis: 'not_configured', livekit: 'ok' } });

    await livekit.stop();
    stopped = true;
    const degraded = await direct(app.url);
    expect(degraded.status).toBe(200);
    expect(await degraded.json()).toEqual({
      status: 'degraded',
      message: expect.stringMatching(/^ready, media degraded/),
      checks: { store: 'ok', redis: 'not_configured', livekit: 'unreachable' },
    });
    const pub = await publicly(app.url);
    expect(pub.status).toBe(200);
    expect(await pub.json()).toEqual({ status: 'degraded' });
    // Operators who read logs are told once, with the details.
    const told = app.logLines.filter((l) => l.includes('"health.readiness"'));
    expect(told).toHaveLength(1);
    expect(JSON.parse(told[0]!)).toMatchObject({ level: 'warn', status: 'degraded', livekit: 'unreachable' });
  });

  it('is 503 when the store is down, and the public answer names no dependency', async () => {
    const pg = startTempServer('postgres');
    cleanups.push(() => pg.destroy());
    const db = await openDb({ databaseUrl: pg.url });
    cleanups.push(() => db.close().catch(() => undefined));
    const app = await startTestApp({ db });
    cleanups.push(() => app.close());
    expect((await direct(app.url)).status).toBe(200);

    pg.stop();
    const down = await direct(app.url);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'not_ready', message: 'not ready', checks: { store: 'unreachable', redis: 'not_configured', livekit: 'not_configured' } });
    const pub = await publicly(app.url);
    expect(pub.status).toBe(503);
    const text = await pub.text();
    expect(JSON.parse(text)).toEqual({ status: 'not_ready' });
    expect(text).not.toMatch(/store|redis|livekit|postgres|checks/i);
  });
});
