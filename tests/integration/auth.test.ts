import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/httpClient';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD } from '../support/users';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ env: { LOGIN_MAX_FAILURES: '3' } });
  await createPeople(app);
});
afterAll(() => app.close());

describe('sign-in', () => {
  it('signs in with email and password, in any letter case, into an httpOnly SameSite cookie', async () => {
    const c = new ApiClient(app.url);
    const res = await c.signIn('Lawyer@Example.CA', PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: 'lawyer@example.ca', role: 'member', memberKind: 'lawyer', firstName: 'Lee' });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const setCookie = res.headers.getSetCookie().find((s) => s.startsWith('rm_sid='));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const session = await c.get('/api/auth/session');
    expect(session.body.user.email).toBe('lawyer@example.ca');
  });

  it('gives the cookie a lifetime (Max-Age), so a browser whose clock disagrees with the server keeps it', async () => {
    // The server's clock six years behind the real one, as a badly set clock would be: an Expires date from it
    // would already be past for the browser, which would drop the cookie at once.
    const behind = await startTestApp({ now: '2020-01-06T12:00:00Z' });
    try {
      await createPeople(behind);
      const c = new ApiClient(behind.url);
      const res = await c.signIn('lawyer@example.ca', PASSWORD);
      const setCookie = res.headers.getSetCookie().find((s) => s.startsWith('rm_sid='))!;
      expect(setCookie).toMatch(/Max-Age=43200(;|$)/); // SESSION_TTL_HOURS: 12
      const expires = Date.parse(/Expires=([^;]+)/i.exec(setCookie)![1]!);
      // Where an Expires date is sent too (for very old browsers), it is the real now plus that lifetime.
      expect(Math.abs(expires - (Date.now() + 43_200_000))).toBeLessThan(60_000);
      expect((await c.get('/api/auth/session')).body.user.email).toBe('lawyer@example.ca');
    } finally {
      await behind.close();
    }
  });

  it('stores only an argon2id hash of the password', async () => {
    const rows = await app.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE email = $1', [
      'lawyer@example.ca',
    ]);
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(rows[0]!.password_hash).not.toContain(PASSWORD);
  });

  it.each([
    ['a wrong password', 'lawyer@example.ca', 'not the password'],
    ['an unknown email', 'nobody@example.ca', PASSWORD],
  ])('refuses %s with the same 401', async (_label, email, password) => {
    const c = new ApiClient(app.url);
    const res = await c.signIn(email, password);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: 'That email and password do not match. Check them and try again.',
    });
  });

  it('signing out ends the session on the server, not only in the browser', async () => {
    const c = new ApiClient(app.url);
    await c.signIn('student@example.ca', PASSWORD);
    const stolen = c.cookie('rm_sid')!;
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    expect((await c.get('/api/auth/session')).body.user).toBeNull();
    const replay = new ApiClient(app.url);
    const res = await replay.request('GET', '/api/circles/next', { headers: { cookie: `rm_sid=${stolen}` } });
    expect(res.status).toBe(401);
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing request without the token', async () => {
    const c = new ApiClient(app.url);
    await c.get('/api/auth/session');
    const res = await c.post('/api/auth/login', { email: 'lawyer@example.ca', password: PASSWORD }, { csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF_REJECTED');
    expect(c.cookie('rm_sid')).toBeUndefined();
  });

  it('refuses a token from another browser session', async () => {
    const a = new ApiClient(app.url);
    await a.signIn('volunteer@example.ca', PASSWORD);
    const b = new ApiClient(app.url);
    await b.signIn('staff@example.ca', PASSWORD);
    b.csrfToken = a.csrfToken;
    const res = await b.post('/api/auth/invites', { role: 'volunteer' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF_REJECTED');
  });

  it('refuses a request from another origin even with a token', async () => {
    const c = new ApiClient(app.url);
    await c.signIn('staff@example.ca', PASSWORD);
    const res = await c.post('/api/auth/invites', { role: 'volunteer' }, { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF_REJECTED');
  });

  it('accepts our own origin', async () => {
    const c = new ApiClient(app.url);
    await c.signIn('staff@example.ca', PASSWORD);
    const res = await c.post('/api/auth/invites', { role: 'volunteer' }, { headers: { origin: app.url } });
    expect(res.status).toBe(201);
  });
});

describe('throttling', () => {
  it('blocks an email after repeated failures, even with the right password, and says what to do', async () => {
    const c = new ApiClient(app.url);
    for (let i = 0; i < 3; i++) expect((await c.signIn('student@example.ca', `wrong-${i}`)).status).toBe(401);
    const blocked = await c.signIn('student@example.ca', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_REQUESTS');
    expect(blocked.body.message).toMatch(/Wait \d+ minutes? and try again/);
    expect(blocked.body.data.retryAfterSeconds).toBeGreaterThan(0);
    // Another account from the same address is not locked out by someone else's mistakes.
    expect((await new ApiClient(app.url).signIn('lawyer@example.ca', PASSWORD)).status).toBe(200);
  });
});

describe('invites', () => {
  it('staff invite a member, who creates an account with the invited role and kind', async () => {
    const staff = new ApiClient(app.url);
    await staff.signIn('staff@example.ca', PASSWORD);
    const invite = await staff.post('/api/auth/invites', { role: 'member', memberKind: 'articling_student' });
    expect(invite.status).toBe(201);
    expect(invite.body.url).toBe(`${app.url}/invite/${invite.body.token}`);

    const newcomer = new ApiClient(app.url);
    await newcomer.get('/api/auth/session');
    const accepted = await newcomer.post('/api/auth/accept-invite', {
      token: invite.body.token,
      email: 'new.student@example.ca',
      firstName: 'Noor',
      password: 'a long enough passphrase',
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.user).toMatchObject({ role: 'member', memberKind: 'articling_student', firstName: 'Noor' });
    expect((await newcomer.get('/api/circles/next')).status).toBe(200);

    const again = new ApiClient(app.url);
    await again.get('/api/auth/session');
    const reused = await again.post('/api/auth/accept-invite', {
      token: invite.body.token,
      email: 'someone.else@example.ca',
      firstName: 'Eve',
      password: 'a long enough passphrase',
    });
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('INVITE_INVALID');
  });

  it('an invite link says whether it still works before anyone fills the form, naming nobody', async () => {
    const staff = new ApiClient(app.url);
    await staff.signIn('staff@example.ca', PASSWORD);
    const open = await staff.post('/api/auth/invites', { role: 'member', memberKind: 'lawyer' });
    const bound = await staff.post('/api/auth/invites', { role: 'volunteer', email: 'vic.bound@example.ca' });
    const visitor = new ApiClient(app.url);
    const status = (token: string) => visitor.get(`/api/auth/invites/${encodeURIComponent(token)}`);

    const fresh = await status(open.body.token);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('cache-control')).toBe('private, no-store');
    expect(fresh.body).toEqual({ usable: true, role: 'member', memberKind: 'lawyer', forOneEmail: false });
    expect((await status(bound.body.token)).body).toEqual({ usable: true, role: 'volunteer', memberKind: null, forOneEmail: true });
    expect(JSON.stringify((await status(bound.body.token)).body)).not.toContain('vic.bound');
    // Asking uses nothing up.
    expect((await status(open.body.token)).body.usable).toBe(true);

    // Made up, used, expired: all simply do not work; nonsense is a 400 naming the field.
    expect((await status('made-up-token-0123456789')).body).toEqual({ usable: false });
    await visitor.get('/api/auth/session');
    expect((await visitor.post('/api/auth/accept-invite', { token: open.body.token, email: 'ola@example.ca', firstName: 'Ola', password: PASSWORD })).status).toBe(201);
    expect((await status(open.body.token)).body).toEqual({ usable: false });
    const now = app.clock.now();
    try {
      app.clock.set(new Date(now.getTime() + 15 * 86_400_000)); // past the 14 days an invite lasts
      expect((await status(bound.body.token)).body).toEqual({ usable: false });
    } finally {
      app.clock.set(now);
    }
    const short = await status('short');
    expect(short.status).toBe(400);
    expect(short.body.code).toBe('VALIDATION_FAILED');
  });

  it.each([
    ['member', 'lawyer@example.ca', 403, 'FORBIDDEN'],
    ['volunteer', 'volunteer@example.ca', 403, 'FORBIDDEN'],
  ])('a %s cannot invite', async (_role, email, status, code) => {
    const c = new ApiClient(app.url);
    await c.signIn(email, PASSWORD);
    const res = await c.post('/api/auth/invites', { role: 'staff' });
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  });

  it('nobody signed in cannot invite', async () => {
    const c = new ApiClient(app.url);
    await c.get('/api/auth/session');
    const res = await c.post('/api/auth/invites', { role: 'staff' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('an invite for one email cannot be used with another, and is not used up by trying', async () => {
    const staff = new ApiClient(app.url);
    await staff.signIn('staff@example.ca', PASSWORD);
    const invite = await staff.post('/api/auth/invites', { role: 'volunteer', email: 'vera@example.ca' });
    const c = new ApiClient(app.url);
    await c.get('/api/auth/session');
    const body = { token: invite.body.token, firstName: 'Vera', password: 'a long enough passphrase' };
    expect((await c.post('/api/auth/accept-invite', { ...body, email: 'mallory@example.ca' })).body.code).toBe('INVITE_INVALID');
    const ok = await c.post('/api/auth/accept-invite', { ...body, email: 'vera@example.ca' });
    expect(ok.status).toBe(201);
    expect(ok.body.user.role).toBe('volunteer');
  });
});

describe('session lifetime', () => {
  it('slides forward with use and ends after the idle lifetime', async () => {
    const start = new Date('2026-11-30T15:00:00Z');
    app.clock.set(start);
    const c = new ApiClient(app.url);
    await c.signIn('volunteer@example.ca', PASSWORD);
    const later = (hours: number) => app.clock.set(new Date(start.getTime() + hours * 3600_000));
    // The idle lifetime is 12 hours; using the session at 11 h keeps it alive until 23 h.
    later(11);
    expect((await c.get('/api/auth/session')).body.user?.email).toBe('volunteer@example.ca');
    later(22);
    expect((await c.get('/api/auth/session')).body.user?.email).toBe('volunteer@example.ca');
    later(34.5);
    expect((await c.get('/api/auth/session')).body.user).toBeNull();
  });
});

describe('year of call', () => {
  it('a lawyer invited by staff can give a year of call; it is kept and shown back', async () => {
    const staff = new ApiClient(app.url);
    await staff.signIn('staff@example.ca', PASSWORD);
    const invite = await staff.post('/api/auth/invites', { role: 'member', memberKind: 'lawyer' });
    const c = new ApiClient(app.url);
    await c.get('/api/auth/session');
    const body = { token: invite.body.token, email: 'young.lawyer@example.ca', firstName: 'Yan', password: 'a long enough passphrase' };
    expect((await c.post('/api/auth/accept-invite', { ...body, yearOfCall: 1800 })).body.code).toBe('VALIDATION_FAILED');
    const ok = await c.post('/api/auth/accept-invite', { ...body, yearOfCall: 2024 });
    expect(ok.status).toBe(201);
    expect(ok.body.user).toMatchObject({ memberKind: 'lawyer', yearOfCall: 2024 });
  });
});
