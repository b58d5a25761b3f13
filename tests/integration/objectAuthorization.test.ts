import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeerProfile } from '../../shared/schemas/matching';
import { ApiClient, signedInAs } from '../support/httpClient';
import { agreeToPledge } from '../support/pledge';
import { recordReadiness } from '../support/readiness';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD, type People } from '../support/users';

/**
 * Authorization down to the object (issue #17, item 11): the route matrix checks roles with made-up ids; here
 * there are real objects, each someone's own — a request for a peer, a proposed match, an active match and its
 * private room, a personal calendar feed, an in-person circle's headcount — and everyone else gets a refusal (403 or 404, never the object).
 */
let app: TestApp;
let people: People;
const as: Record<string, ApiClient> = {};
let requestId: string;
let proposedId: string;
let activeId: string;
let feedUrl: string;

const profile: PeerProfile = {
  practiceAreas: ['family'],
  region: 'edmonton',
  municipality: 'Edmonton',
  workRole: 'firm',
  yearOfCall: 2005,
  languages: ['English'],
  gender: undefined,
  diversity: [],
  livedExperience: [],
  organisation: 'Other Firm LLP',
  capacity: 2,
  available: true,
  shown: ['practiceAreas', 'location'],
};

beforeAll(async () => {
  app = await startTestApp();
  people = await createPeople(app);
  const bea = await app.services.auth.createUser({ email: 'bea@example.ca', firstName: 'Bea', role: 'volunteer', memberKind: null, password: PASSWORD });
  await app.services.auth.createUser({ email: 'ada@example.ca', firstName: 'Ada', role: 'auditor', memberKind: null, password: PASSWORD });
  await agreeToPledge(app, bea!.id);
  await recordReadiness(app, bea!.id);
  for (const [who, email] of Object.entries({ lee: 'lawyer@example.ca', sam: 'student@example.ca', val: 'volunteer@example.ca', bea: 'bea@example.ca', staff: 'staff@example.ca', ada: 'ada@example.ca' })) {
    as[who] = await signedInAs(app.url, email);
  }
  as.anonymous = new ApiClient(app.url);
  await as.anonymous.get('/api/auth/session');
  for (const v of ['val', 'bea']) expect((await as[v]!.post('/api/matching/profile', profile)).status).toBe(200);

  // Lee's request; Val proposed and accepts (active); a second request of Lee's proposed to Bea, not yet answered.
  const request = { category: 'workplace', details: 'Only for staff', organisation: 'A firm', preferences: {}, contact: { method: 'email', email: 'lee@private.example' } };
  requestId = (await as.lee!.post('/api/matching/requests', request)).body.id;
  activeId = (await as.staff!.post(`/api/matching/requests/${requestId}/proposals`, { volunteerId: people.volunteer.id })).body.id;
  expect((await as.val!.post(`/api/matching/matches/${activeId}/accept`)).status).toBe(200);
  const second = (await as.lee!.post('/api/matching/requests', { ...request, category: 'career' })).body.id;
  proposedId = (await as.staff!.post(`/api/matching/requests/${second}/proposals`, { volunteerId: bea!.id })).body.id;
  feedUrl = new URL((await as.lee!.post('/api/scheduling/feed/rotate')).body.url).pathname;
});
afterAll(() => app.close());

const refused = (status: number) => [401, 403, 404].includes(status);

describe('objects someone else owns', () => {
  it("a request for a peer: staff read it; nobody else, not even its owner's peers", async () => {
    expect((await as.staff!.get(`/api/matching/requests/${requestId}`)).status).toBe(200);
    for (const who of ['anonymous', 'sam', 'val', 'bea', 'ada']) {
      const res = await as[who]!.get(`/api/matching/requests/${requestId}`);
      expect(refused(res.status), `${who}: ${res.status}`).toBe(true);
      expect(JSON.stringify(res.body)).not.toContain('Only for staff');
    }
  });

  it('a proposed match: only the volunteer it was proposed to can answer it', async () => {
    for (const who of ['anonymous', 'lee', 'sam', 'val', 'ada']) {
      for (const answer of ['accept', 'decline']) {
        const res = await as[who]!.post(`/api/matching/matches/${proposedId}/${answer}`);
        expect(refused(res.status), `${who} ${answer}: ${res.status}`).toBe(true);
      }
    }
    expect((await as.bea!.post(`/api/matching/matches/${proposedId}/decline`)).status).toBe(200);
  });

  it('an active match: only its two people get into its private room, with its key', async () => {
    for (const who of ['lee', 'val']) expect((await as[who]!.post(`/api/matching/matches/${activeId}/room`, { displayName: 'Me' })).status, who).toBe(200);
    for (const who of ['anonymous', 'sam', 'bea', 'staff', 'ada']) {
      const res = await as[who]!.post(`/api/matching/matches/${activeId}/room`, { displayName: 'Me' });
      expect(refused(res.status), `${who}: ${res.status}`).toBe(true);
      expect(res.body?.e2ee ?? null).toBeNull();
    }
  });

  it("an in-person circle's headcount: its rostered host and staff record it; another volunteer, a member or an auditor never", async () => {
    // The app's clock is 12:05 Alberta time on Mon 30 Nov 2026: this pop-up has started.
    const made = await as.staff!.post('/api/scheduling/popups', {
      title: 'In person',
      date: '2026-11-30',
      format: 'in_person',
      location: 'Edmonton',
      venue: { address: '1 Main St, Edmonton' },
      hostId: people.volunteer.id,
    });
    expect(made.status).toBe(201);
    const path = `/api/headcounts/${made.body.id}`;
    for (const who of ['anonymous', 'lee', 'sam', 'bea', 'ada']) {
      const res = await as[who]!.post(path, { total: 7 });
      expect(refused(res.status), `${who}: ${res.status}`).toBe(true);
      const list = await as[who]!.get('/api/headcounts');
      expect(JSON.stringify(list.body ?? null)).not.toContain(made.body.id);
    }
    expect(await app.db.query('SELECT 1 FROM inperson_headcounts WHERE session_id = $1', [made.body.id])).toEqual([]);
    for (const who of ['val', 'staff']) expect((await as[who]!.post(path, { total: 7 })).status, who).toBe(200);
  });

  it("a personal feed: its secret URL is the credential; once rotated, the old one answers 404 to anyone", async () => {
    expect((await fetch(`${app.url}${feedUrl}`)).status).toBe(200);
    const rotated = new URL((await as.lee!.post('/api/scheduling/feed/rotate')).body.url).pathname;
    expect((await fetch(`${app.url}${feedUrl}`)).status).toBe(404);
    expect((await fetch(`${app.url}${rotated}`)).status).toBe(200);
    // Another person's feed is theirs: Sam's rotation never touches Lee's.
    await as.sam!.post('/api/scheduling/feed/rotate');
    expect((await fetch(`${app.url}${rotated}`)).status).toBe(200);
  });
});
