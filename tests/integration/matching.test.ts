import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateRequestBody, type PeerProfile } from '../../shared/schemas/matching';
import { entriesFor } from '../../server/src/audit/audit.repository';
import { ApiClient, signedInAs } from '../support/httpClient';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD, type People } from '../support/users';
import { recordReadiness } from '../support/readiness';

const NOW = '2026-11-26T17:00:00Z';
const SECRET_TEXT = 'my managing partner keeps shouting at me';

let app: TestApp;
let people: People;
let staff: ApiClient;
let lawyer: ApiClient;
let student: ApiClient;
let volunteer: ApiClient;
const volunteers: Record<string, { id: string; client: ApiClient }> = {};

const signedIn = (email: string) => signedInAs(app.url, email);

const baseProfile: PeerProfile = {
  practiceAreas: ['family'],
  region: 'edmonton',
  municipality: 'Edmonton',
  workRole: 'firm',
  yearOfCall: 2005,
  languages: ['English', 'French'],
  gender: 'Woman',
  diversity: [],
  livedExperience: ['returning_from_leave'],
  organisation: 'Other Firm LLP',
  capacity: 2,
  available: true,
  shown: ['practiceAreas', 'location', 'workRole', 'yearOfCall', 'languages', 'gender', 'diversity', 'livedExperience'],
};

const validRequest = {
  category: 'workplace',
  details: SECRET_TEXT,
  organisation: 'Smith & Jones LLP',
  preferences: { region: 'edmonton', practiceArea: 'family', language: 'French', livedExperience: ['returning_from_leave'] },
  contact: { method: 'email', email: 'lee.private@example.ca' },
};

async function count(table: string): Promise<number> {
  return (await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
}

beforeAll(async () => {
  app = await startTestApp({ now: NOW });
  people = await createPeople(app);
  [staff, lawyer, student, volunteer] = await Promise.all([
    signedIn('staff@example.ca'),
    signedIn('lawyer@example.ca'),
    signedIn('student@example.ca'),
    signedIn('volunteer@example.ca'),
  ]);
  // Four more volunteers, each set up to hit one rule: the best match, same firm, paused, at capacity.
  for (const [key, profile] of Object.entries<Partial<PeerProfile>>({
    best: {},
    sameFirm: { organisation: 'SMITH AND JONES' },
    paused: { available: false },
    full: { capacity: 0 },
  })) {
    const email = `${key.toLowerCase()}@example.ca`;
    const user = await app.services.auth.createUser({ email, firstName: key, role: 'volunteer', memberKind: null, password: PASSWORD });
    await recordReadiness(app, user!.id);
    const client = await signedIn(email);
    expect((await client.post('/api/matching/profile', { ...baseProfile, ...profile })).status).toBe(200);
    volunteers[key] = { id: user!.id, client };
  }
});
afterAll(() => app.close());

describe('authorization for every route and role', () => {
  const uuid = '00000000-0000-4000-8000-000000000000';
  const routes: Array<[string, string, unknown?]> = [
    ['POST', '/api/matching/requests', validRequest],
    ['GET', '/api/matching/requests/mine'],
    ['GET', '/api/matching/queue'],
    ['GET', `/api/matching/requests/${uuid}`],
    ['GET', `/api/matching/requests/${uuid}/suggestions`],
    ['POST', `/api/matching/requests/${uuid}/proposals`, { volunteerId: uuid }],
    ['POST', `/api/matching/matches/${uuid}/close`, { outcome: 'completed' }],
    ['GET', '/api/matching/stats'],
    ['GET', '/api/matching/profile'],
    ['POST', '/api/matching/profile', baseProfile],
    ['GET', '/api/matching/matches/mine'],
    ['POST', `/api/matching/matches/${uuid}/accept`],
    ['POST', `/api/matching/matches/${uuid}/decline`],
    ['POST', `/api/matching/matches/${uuid}/room`, { displayName: 'X' }],
    ['GET', '/api/matching/notices'],
  ];
  // allowed: the role gets past authorization (2xx, or 404 for the made-up id); otherwise 403.
  const allowed: Record<string, string[]> = {
    member: [
      'POST /api/matching/requests',
      'GET /api/matching/requests/mine',
      `POST /api/matching/matches/${uuid}/room`,
      'GET /api/matching/notices',
    ],
    volunteer: [
      'GET /api/matching/profile',
      'POST /api/matching/profile',
      'GET /api/matching/matches/mine',
      `POST /api/matching/matches/${uuid}/accept`,
      `POST /api/matching/matches/${uuid}/decline`,
      `POST /api/matching/matches/${uuid}/room`,
      'GET /api/matching/notices',
    ],
    staff: [
      'POST /api/matching/requests',
      'GET /api/matching/requests/mine',
      'GET /api/matching/queue',
      `GET /api/matching/requests/${uuid}`,
      `GET /api/matching/requests/${uuid}/suggestions`,
      `POST /api/matching/requests/${uuid}/proposals`,
      `POST /api/matching/matches/${uuid}/close`,
      'GET /api/matching/stats',
      `POST /api/matching/matches/${uuid}/room`,
      'GET /api/matching/notices',
    ],
  };

  it.each(routes)('%s %s: nobody signed in gets 401', async (method, path, body) => {
    const c = new ApiClient(app.url);
    await c.get('/api/auth/session');
    const res = await c.request(method, path, body === undefined ? {} : { json: body });
    expect(res.status).toBe(401);
  });

  for (const role of ['member', 'volunteer', 'staff'] as const) {
    it.each(routes)(`%s %s as ${role}`, async (method, path, body) => {
      const client = { member: lawyer, volunteer, staff }[role];
      const before = await count('support_requests');
      const res = await client.request(method, path, body === undefined ? {} : { json: body });
      if (allowed[role]!.includes(`${method} ${path}`)) {
        expect([200, 201, 404]).toContain(res.status);
      } else {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
        expect(await count('support_requests')).toBe(before);
      }
      // Clean up the requests the allowed POSTs made, so the flow below starts from an empty queue.
      if (res.status === 201 && path === '/api/matching/requests') {
        await app.db.query('DELETE FROM support_requests WHERE id = $1', [res.body.id]);
      }
    });
  }
});

describe('bad input changes nothing', () => {
  it.each<[string, unknown]>([
    ['unknown category', { ...validRequest, category: 'taxes' }],
    ['missing contact', { ...validRequest, contact: undefined }],
    ['email chosen but none given', { ...validRequest, contact: { method: 'email' } }],
    ['bad phone', { ...validRequest, contact: { method: 'phone', phone: 'call me' } }],
    ['unknown preference', { ...validRequest, preferences: { favouriteColour: 'red' } }],
    ['unknown region', { ...validRequest, preferences: { region: 'Mars' } }],
    ['unknown lived experience', { ...validRequest, preferences: { livedExperience: ['astronaut'] } }],
    ['markup in a word', { ...validRequest, preferences: { language: '<b>French</b>' } }],
    ['overlong details', { ...validRequest, details: 'x'.repeat(2001) }],
    ['extra field', { ...validRequest, status: 'matched' }],
  ])('request: %s → 400', async (_name, body) => {
    const before = await count('support_requests');
    const res = await lawyer.post('/api/matching/requests', body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(await count('support_requests')).toBe(before);
  });

  it.each<[string, unknown]>([
    ['capacity too high', { ...baseProfile, capacity: 11 }],
    ['year of call in the future', { ...baseProfile, yearOfCall: 2999 }],
    ['unknown work role', { ...baseProfile, workRole: 'judge' }],
    ['unknown shown field', { ...baseProfile, shown: ['email'] }],
    ['missing availability', { ...baseProfile, available: undefined }],
  ])('profile: %s → 400 and the profile is unchanged', async (_name, body) => {
    const before = (await volunteer.get('/api/matching/profile')).body;
    const res = await volunteer.post('/api/matching/profile', body);
    expect(res.status).toBe(400);
    expect((await volunteer.get('/api/matching/profile')).body).toEqual(before);
  });

  it('weights out of range or unknown → 400', async () => {
    const { body } = await lawyer.post('/api/matching/requests', validRequest);
    for (const q of ['language=11', 'language=-1', 'colour=3', 'language=abc']) {
      const res = await staff.get(`/api/matching/requests/${body.id}/suggestions?${q}`);
      expect(res.status).toBe(400);
    }
    await app.db.query('DELETE FROM support_requests WHERE id = $1', [body.id]);
  });

  it('a malformed id → 400', async () => {
    expect((await staff.get('/api/matching/requests/not-a-uuid')).status).toBe(400);
  });
});

describe('from intake to an accepted match', () => {
  let requestId: string;

  beforeAll(async () => {
    // The default volunteer: a weaker match that keeps language and lived experience private.
    const res = await volunteer.post('/api/matching/profile', { ...baseProfile, practiceAreas: ['tax'], shown: ['practiceAreas', 'location'] });
    expect(res.status).toBe(200);
  });

  it('a member submits a confidential request and sees only its status', async () => {
    const res = await lawyer.post('/api/matching/requests', validRequest);
    expect(res.status).toBe(201);
    requestId = res.body.id;
    const mine = await lawyer.get('/api/matching/requests/mine');
    expect(mine.body.requests).toEqual([
      { id: requestId, category: 'workplace', status: 'open', createdAt: NOW.replace('Z', '.000Z'), activeMatchId: null },
    ]);
    expect(JSON.stringify(mine.body)).not.toContain(SECRET_TEXT);
    // Another member sees none of it, and cannot read it directly.
    expect((await student.get('/api/matching/requests/mine')).body.requests).toEqual([]);
    expect((await student.get(`/api/matching/requests/${requestId}`)).status).toBe(403);
    expect((await lawyer.get(`/api/matching/requests/${requestId}`)).status).toBe(403);
    expect((await volunteer.get(`/api/matching/requests/${requestId}`)).status).toBe(403);
    expect((await lawyer.get('/api/matching/notices')).body.notices[0].kind).toBe('request_received');
  });

  it('staff see it in the queue with its waiting time', async () => {
    app.clock.set('2026-11-27T03:00:00Z'); // within the sign-in lifetime
    const q = await staff.get('/api/matching/queue');
    expect(q.status).toBe(200);
    expect(q.body.requests).toEqual([
      expect.objectContaining({ id: requestId, category: 'workplace', callerKind: 'lawyer', waitingHours: 10, pendingProposal: false }),
    ]);
    expect(JSON.stringify(q.body)).not.toContain(SECRET_TEXT);
  });

  it('staff read it, and the read is audited', async () => {
    const res = await staff.get(`/api/matching/requests/${requestId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ details: SECRET_TEXT, callerFirstName: 'Lee', contact: { email: 'lee.private@example.ca' } });
    const audit = await entriesFor(app.db, 'support_request', requestId);
    expect(audit).toEqual([expect.objectContaining({ actorId: people.staff.id, action: 'request.read' })]);
    // Nothing from the request reaches a log.
    expect(app.logLines.join('\n')).not.toContain(SECRET_TEXT);
    expect(app.logLines.join('\n')).not.toContain('lee.private');
  });

  it('staff get ranked suggestions with reasons and visible exclusions', async () => {
    const res = await staff.get(`/api/matching/requests/${requestId}/suggestions`);
    expect(res.status).toBe(200);
    const s = res.body.suggestions as Array<{ firstName: string; score: number; excluded: string[]; reasons: Array<{ criterion: string; outcome: string }> }>;
    expect(s.slice(0, 2).map((x) => [x.firstName, x.excluded])).toEqual([
      ['best', []],
      ['Val', []],
    ]);
    // The excluded follow, with their reasons (equal scores here, so their order is by id).
    expect(Object.fromEntries(s.slice(2).map((x) => [x.firstName, x.excluded]))).toEqual({
      full: ['at_capacity'],
      paused: ['paused'],
      sameFirm: ['same_organisation'],
    });
    expect(s[0]).toMatchObject({ score: 11, maxScore: 11 });
    expect(s[1]).toMatchObject({ score: 2, maxScore: 11 });
    const val = s[1]!;
    expect(val.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ criterion: 'practiceArea', outcome: 'mismatch' }),
        expect.objectContaining({ criterion: 'language', outcome: 'not_shared' }),
      ]),
    );
    const weighted = await staff.get(`/api/matching/requests/${requestId}/suggestions?language=10&location=0`);
    expect(weighted.body.weights).toMatchObject({ language: 10, location: 0 });
    expect(weighted.body.suggestions[0]).toMatchObject({ firstName: 'best', score: 16, maxScore: 16 });
    expect((await entriesFor(app.db, 'support_request', requestId)).map((e) => e.action)).toEqual([
      'request.read',
      'request.suggestions',
      'request.suggestions',
    ]);
  });

  it('an excluded volunteer cannot be proposed', async () => {
    for (const key of ['sameFirm', 'paused', 'full']) {
      const res = await staff.post(`/api/matching/requests/${requestId}/proposals`, { volunteerId: volunteers[key]!.id });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('CONFLICT');
    }
    expect((await staff.post(`/api/matching/requests/${requestId}/proposals`, { volunteerId: people.lawyer.id })).status).toBe(404);
  });

  it('says why in the reader\'s language: English, or French for a browser that asks for it', async () => {
    const propose = (headers: Record<string, string> = {}) =>
      staff.post(`/api/matching/requests/${requestId}/proposals`, { volunteerId: volunteers.sameFirm!.id }, { headers });
    const en = await propose();
    expect(en.body).toMatchObject({ code: 'CONFLICT', message: 'This volunteer cannot be proposed: same organisation.', data: { excluded: ['same_organisation'] } });
    const fr = await propose({ 'accept-language': 'fr-CA,fr;q=0.9' });
    expect(fr.status).toBe(409);
    expect(fr.body).toMatchObject({ code: 'CONFLICT', message: 'Cette personne bénévole ne peut pas être proposée : même organisation.', data: { excluded: ['same_organisation'] } });
    const volunteerOnly = await staff.request('GET', '/api/matching/profile', { headers: { 'accept-language': 'fr' } });
    expect(volunteerOnly.body).toMatchObject({ code: 'FORBIDDEN', message: 'Seule une personne bénévole peut faire ceci, pour son propre profil de pair et ses jumelages.' });
  });

  let matchId: string;
  it('staff propose; the volunteer sees the topic only and accepts; counts update', async () => {
    const best = volunteers.best!;
    const res = await staff.post(`/api/matching/requests/${requestId}/proposals`, { volunteerId: best.id });
    expect(res.status).toBe(201);
    matchId = res.body.id;
    // Only one live proposal per request.
    expect((await staff.post(`/api/matching/requests/${requestId}/proposals`, { volunteerId: people.volunteer.id })).status).toBe(409);

    const mine = await best.client.get('/api/matching/matches/mine');
    expect(mine.body.matches).toEqual([
      { id: matchId, status: 'proposed', category: 'workplace', callerKind: 'lawyer', proposedAt: expect.any(String) },
    ]);
    expect(JSON.stringify(mine.body)).not.toContain(SECRET_TEXT);
    expect((await best.client.get('/api/matching/notices')).body.notices[0].kind).toBe('match_proposed');

    // Another volunteer cannot answer it.
    expect((await volunteer.post(`/api/matching/matches/${matchId}/accept`)).status).toBe(404);

    expect((await best.client.post(`/api/matching/matches/${matchId}/accept`)).status).toBe(200);
    expect((await best.client.post(`/api/matching/matches/${matchId}/accept`)).status).toBe(409);

    const q = await staff.get('/api/matching/queue');
    expect(q.body.requests[0]).toMatchObject({ id: requestId, status: 'matched' });
    expect(q.body.activeMatches).toEqual([expect.objectContaining({ id: matchId, volunteerFirstName: 'best', status: 'active' })]);
    expect(q.body.volunteers.find((v: { firstName: string }) => v.firstName === 'best')).toMatchObject({ activeMatches: 1, capacity: 2 });

    const kinds = async (c: ApiClient) => (await c.get('/api/matching/notices')).body.notices.map((n: { kind: string }) => n.kind);
    expect(await kinds(lawyer)).toContain('match_active');
    expect(await kinds(staff)).toContain('match_accepted');

    const stats = await staff.get('/api/matching/stats');
    expect(stats.body).toMatchObject({ totalMatches: 1, matchesByYear: [{ year: 2026, count: 1 }], nextMilestone: 100, milestones: [] });
  });

  it('a declined proposal returns the request to the queue and the volunteer is then excluded', async () => {
    const second = await lawyer.post('/api/matching/requests', { ...validRequest, category: 'career' });
    const p = await staff.post(`/api/matching/requests/${second.body.id}/proposals`, { volunteerId: people.volunteer.id });
    expect((await volunteer.post(`/api/matching/matches/${p.body.id}/decline`)).status).toBe(200);
    // Audited: the volunteer declined a proposal for that request (ids only).
    expect(await app.db.query("SELECT actor_id, target_type, target_id FROM audit_log WHERE action = 'match.declined'")).toEqual([
      { actor_id: people.volunteer.id, target_type: 'support_request', target_id: second.body.id },
    ]);
    const s = await staff.get(`/api/matching/requests/${second.body.id}/suggestions`);
    expect(s.body.suggestions.find((x: { firstName: string }) => x.firstName === 'Val').excluded).toEqual(['already_declined']);
    expect((await staff.get(`/api/matching/requests/${second.body.id}`)).body.status).toBe('open');
  });

  it('staff close with an outcome; after the retention period the request is anonymised, the statistics stay', async () => {
    expect((await staff.post(`/api/matching/matches/${matchId}/close`, { outcome: 'finished' })).status).toBe(400);
    expect((await staff.post(`/api/matching/matches/${matchId}/close`, { outcome: 'completed' })).status).toBe(200);
    expect((await staff.post(`/api/matching/matches/${matchId}/close`, { outcome: 'completed' })).status).toBe(409);
    expect((await lawyer.get('/api/matching/requests/mine')).body.requests.find((r: { id: string }) => r.id === requestId).status).toBe('closed');

    app.clock.set('2027-11-26T20:00:00Z'); // under 365 days after closing: kept
    expect(await app.services.matching.applyRetention()).toBe(0);
    app.clock.set('2027-11-27T04:00:00Z'); // past 365 days
    expect(await app.services.matching.applyRetention()).toBe(1);
    expect(await app.services.matching.applyRetention()).toBe(0);
    [staff, lawyer] = await Promise.all([signedIn('staff@example.ca'), signedIn('lawyer@example.ca')]);

    const rows = await app.db.query<Record<string, unknown>>('SELECT * FROM support_requests WHERE id = $1', [requestId]);
    expect(rows[0]).toMatchObject({ details: '', organisation: null, requester_id: null, preferences: {}, contact: {}, category: 'workplace', caller_kind: 'lawyer' });
    // The member no longer sees it (the link is gone); staff still count it.
    expect((await lawyer.get('/api/matching/requests/mine')).body.requests.map((r: { id: string }) => r.id)).not.toContain(requestId);
    const stats = await staff.get('/api/matching/stats');
    expect(stats.body.totalMatches).toBe(1);
    expect(stats.body.totalRequests).toBe(2);
  });

  it('statistics withhold small cells', async () => {
    const stats = await staff.get('/api/matching/stats');
    expect(stats.body.threshold).toBe(5);
    const career = stats.body.byCategory.find((c: { key: string }) => c.key === 'career');
    expect(career).toEqual({ key: 'career', count: null, share: null, suppressed: true });
    expect(stats.body.byCategory.filter((c: { suppressed: boolean }) => c.suppressed).length).not.toBe(1);
  });
});

describe('milestones continue from the matches made before the platform', () => {
  it('the 400th match is celebrated when it is made here', async () => {
    const other = await startTestApp({ now: NOW, env: { MATCHES_BEFORE_PLATFORM: '399', STATS_SMALL_CELL_THRESHOLD: '1' } });
    try {
      const p = await createPeople(other);
      const m = other.services.matching;
      await m.saveProfile(p.volunteer, baseProfile);
      const before = await m.stats();
      expect(before).toMatchObject({ totalMatches: 399, matchesBeforePlatform: 399, nextMilestone: 400 });
      expect(before.milestones.map((x) => [x.count, x.reachedAt])).toEqual([
        [100, null],
        [200, null],
        [300, null],
      ]);
      const { id } = await m.createRequest(p.student, CreateRequestBody.parse({ ...validRequest, category: 'articling', preferences: {} }));
      const match = await m.propose(p.staff, id, p.volunteer.id);
      await m.respond(p.volunteer, match.id, true);
      const after = await m.stats();
      expect(after).toMatchObject({ totalMatches: 400, nextMilestone: 500, matchesByYear: [{ year: 2026, count: 1 }] });
      expect(after.milestones.at(-1)).toEqual({ count: 400, reachedAt: '2026-11-26T17:00:00.000Z' });
      // A threshold of 1 withholds nothing.
      expect(after.byCallerKind.find((c) => c.key === 'articling_student')).toMatchObject({ count: 1, share: 100, suppressed: false });
    } finally {
      await other.close();
    }
  });
});
