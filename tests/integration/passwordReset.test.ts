import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLogResponse } from '../../shared/schemas/reports';
import { ApiClient, signedInAs } from '../support/httpClient';
import { mailText, startSmtpServer, type SmtpServer } from '../support/smtpServer';
import { connectSocket } from '../support/sockets';
import { IN_WINDOW, startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD, type People } from '../support/users';

/** Issue #16: "Forgot password?" — no enumeration, rate-limited, single-use expiring links, by e-mail or by staff. */
const NEW_PASSWORD = 'a brand new passphrase for lee';
const NOBODY = 'nobody.here@example.ca';

const request = (c: ApiClient, email: string) => c.post('/api/auth/password-reset', { email });
const tokenOf = (url: string) => new URL(url).pathname.replace('/reset-password/', '');

describe('without e-mail: staff serve the request', () => {
  let app: TestApp;
  let people: People;
  let staff: ApiClient;
  beforeAll(async () => {
    app = await startTestApp({ now: IN_WINDOW });
    people = await createPeople(app);
    staff = await signedInAs(app.url, 'staff@example.ca');
  });
  afterAll(() => app.close());

  it('answers the same whether or not an account uses the address, and only a real account waits for staff', async () => {
    const anon = new ApiClient(app.url);
    await anon.get('/api/auth/session');
    const known = await request(anon, 'Lawyer@Example.ca');
    const unknown = await request(anon, NOBODY);
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expect(known.body.message).toMatch(/^If an account uses this address/);
    // Asking twice queues the person once.
    expect((await request(anon, 'lawyer@example.ca')).status).toBe(202);
    const pending = await staff.get('/api/auth/password-resets');
    expect(pending.status).toBe(200);
    expect(pending.body.requests).toEqual([
      { userId: people.lawyer.id, firstName: 'Lee', email: 'lawyer@example.ca', requestedAt: new Date(IN_WINDOW).toISOString() },
    ]);
    // Nothing identifying reaches the log.
    for (const l of app.logLines) expect(l).not.toMatch(/lawyer@|nobody\.here/);
  });

  it('staff make a single-use link; using it sets the password, ends every session and closes the sockets', async () => {
    const lee = await signedInAs(app.url, 'lawyer@example.ca');
    const socket = await connectSocket(app.url, lee.cookie('rm_sid'));
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));

    const issued = await staff.post('/api/auth/password-resets', { userId: people.lawyer.id });
    expect(issued.status).toBe(201);
    expect(issued.headers.get('cache-control')).toBe('private, no-store');
    const token = tokenOf(issued.body.url);
    expect(issued.body.url).toBe(`${app.url}/reset-password/${token}`);
    expect(Date.parse(issued.body.expiresAt) - Date.parse(IN_WINDOW)).toBe(60 * 60_000);
    // The request is served, and only the token's hash is kept.
    expect((await staff.get('/api/auth/password-resets')).body.requests).toEqual([]);
    const stored = JSON.stringify(await app.db.query('SELECT * FROM password_resets'));
    expect(stored).not.toContain(token);

    const anon = new ApiClient(app.url);
    await anon.get('/api/auth/session');
    expect((await anon.get(`/api/auth/password-reset/${token}`)).body).toEqual({ usable: true });
    const short = await anon.post('/api/auth/password-reset/complete', { token, password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.details[0].path).toBe('password');
    const done = await anon.post('/api/auth/password-reset/complete', { token, password: NEW_PASSWORD });
    expect(done.status).toBe(200);
    expect(done.body.user).toBeNull();

    expect(await closed).toBeTruthy();
    expect((await lee.get('/api/auth/session')).body.user).toBeNull();
    expect((await new ApiClient(app.url).signIn('lawyer@example.ca', PASSWORD)).status).toBe(401);
    expect((await new ApiClient(app.url).signIn('lawyer@example.ca', NEW_PASSWORD)).status).toBe(200);

    // Once only.
    const again = await anon.post('/api/auth/password-reset/complete', { token, password: 'yet another passphrase' });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('RESET_INVALID');
    expect((await anon.get(`/api/auth/password-reset/${token}`)).body).toEqual({ usable: false });
    expect((await new ApiClient(app.url).signIn('lawyer@example.ca', NEW_PASSWORD)).status).toBe(200);

    // Audited with ids only: staff made the link, and the reset names them as its actor, never Lee.
    const audit = AuditLogResponse.parse((await staff.get('/api/reports/audit')).body);
    const resets = audit.entries.filter((e) => e.action.startsWith('user.password_reset'));
    expect(resets.map((e) => [e.action, e.actorName, e.targetId])).toEqual([
      ['user.password_reset', 'Sasha', people.lawyer.id],
      ['user.password_reset_link', 'Sasha', people.lawyer.id],
    ]);
    expect(JSON.stringify(resets)).not.toMatch(/Lee|lawyer@/);
  });

  it('a link stops working after an hour, and a new password makes older links useless', async () => {
    const first = tokenOf((await staff.post('/api/auth/password-resets', { userId: people.student.id })).body.url);
    const second = tokenOf((await staff.post('/api/auth/password-resets', { userId: people.student.id })).body.url);
    const anon = new ApiClient(app.url);
    await anon.get('/api/auth/session');
    app.clock.set(new Date(Date.parse(IN_WINDOW) + 59 * 60_000));
    expect((await anon.get(`/api/auth/password-reset/${first}`)).body).toEqual({ usable: true });
    expect((await anon.post('/api/auth/password-reset/complete', { token: second, password: NEW_PASSWORD })).status).toBe(200);
    // Used up by the other link's reset.
    expect((await anon.get(`/api/auth/password-reset/${first}`)).body).toEqual({ usable: false });

    const late = tokenOf((await staff.post('/api/auth/password-resets', { userId: people.student.id })).body.url);
    app.clock.set(new Date(Date.parse(IN_WINDOW) + 59 * 60_000 + 61 * 60_000));
    expect((await anon.get(`/api/auth/password-reset/${late}`)).body).toEqual({ usable: false });
    const expired = await anon.post('/api/auth/password-reset/complete', { token: late, password: 'too late a passphrase' });
    expect(expired.status).toBe(400);
    expect(expired.body.code).toBe('RESET_INVALID');
    expect((await new ApiClient(app.url).signIn('student@example.ca', NEW_PASSWORD)).status).toBe(200);
    app.clock.set(IN_WINDOW);
  });

  it('validates every body, refuses made-up tokens and unknown accounts, and is staff-only where it names people', async () => {
    const anon = new ApiClient(app.url);
    await anon.get('/api/auth/session');
    for (const body of [{}, { email: 'not an email' }, { email: 'lawyer@example.ca', extra: 1 }]) {
      const res = await anon.post('/api/auth/password-reset', body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    const madeUp = await anon.post('/api/auth/password-reset/complete', { token: 'x'.repeat(43), password: NEW_PASSWORD });
    expect(madeUp.body.code).toBe('RESET_INVALID');
    expect((await staff.post('/api/auth/password-resets', { userId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect((await staff.post('/api/auth/password-resets', { userId: 'me' })).status).toBe(400);
    const volunteer = await signedInAs(app.url, 'volunteer@example.ca');
    expect((await volunteer.get('/api/auth/password-resets')).status).toBe(403);
    expect((await volunteer.post('/api/auth/password-resets', { userId: people.lawyer.id })).status).toBe(403);
    expect((await anon.get('/api/auth/password-resets')).status).toBe(401);
  });
});

describe('rate limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ now: IN_WINDOW });
    await createPeople(app);
  });
  afterAll(() => app.close());

  it('refuses a fourth request for one address within the hour, for an account and for nobody alike', async () => {
    const anon = new ApiClient(app.url);
    await anon.get('/api/auth/session');
    for (const email of ['lawyer@example.ca', NOBODY]) {
      for (let i = 0; i < 3; i++) expect((await request(anon, email)).status).toBe(202);
      const refused = await request(anon, email);
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
      expect(refused.body.data.retryAfterSeconds).toBeGreaterThan(0);
    }
    // Another address from the same place still gets its answer.
    expect((await request(anon, 'student@example.ca')).status).toBe(202);
  });
});

describe('with e-mail: the link goes to the address, by a real SMTP server', () => {
  let smtp: SmtpServer;
  let app: TestApp;
  let people: People;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await startTestApp({
      now: IN_WINDOW,
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Red Mug <no-reply@redmug.example.org>', PUBLIC_URL: 'https://redmug.example.org' },
    });
    people = await createPeople(app);
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it('mails a working link to the account, nothing for an unknown address, the same answer for both', async () => {
    const anon = new ApiClient(app.url);
    await anon.get('/api/auth/session');
    // The unknown address first: nothing is sent for it, so the one message that arrives is the account's.
    const unknown = await request(anon, NOBODY);
    const lee = await signedInAs(app.url, 'lawyer@example.ca');
    const known = await anon.request('POST', '/api/auth/password-reset', { json: { email: 'lawyer@example.ca' }, headers: { origin: 'https://redmug.example.org' } });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);

    await expect.poll(() => smtp.received.length, { timeout: 10_000 }).toBe(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['lawyer@example.ca']);
    expect(mail.from).toBe('no-reply@redmug.example.org');
    const text = mailText(mail);
    expect(text).toMatch(/^Subject: Reset your Red Mug password$/m);
    const link = /https:\/\/redmug\.example\.org\/reset-password\/([A-Za-z0-9_-]{43})/.exec(text);
    expect(link).not.toBeNull();
    // Staff have nothing to do: the link went by e-mail.
    const staff = await signedInAs(app.url, 'staff@example.ca');
    expect((await staff.get('/api/auth/password-resets')).body.requests).toEqual([]);

    const done = await anon.request('POST', '/api/auth/password-reset/complete', {
      json: { token: link![1], password: NEW_PASSWORD },
      headers: { origin: 'https://redmug.example.org' },
    });
    expect(done.status).toBe(200);
    expect((await lee.get('/api/auth/session')).body.user).toBeNull();
    expect((await new ApiClient(app.url).signIn('lawyer@example.ca', NEW_PASSWORD)).status).toBe(200);
    const audit = AuditLogResponse.parse((await staff.get('/api/reports/audit?action=user.password_reset')).body);
    // By e-mail nobody on staff acted.
    expect(audit.entries.map((e) => [e.actorName, e.targetId])).toEqual([[null, people.lawyer.id]]);
    for (const l of app.logLines) expect(l).not.toMatch(/lawyer@|reset-password\//);
  });
});

describe('when the e-mail cannot go out', () => {
  it('the request waits for staff instead, and the log names nobody', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const app = await startTestApp({ now: IN_WINDOW, env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
    try {
      const people = await createPeople(app);
      const anon = new ApiClient(app.url);
      await anon.get('/api/auth/session');
      expect((await request(anon, 'student@example.ca')).status).toBe(202);
      const staff = await signedInAs(app.url, 'staff@example.ca');
      await expect
        .poll(async () => (await staff.get('/api/auth/password-resets')).body.requests.map((r: { userId: string }) => r.userId), { timeout: 10_000 })
        .toEqual([people.student.id]);
      expect(app.logLines.some((l) => l.includes('auth.reset_mail_failed'))).toBe(true);
      for (const l of app.logLines) expect(l).not.toContain('student@');
    } finally {
      await app.close();
    }
  });
});
