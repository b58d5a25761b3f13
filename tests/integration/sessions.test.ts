import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createMedia } from '../../server/src/livekit/media';
import { connectRedis } from '../../server/src/redis';
import { openDb } from '../../server/src/store/db';
import { ApiClient } from '../support/httpClient';
import { openCircleNow } from '../support/openCircles';
import { command, connectSocket, expectOk, raw, type ClientSocket } from '../support/sockets';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD } from '../support/users';

/** Sessions end for sockets too: sign-out and expiry close a person's sockets; cookies are Secure behind TLS. */
const opened: TestApp[] = [];
const sockets: ClientSocket[] = [];
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await Promise.all(opened.map((a) => a.close()));
});

async function start(opts: Parameters<typeof startTestApp>[0] = {}) {
  const app = await startTestApp(opts);
  opened.push(app);
  await createPeople(app);
  return app;
}
async function signedInSocket(app: TestApp, email: string) {
  const http = new ApiClient(app.url);
  expect((await http.signIn(email, PASSWORD)).status).toBe(200);
  const socket = await connectSocket(app.url, http.cookie('rm_sid'));
  sockets.push(socket);
  return { http, socket };
}
const disconnected = (s: ClientSocket) => new Promise<string>((resolve) => s.once('disconnect', (reason) => resolve(reason)));

describe('sign-out and expiry reach open sockets', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await start({ now: new Date().toISOString(), env: { SESSION_TTL_HOURS: '1', SESSION_RECHECK_SECONDS: '0.05' } });
  });

  it('signing out disconnects every socket of that person at once, and nobody else’s', async () => {
    const sessionId = await openCircleNow(app.db, 'signout', 'Sign-out');
    const a = await signedInSocket(app, 'lawyer@example.ca');
    const second = await connectSocket(app.url, a.http.cookie('rm_sid'));
    sockets.push(second);
    const other = await signedInSocket(app, 'student@example.ca');
    expectOk(await command(a.socket, 'circle:join', { sessionId, displayName: 'Lee' }));
    const gone = Promise.all([disconnected(a.socket), disconnected(second)]);
    expect((await a.http.post('/api/auth/logout')).status).toBe(200);
    expect(await gone).toEqual(['io server disconnect', 'io server disconnect']);
    expect(other.socket.connected).toBe(true);
    // And the old cookie opens no new socket.
    await expect(connectSocket(app.url, a.http.cookie('rm_sid') ?? 'gone')).rejects.toThrow(/UNAUTHENTICATED/);
  });

  it('the sweep closes an idle socket whose session ended elsewhere, and leaves everyone else connected', async () => {
    const ended = await signedInSocket(app, 'lawyer@example.ca');
    const others = await Promise.all(['student@example.ca', 'volunteer@example.ca'].map((e) => signedInSocket(app, e)));
    const gone = disconnected(ended.socket);
    // Ended without a sign-out request (as by the expiry job or a database restore): only the sweep can notice.
    await app.db.query("DELETE FROM auth_sessions WHERE user_id = (SELECT id FROM users WHERE email = 'lawyer@example.ca')");
    expect(await gone).toBe('io server disconnect');
    // The same sweep checked the others: they are still connected, and still answered.
    for (const o of others) {
      expect(o.socket.connected).toBe(true);
      expect(await raw(o.socket, 'circle:leave', {})).toMatchObject({ ok: false, code: 'NOT_IN_CIRCLE' });
    }
  });

  it('an expired session loses its socket within the recheck interval, whether it sends commands or sits idle', async () => {
    const busy = await signedInSocket(app, 'volunteer@example.ca');
    const idle = await signedInSocket(app, 'staff@example.ca');
    const gone = Promise.all([disconnected(busy.socket), disconnected(idle.socket)]);
    let closed = false;
    void gone.then(() => (closed = true));
    const started = Date.now();
    app.clock.set(new Date(app.clock.now().getTime() + 2 * 3_600_000));
    // Commands sent after expiry are only ever refused (typed), and the socket closes soon after.
    const acks: unknown[] = [];
    while (!closed && busy.socket.connected) {
      const ack = await Promise.race([raw(busy.socket, 'hand:raise', {}).catch(() => null), gone.then(() => null)]);
      if (ack) acks.push(ack);
    }
    expect(await gone).toEqual(['io server disconnect', 'io server disconnect']);
    expect(Date.now() - started).toBeLessThan(1_000);
    for (const ack of acks) expect(ack).toMatchObject({ ok: false, code: expect.any(String) });
  });
});

describe('behind TLS', () => {
  it('cookies are __Host- and Secure, HSTS is on, and the CSP allows only us and LiveKit', async () => {
    const media = createMedia({ url: 'wss://media.example.ca', apiKey: 'key', apiSecret: 'a-livekit-secret-that-is-long-enough-0123' });
    const app = await start({ env: { PUBLIC_URL: 'https://circle.example.ca' }, media });
    const http = new ApiClient(app.url);
    const session = await http.get('/api/auth/session');
    const res = await http.request('POST', '/api/auth/login', {
      json: { email: 'lawyer@example.ca', password: PASSWORD },
      headers: { cookie: session.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') },
    });
    expect(res.status).toBe(200);
    const cookies = res.headers.getSetCookie();
    const sid = cookies.find((c) => c.startsWith('__Host-rm_sid='));
    expect(sid).toMatch(/; Secure/i);
    expect(sid).toMatch(/; HttpOnly/i);
    expect(sid).toMatch(/; Path=\//i);
    expect(sid).not.toMatch(/Domain=/i);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    const csp = res.headers.get('content-security-policy') ?? '';
    const connect = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('connect-src'));
    expect(connect).toBe("connect-src 'self' wss://media.example.ca https://media.example.ca");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("object-src 'none'");
  });
});

describe('sign-in lockout shared through Redis', () => {
  it('failures counted on one instance lock the account on another', async () => {
    const redisUrl = inject('redisUrl');
    const redis = await connectRedis(redisUrl);
    for (const key of await redis.keys('rm:login_*')) await redis.del(key);
    const [a, b] = await Promise.all([
      start({ redis, db: await openDb({ memory: true }) }),
      start({ redis, db: await openDb({ memory: true }) }),
    ]);
    const onA = new ApiClient(a.url);
    for (let i = 0; i < 5; i++) expect((await onA.signIn('student@example.ca', `wrong-${i}`)).status).toBe(401);
    const onB = await new ApiClient(b.url).signIn('student@example.ca', PASSWORD);
    expect(onB.status).toBe(429);
    expect(onB.body.code).toBe('TOO_MANY_REQUESTS');
    for (const key of await redis.keys('rm:login_*')) await redis.del(key);
    await Promise.all([a.close(), b.close()]);
    opened.splice(opened.indexOf(a), 1);
    opened.splice(opened.indexOf(b), 1);
    redis.destroy();
  });
});
