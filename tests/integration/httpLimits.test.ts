import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../support/httpClient';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople } from '../support/users';

/**
 * HTTP rate limits beyond sign-in (issue #17, item 9), and calendar feeds answered with ETags: requests for a
 * peer and invites are counted when they succeed, feeds per address on every request.
 */
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await createPeople(app);
});
afterAll(() => app.close());

const request = {
  category: 'workplace',
  details: 'Private details',
  organisation: 'A firm',
  preferences: {},
  contact: { method: 'email', email: 'lee.private@example.ca' },
};

describe('rate limits', () => {
  it('a member can ask for a peer ten times a day; a form sent back for a mistake does not count; the eleventh says when to try again', async () => {
    const lee = await signedInAs(app.url, 'lawyer@example.ca');
    expect((await lee.post('/api/matching/requests', { ...request, category: 'not a category' })).status).toBe(400);
    for (let i = 0; i < 10; i++) expect((await lee.post('/api/matching/requests', request)).status, `request ${i + 1}`).toBe(201);
    const refused = await lee.post('/api/matching/requests', request);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(refused.body.message).toMatch(/^Too many requests for a peer in a short time\. Try again in [\d,]+ minutes?\.$/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Someone else is not limited by Lee's requests.
    expect((await (await signedInAs(app.url, 'student@example.ca')).post('/api/matching/requests', request)).status).toBe(201);
  });

  it('staff make at most a hundred invites an hour', async () => {
    const staff = await signedInAs(app.url, 'staff@example.ca');
    for (let i = 0; i < 100; i++) expect((await staff.post('/api/auth/invites', { role: 'volunteer' })).status).toBe(201);
    expect((await staff.post('/api/auth/invites', { role: 'volunteer' })).status).toBe(429);
  });

  it('calendar feeds: 300 requests in ten minutes from one address, then 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 301; i++) statuses.push((await fetch(`${app.url}/api/scheduling/series/rmcc/feed.ics`)).status);
    expect(statuses.slice(0, 300).every((s) => s === 200)).toBe(true);
    expect(statuses[300]).toBe(429);
  });
});

describe('calendar feeds and ETags', () => {
  it('a feed carries a strong ETag, and a calendar app that has this version gets 304 with no body', async () => {
    const fresh = await startTestApp();
    try {
      const first = await fetch(`${fresh.url}/api/scheduling/series/rmcc/feed.ics`);
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      expect(first.headers.get('cache-control')).toBe('private, no-cache');
      const again = await fetch(`${fresh.url}/api/scheduling/series/rmcc/feed.ics`, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      const other = await fetch(`${fresh.url}/api/scheduling/series/rmcc/feed.ics`, { headers: { 'if-none-match': '"something else"' } });
      expect(other.status).toBe(200);
      expect(await other.text()).toBe(await first.text());
    } finally {
      await fresh.close();
    }
  });
});
