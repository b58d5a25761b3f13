import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMedia } from '../../server/src/livekit/media';
import { schedulingRepository } from '../../server/src/scheduling/scheduling.repository';
import { ApiClient, signedInAs } from '../support/httpClient';
import { agreeToPledge } from '../support/pledge';
import { recordReadiness } from '../support/readiness';
import { IN_WINDOW, OUTSIDE_WINDOW, startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD, type People } from '../support/users';
import { startLocalLivekit, findLivekitBinary, type LocalLivekit } from '../../server/src/livekit/localLivekit';

/*
 * The app's clock is pinned (and moved) here to test the window's edges at instants written out by hand. That is
 * safe with the real livekit-server beside it: the token's nbf/exp come from livekit-server-sdk's own (real)
 * clock, these tests only verify tokens in-process, and LiveKit itself only answers the readiness call.
 */
let app: TestApp;
let people: People;
let livekit: LocalLivekit;

beforeAll(async () => {
  const bin = findLivekitBinary(process.env.LIVEKIT_BIN);
  if (!bin) throw new Error('livekit-server is needed: run infra/provision.sh (npm test does)');
  livekit = await startLocalLivekit({ bin });
  app = await startTestApp({ media: createMedia(livekit.connection), now: IN_WINDOW });
  people = await createPeople(app);
  await schedulingRepository(app.db).setTopic('rmcc', '2026-11-30', 'Returning from leave', null);
});
afterAll(async () => {
  await app.close();
  await livekit.stop();
});

const signedIn = (email: string) => signedInAs(app.url, email);

describe('the next circle', () => {
  it('is the Monday noon circle in Alberta time with its topic and window', async () => {
    app.clock.set(OUTSIDE_WINDOW);
    const res = await (await signedIn('lawyer@example.ca')).get('/api/circles/next');
    expect(res.status).toBe(200);
    expect(res.body.session).toEqual({
      id: 'rmcc_2026-11-30',
      seriesId: 'rmcc',
      title: 'Red Mug Coffee Circle',
      topic: 'Returning from leave',
      timezone: 'America/Edmonton',
      // Noon Alberta time, UTC−6 all year from 1 November 2026: written out from the rule, not recomputed.
      startsAt: '2026-11-30T18:00:00.000Z',
      endsAt: '2026-11-30T19:00:00.000Z',
      opensAt: '2026-11-30T17:50:00.000Z',
      wallClock: { startsAt: '2026-11-30T12:00', endsAt: '2026-11-30T13:00', opensAt: '2026-11-30T11:50' },
      isOpen: false,
      doors: 'upcoming',
      hosted: false,
      format: 'online',
      location: null,
      venue: null,
    });
    expect(res.body.alsoOpen).toEqual([]);
  });

  it('falls back to the series topic when a date has none', async () => {
    app.clock.set('2026-12-02T00:00:00Z');
    const res = await (await signedIn('lawyer@example.ca')).get('/api/circles/next');
    expect(res.body.session.id).toBe('rmcc_2026-12-07');
    expect(res.body.session.topic).toBe('Open conversation: what is on your mind this week?');
  });

  it('needs a signed-in user', async () => {
    const res = await new ApiClient(app.url).get('/api/circles/next');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });
});

describe('joining', () => {
  it.each([
    ['lawyer@example.ca', 'member', ''],
    ['student@example.ca', 'member', ''],
    ['volunteer@example.ca', 'volunteer', 'red-mug'],
    ['staff@example.ca', 'staff', ''],
  ])('%s gets a short-lived LiveKit token with an opaque identity and the server-set badge', async (email, role, badge) => {
    app.clock.set(IN_WINDOW);
    const c = await signedIn(email);
    const res = await c.post('/api/circles/sessions/rmcc_2026-11-30/join', { displayName: 'Chosen Name' });
    expect(res.status).toBe(200);
    expect(res.body.media.available).toBe(true);
    expect(res.body.media.serverUrl).toBe(livekit.connection.url);
    const claims = await new TokenVerifier(livekit.connection.apiKey, livekit.connection.apiSecret).verify(res.body.media.token);
    expect(claims.sub).toBe(res.body.identity);
    expect(claims.sub).toMatch(/^p_[A-Za-z0-9_-]{22}$/);
    const user = Object.values(people).find((p) => p.email === email)!;
    expect(claims.sub).not.toContain(user.id);
    expect(claims.sub).not.toContain(email.split('@')[0]);
    // LiveKit sees no name at all: tiles take names from the live participant list.
    expect(claims.name ?? '').toBe('');
    expect(JSON.stringify(claims)).not.toContain('Chosen Name');
    expect(claims.attributes).toEqual({ role, badge });
    expect(claims.video?.room).toMatch(/^r_/);
    expect(claims.video?.roomJoin).toBe(true);
    expect(claims.video?.canUpdateOwnMetadata).toBe(false);
    expect(claims.video?.roomAdmin).toBe(false);
    expect(claims.video?.roomRecord).toBe(false);
    expect(claims.exp! - claims.nbf!).toBeLessThanOrEqual(600);
  });

  it('gives everyone in one session the same room, and another session another', async () => {
    app.clock.set(IN_WINDOW);
    const verifier = new TokenVerifier(livekit.connection.apiKey, livekit.connection.apiSecret);
    const a = await (await signedIn('lawyer@example.ca')).post('/api/circles/sessions/rmcc_2026-11-30/join', { displayName: 'A' });
    const b = await (await signedIn('volunteer@example.ca')).post('/api/circles/sessions/rmcc_2026-11-30/join', { displayName: 'B' });
    const roomA = (await verifier.verify(a.body.media.token)).video?.room;
    expect((await verifier.verify(b.body.media.token)).video?.room).toBe(roomA);
    app.clock.set('2026-12-07T18:05:00Z');
    const later = await (await signedIn('lawyer@example.ca')).post('/api/circles/sessions/rmcc_2026-12-07/join', { displayName: 'A' });
    expect((await verifier.verify(later.body.media.token)).video?.room).not.toBe(roomA);
    expect(later.body.identity).not.toBe(a.body.identity);
  });

  it('outside the drop-in window is a 409 that says when the circle next opens', async () => {
    app.clock.set(OUTSIDE_WINDOW);
    const res = await (await signedIn('lawyer@example.ca')).post('/api/circles/sessions/rmcc_2026-11-30/join', {
      displayName: 'Lee',
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('OUTSIDE_WINDOW');
    expect(res.body.data).toEqual({
      opensAt: '2026-11-30T17:50:00.000Z',
      startsAt: '2026-11-30T18:00:00.000Z',
      opensAtLocal: '2026-11-30T11:50',
      nextSessionId: 'rmcc_2026-11-30',
    });
  });

  it('after the circle ends, the 409 points to next week', async () => {
    app.clock.set('2026-11-30T19:00:00Z');
    const res = await (await signedIn('lawyer@example.ca')).post('/api/circles/sessions/rmcc_2026-11-30/join', {
      displayName: 'Lee',
    });
    expect(res.status).toBe(409);
    expect(res.body.data.nextSessionId).toBe('rmcc_2026-12-07');
  });

  it('nobody signed in cannot join', async () => {
    app.clock.set(IN_WINDOW);
    const c = new ApiClient(app.url);
    await c.get('/api/auth/session');
    const res = await c.post('/api/circles/sessions/rmcc_2026-11-30/join', { displayName: 'X' });
    expect(res.status).toBe(401);
  });

  it('when LiveKit cannot be reached, joining still works and says audio/video is unavailable', async () => {
    app.clock.set(IN_WINDOW);
    const down = await startTestApp({
      media: createMedia({ url: 'ws://127.0.0.1:9', apiKey: 'k', apiSecret: 's'.repeat(32) }),
      now: IN_WINDOW,
    });
    try {
      const x = await down.services.auth.createUser({ email: 'x@example.ca', firstName: 'X', role: 'volunteer', memberKind: null, password: PASSWORD });
      await agreeToPledge(down, x!.id);
      await recordReadiness(down, x!.id);
      const c = new ApiClient(down.url);
      await c.signIn('x@example.ca', PASSWORD);
      const res = await c.post('/api/circles/sessions/rmcc_2026-11-30/join', { displayName: 'X' });
      expect(res.status).toBe(200);
      expect(res.body.media).toEqual({ available: false, message: expect.stringMatching(/^Audio and video are unavailable/) });
      // Circles carry on in text: ready, media degraded (tests/integration/readiness.test.ts).
      const ready = await fetch(`${down.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'degraded', checks: { livekit: 'unreachable' } });
    } finally {
      await down.close();
    }
  });
});

describe('health', () => {
  it('reports liveness and readiness as JSON', async () => {
    const live = await fetch(`${app.url}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', message: 'ready', checks: { store: 'ok', redis: 'not_configured', livekit: 'ok' } });
  });
});
