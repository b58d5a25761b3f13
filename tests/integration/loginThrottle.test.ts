import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config';
import { ApiClient, signedInAs } from '../support/httpClient';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD, type People } from '../support/users';

/**
 * Sign-in throttling behind a proxy (issue #17, item 1): the app believes exactly one proxy hop, counts attempts
 * before checking the password (so parallel guesses count), and locks an account tried from many addresses —
 * with a plain message for its owner, and staff able to unlock it.
 */
let app: TestApp;
let people: People;

beforeAll(async () => {
  app = await startTestApp({ env: { LOGIN_MAX_FAILURES: '5', TRUST_PROXY: '1' } });
  people = await createPeople(app);
});
afterAll(() => app.close());

/** A sign-in as if through the proxy from `address` (the one hop the app believes sets X-Forwarded-For). */
async function signInFrom(address: string, email: string, password: string) {
  const c = new ApiClient(app.url);
  await c.get('/api/auth/session');
  return c.post('/api/auth/login', { email, password }, { headers: { 'x-forwarded-for': address } });
}

describe('sign-in throttling behind the proxy', () => {
  it('TRUST_PROXY=true is refused at start, saying what to give instead', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', TRUST_PROXY: 'true' })).toThrow(/number of proxy hops/);
    expect(loadConfig({ NODE_ENV: 'test', TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ NODE_ENV: 'test', TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8']);
    expect(loadConfig({ NODE_ENV: 'test' }).trustProxy).toBe(false);
  });

  it('50 wrong passwords for one account from 50 addresses are stopped after the account limit; its owner is told plainly and staff unlock it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) statuses.push((await signInFrom(`203.0.113.${i + 1}`, 'student@example.ca', `guess-${i}`)).status);
    // Two people's allowance (2 × 5) reach the password check; every later try is refused before it.
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);

    // The owner, from their own address, with the right password: locked too, and told what to do.
    const owner = await signInFrom('198.51.100.7', 'student@example.ca', PASSWORD);
    expect(owner.status).toBe(429);
    expect(owner.body.message).toMatch(/^This account is locked for \d+ minutes? after many failed sign-ins\. Reset your password with "Forgot password\?", or ask staff to unlock it\.$/);
    // Another account is untouched.
    expect((await signInFrom('203.0.113.99', 'lawyer@example.ca', PASSWORD)).status).toBe(200);

    // Staff unlock it (audited, ids only), and the owner is in.
    const staff = await signedInAs(app.url, 'staff@example.ca');
    expect((await staff.post(`/api/people/${people.student.id}/unlock-sign-in`)).status).toBe(200);
    expect((await signInFrom('198.51.100.7', 'student@example.ca', PASSWORD)).status).toBe(200);
    const audit = await app.db.query<{ action: string; target_id: string }>("SELECT action, target_id FROM audit_log WHERE action = 'user.sign_in_unlock'");
    expect(audit).toEqual([{ action: 'user.sign_in_unlock', target_id: people.student.id }]);
    // A member cannot unlock anyone.
    const member = await signedInAs(app.url, 'lawyer@example.ca');
    expect((await member.post(`/api/people/${people.student.id}/unlock-sign-in`)).status).toBe(403);
  });

  it('20 wrong passwords at once from one address count 20: only the allowance reaches the password check', async () => {
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => signInFrom('192.0.2.50', 'volunteer@example.ca', `parallel-${i}`)));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });
});
