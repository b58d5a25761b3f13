import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomesCsv } from '../../shared/outcomesCsv';
import type { PublicUser } from '../../shared/schemas/auth';
import { CreateRequestBody, type PeerProfile, type RequestCategory } from '../../shared/schemas/matching';
import { OutcomesReport } from '../../shared/schemas/outcomes';
import { participantIdentity, roomNameFor } from '../../server/src/livekit/identities';
import { createMedia } from '../../server/src/livekit/media';
import { seedDemoMatchHistory } from '../../server/src/seed';
import { ApiClient, signedInAs } from '../support/httpClient';
import { startTestApp, TEST_SECRET, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD, type People } from '../support/users';
import { postWebhook, signWebhook, webhookEvent, WEBHOOK_KEY, WEBHOOK_SECRET } from '../support/webhooks';

// A Thursday in November 2026: every request and match made here falls in November 2026, Alberta time.
const NOW = '2026-11-26T17:00:00Z';
const OUTCOMES = '/api/reports/outcomes';

const profile: PeerProfile = {
  practiceAreas: ['family'],
  region: 'edmonton',
  municipality: 'Edmonton',
  workRole: 'firm',
  yearOfCall: 2005,
  languages: ['English'],
  gender: 'Woman',
  diversity: [],
  livedExperience: [],
  organisation: 'Other Firm LLP',
  capacity: 10,
  available: true,
  shown: ['practiceAreas'],
};

let app: TestApp;
let people: People;
let staff: ApiClient;

beforeAll(async () => {
  // The webhook route checks signatures with these; no LiveKit is running. The configured count of matches before
  // the platform is replaced by the yearly history staff enter below.
  const media = createMedia({ url: 'ws://127.0.0.1:9', apiKey: WEBHOOK_KEY, apiSecret: WEBHOOK_SECRET });
  app = await startTestApp({ now: NOW, media, env: { MATCHES_BEFORE_PLATFORM: '399' } });
  people = await createPeople(app);
  staff = await signedInAs(app.url, 'staff@example.ca');
});
afterAll(() => app.close());

describe('who may read the outcomes report and enter history', () => {
  const routes: Array<[string, string, unknown?]> = [
    ['GET', OUTCOMES],
    ['GET', `${OUTCOMES}/history`],
    ['POST', `${OUTCOMES}/history`, { year: 2020, matches: 1, requests: 1, careerRelated: 0, articlingStudents: 0 }],
  ];
  it.each(routes)('%s %s: staff only; anonymous 401; members, volunteers and auditors 403', async (method, path, json) => {
    await app.services.auth.createUser({ email: 'audit@example.ca', firstName: 'Ada', role: 'auditor', memberKind: null, password: PASSWORD }).catch(() => undefined);
    const anonymous = new ApiClient(app.url);
    await anonymous.get('/api/auth/session'); // a CSRF token, as the page would have
    expect((await anonymous.request(method, path, { json })).status).toBe(401);
    for (const email of ['lawyer@example.ca', 'student@example.ca', 'volunteer@example.ca', 'audit@example.ca']) {
      const res = await (await signedInAs(app.url, email)).request(method, path, { json });
      expect(res.status, email).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    expect(await app.db.query('SELECT 1 FROM match_history_years')).toEqual([]);
  });
});

describe('validation', () => {
  it.each(['?from=abc', '?from=2027&to=2020', '?to=2200', '?from=1900', '?from=2020&to=2070', '?from=2020.5', '?year=2024', '?from=2024&kind=lawyer'])(
    'answers %s with a typed 400',
    async (q) => {
      const res = await staff.get(`${OUTCOMES}${q}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/^Please check /) });
    },
  );

  it.each([
    [{ year: 2020, matches: 5, requests: 4, careerRelated: 5, articlingStudents: 0 }, 'careerRelated'],
    [{ year: 2020, matches: 5, requests: 4, careerRelated: 0, articlingStudents: 9 }, 'articlingStudents'],
    [{ matches: 5, requests: 4, careerRelated: 0, articlingStudents: 0 }, 'year'],
    [{ year: 2020, matches: -1, requests: 4, careerRelated: 0, articlingStudents: 0 }, 'matches'],
    [{ year: 2020, matches: 1, requests: 4, careerRelated: 0, articlingStudents: 0, names: 'Lee' }, '(body)'],
  ])('refuses history %j (%s)', async (body, path) => {
    const res = await staff.post(`${OUTCOMES}/history`, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await app.db.query('SELECT 1 FROM match_history_years')).toEqual([]);
  });
});

describe('figures from real requests, matches and circle attendance', () => {
  /** A member of a kind; made through the account service, like every account. */
  async function member(n: number, kind: 'lawyer' | 'articling_student'): Promise<PublicUser> {
    const u = await app.services.auth.createUser({ email: `m${n}@example.ca`, firstName: `M${n}`, role: 'member', memberKind: kind, password: PASSWORD });
    return u!;
  }
  /** Joins and leaves a circle the way LiveKit tells us: a ticket at join, then signed webhooks. */
  async function attend(user: PublicUser, sessionId: string, sid: string) {
    const identity = participantIdentity(TEST_SECRET, user.id, sessionId);
    const room = roomNameFor(TEST_SECRET, sessionId);
    await app.services.attendance.issueTicket(user, sessionId, identity, room, 'Career pivots');
    const body = webhookEvent('participant_joined', { room, identity, sid });
    expect(await postWebhook(app.url, body, await signWebhook(body))).toBe(204);
  }

  let report: OutcomesReport;

  beforeAll(async () => {
    const m = app.services.matching;
    await m.saveProfile(people.volunteer, profile);
    // Twelve requests this year: seven career-related (career, workplace, articling), six from articling students.
    const asked: Array<[PublicUser, RequestCategory]> = [
      [people.student, 'career'],
      [people.student, 'articling'],
      [people.student, 'articling'],
      [people.student, 'workplace'],
      [people.student, 'family'],
      [people.student, 'health'],
      [people.lawyer, 'career'],
      [people.lawyer, 'career'],
      [people.lawyer, 'workplace'],
      [people.lawyer, 'family'],
      [people.lawyer, 'substance_use'],
      [people.lawyer, 'other'],
    ];
    const ids: string[] = [];
    for (const [who, category] of asked) {
      const body = CreateRequestBody.parse({ category, details: 'private words', contact: { method: 'email', email: 'private@example.ca' } });
      ids.push((await m.createRequest(who, body)).id);
    }
    // Five of them matched this month.
    for (const id of ids.slice(0, 5)) {
      const match = await m.propose(people.staff, id, people.volunteer.id);
      await m.respond(people.volunteer, match.id, true);
    }
    // The society's history: 395 matches from 2022 to 2024; 2024 only three (its ten requests are enough to show).
    for (const year of [
      { year: 2022, matches: 300, requests: 320, careerRelated: 140, articlingStudents: 40 },
      { year: 2023, matches: 92, requests: 100, careerRelated: 41, articlingStudents: 13 },
      { year: 2024, matches: 3, requests: 10, careerRelated: 5, articlingStudents: 0 },
    ]) {
      expect((await staff.post(`${OUTCOMES}/history`, year)).status).toBe(200);
    }
    // Circles: six lawyers in 2026 (counted, rounded to 5); two articling students alone at a 2025 pop-up (too few).
    for (let i = 0; i < 6; i++) await attend(await member(i, 'lawyer'), 'rmcc_2026-11-23', `PA_l${i}`);
    for (let i = 0; i < 2; i++) await attend(await member(10 + i, 'articling_student'), 'rmcc_2025-11-24', `PA_s${i}`);

    const res = await staff.get(OUTCOMES);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    report = OutcomesReport.parse(res.body);
  });

  it('counts matches per year with history, withholding the small year and its partner, and dates the 400th', () => {
    expect(report).toMatchObject({ from: 2022, to: 2026, threshold: 5, circleThreshold: 5, totalMatches: 400, matchesWithoutYear: 0, nextMilestone: 500 });
    // 2024's three are withheld; 2026's five too, or the total would give 2024 away.
    expect(report.years.map((y) => [y.year, y.matches, y.fromHistory])).toEqual([
      [2022, 300, true],
      [2023, 92, true],
      [2024, null, true],
      [2025, 0, false],
      [2026, null, false],
    ]);
    expect(report.milestones).toEqual([
      { count: 100, source: 'history', year: 2022, month: null },
      { count: 200, source: 'history', year: 2022, month: null },
      { count: 300, source: 'history', year: 2022, month: null },
      // Five matches in November 2026: enough to name the month.
      { count: 400, source: 'platform', year: 2026, month: 11 },
    ]);
  });

  it('gives the shares of career-related requests and of articling students, history and platform alike', () => {
    const y = (year: number) => report.years.find((r) => r.year === year)!;
    expect(y(2023)).toMatchObject({ requests: 100, careerRelated: { count: 41, share: 41 }, articlingStudents: { count: 13, share: 13 } });
    expect(y(2026)).toMatchObject({ requests: 12, careerRelated: { count: 7, share: 58.3 }, articlingStudents: { count: 6, share: 50 } });
    expect(y(2024)).toMatchObject({ requests: 10, careerRelated: { count: 5, share: 50 }, articlingStudents: { count: 0, share: 0 } });
    // No requests at all in 2025: zero, and no share.
    expect(y(2025)).toMatchObject({ requests: 0, careerRelated: { count: 0, share: null } });
  });

  it('counts the people the circles supported per year, distinct within the year, small years withheld', () => {
    expect(report.years.map((y) => [y.year, y.peopleSupported])).toEqual([
      [2022, null],
      [2023, null],
      [2024, null],
      [2025, null],
      [2026, 5],
    ]);
    expect(report.peopleSupportedSumOfYears).toBe(5);
  });

  it('holds nothing about a person: only yearly aggregates', () => {
    expect(Object.keys(report.years[0]!).sort()).toEqual(['articlingStudents', 'careerRelated', 'fromHistory', 'matches', 'peopleSupported', 'requests', 'year']);
    const text = JSON.stringify(report);
    for (const never of [people.student.id, people.lawyer.id, people.volunteer.id, 'Sam', 'Lee', 'Val', 'private', '@example.ca', 'a_']) {
      expect(text).not.toContain(never);
    }
  });

  it('asking for fewer years uncovers no withheld cell', async () => {
    const res = await staff.get(`${OUTCOMES}?from=2026&to=2026`);
    expect(res.body.years).toEqual([report.years.at(-1)]);
    expect(res.body.milestones).toEqual(report.milestones);
  });

  it('exports the same figures as CSV, every field quoted', () => {
    const lines = outcomesCsv(report).trimEnd().split('\r\n');
    expect(lines[0]).toBe('"section","year","item","value"');
    for (const l of lines) expect(l).toMatch(/^"[^"]*"(,"[^"]*")*$/);
    expect(lines).toEqual(
      expect.arrayContaining([
        '"matches","2024","matches made","fewer than 5"',
        '"matches","2024","includes history entered by staff","yes"',
        '"requests","2026","career-related share","58.3 %"',
        '"requests","2025","career-related share","no requests"',
        '"circles","2026","people supported through the circles","5"',
        '"milestones","2026","400th match","November 2026"',
        '"summary","","matches to date","400"',
      ]),
    );
  });

  it("downloads the same CSV from the server, in the staff member's language", async () => {
    const res = await staff.get(`${OUTCOMES}.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('content-disposition')).toMatch(/filename="?red-mug-outcomes-2022-to-2026\.csv"?$/);
    expect(res.body).toBe(outcomesCsv(report));
    const french = await staff.request('GET', `${OUTCOMES}.csv?from=2024&to=2026`, { headers: { 'accept-language': 'fr-CA' } });
    const lines = (french.body as string).trimEnd().split('\r\n');
    expect(lines[0]).toBe('"section","année","élément","valeur"');
    expect(lines).toEqual(
      expect.arrayContaining([
        '"jumelages","2024","jumelages faits","moins de 5"',
        '"jumelages","2024","comprend l’historique saisi par le personnel","oui"',
        '"demandes","2026","part liée à la carrière","58,3 %"',
        '"demandes","2025","part liée à la carrière","aucune demande"',
        '"jalons","2026","400e jumelage","novembre 2026"',
      ]),
    );
    expect((await staff.get(`${OUTCOMES}.csv?from=2027&to=2020`)).status).toBe(400);
    for (const email of ['lawyer@example.ca', 'volunteer@example.ca']) expect((await (await signedInAs(app.url, email)).get(`${OUTCOMES}.csv`)).status).toBe(403);
  });

  it('audits each history entry, and the statistics page counts from the same history', async () => {
    const audit = await app.db.query<{ actor_id: string; target_id: string }>(
      "SELECT actor_id, target_id FROM audit_log WHERE action = 'outcomes.history_set' ORDER BY target_id",
    );
    expect(audit).toEqual(['2022', '2023', '2024'].map((y) => ({ actor_id: people.staff.id, target_id: y })));
    const log = await staff.get('/api/reports/audit?action=outcomes.history_set');
    expect(log.body.entries[0]).toMatchObject({ actorName: 'Sasha', targetLabel: 'Match history for 2024' });
    // MATCHES_BEFORE_PLATFORM (399) gave way to the 395 entered.
    expect((await staff.get('/api/matching/stats')).body).toMatchObject({ totalMatches: 400, matchesBeforePlatform: 395 });
    expect((await staff.get(`${OUTCOMES}/history`)).body.years.map((y: { year: number }) => y.year)).toEqual([2022, 2023, 2024]);
  });

  it('replaces a year when staff enter it again', async () => {
    const res = await staff.post(`${OUTCOMES}/history`, { year: 2024, matches: 8, requests: 10, careerRelated: 5, articlingStudents: 0 });
    expect(res.body.years.find((y: { year: number }) => y.year === 2024)).toEqual({ year: 2024, matches: 8, requests: 10, careerRelated: 5, articlingStudents: 0 });
    const after = OutcomesReport.parse((await staff.get(OUTCOMES)).body);
    expect(after.totalMatches).toBe(405);
    expect(after.years.map((y) => y.matches)).toEqual([300, 92, 8, 0, 5]);
    // The 400th is now the last of 2024's history.
    expect(after.milestones.at(-1)).toEqual({ count: 400, source: 'history', year: 2024, month: null });
  });
});

describe('the demo history', () => {
  it('gives a fresh install the society\'s shape: the 300th match in 2022, the 400th in 2024, 2023 over 40 % career-related', async () => {
    const demo = await startTestApp({ now: NOW });
    try {
      await seedDemoMatchHistory(demo.db, demo.clock);
      await seedDemoMatchHistory(demo.db, demo.clock); // only into an empty history
      const r = await demo.services.outcomes.report({});
      expect(r).toMatchObject({ from: 2016, to: 2026, totalMatches: 400 });
      expect(r.milestones.map((m) => [m.count, m.year])).toEqual([
        [100, 2019],
        [200, 2021],
        [300, 2022],
        [400, 2024],
      ]);
      expect(r.years.find((y) => y.year === 2023)).toMatchObject({ careerRelated: { share: 41.7 }, articlingStudents: { share: 13.3 } });
    } finally {
      await demo.close();
    }
  });
});
