import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/httpClient';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD } from '../support/users';

let app: TestApp;
let staff: ApiClient;

beforeAll(async () => {
  app = await startTestApp();
  await createPeople(app);
  staff = new ApiClient(app.url);
  await staff.signIn('staff@example.ca', PASSWORD);
});
afterAll(() => app.close());

const huge = 'x'.repeat(20_000);
const long = 'y'.repeat(2_000);

/** Every JSON route with bodies that are wrong in each way a client (or an attacker) can be wrong. */
const cases: Array<[string, string, unknown, number, string]> = [
  ['login: missing fields', '/api/auth/login', {}, 400, 'VALIDATION_FAILED'],
  ['login: wrong types', '/api/auth/login', { email: 42, password: ['a'] }, 400, 'VALIDATION_FAILED'],
  ['login: not an email', '/api/auth/login', { email: 'not-an-email', password: 'x' }, 400, 'VALIDATION_FAILED'],
  ['login: overlong email', '/api/auth/login', { email: `${long}@example.ca`, password: 'x' }, 400, 'VALIDATION_FAILED'],
  ['login: overlong password', '/api/auth/login', { email: 'a@example.ca', password: long }, 400, 'VALIDATION_FAILED'],
  ['login: unknown field', '/api/auth/login', { email: 'a@example.ca', password: 'x', role: 'staff' }, 400, 'VALIDATION_FAILED'],
  ['login: an array body', '/api/auth/login', [1, 2, 3], 400, 'VALIDATION_FAILED'],
  ['login: null body', '/api/auth/login', null, 400, 'VALIDATION_FAILED'],
  ['login: huge body', '/api/auth/login', { email: 'a@example.ca', password: huge }, 413, 'PAYLOAD_TOO_LARGE'],
  ['invite: unknown role', '/api/auth/invites', { role: 'judge' }, 400, 'VALIDATION_FAILED'],
  ['invite: member without kind', '/api/auth/invites', { role: 'member' }, 400, 'VALIDATION_FAILED'],
  ['invite: volunteer with kind', '/api/auth/invites', { role: 'volunteer', memberKind: 'lawyer' }, 400, 'VALIDATION_FAILED'],
  ['invite: prototype pollution', '/api/auth/invites', JSON.parse('{"role":"staff","__proto__":{"admin":true}}'), 400, 'VALIDATION_FAILED'],
  ['accept: short password', '/api/auth/accept-invite', { token: 'abcdefghijkl', email: 'a@example.ca', firstName: 'A', password: 'short' }, 400, 'VALIDATION_FAILED'],
  ['accept: overlong name', '/api/auth/accept-invite', { token: 'abcdefghijkl', email: 'a@example.ca', firstName: long, password: 'long enough pass' }, 400, 'VALIDATION_FAILED'],
  ['accept: unknown token', '/api/auth/accept-invite', { token: 'abcdefghijklmnop', email: 'a@example.ca', firstName: 'A', password: 'long enough pass' }, 400, 'INVITE_INVALID'],
  ['join: missing name', '/api/circles/sessions/rmcc_2026-11-30/join', {}, 400, 'VALIDATION_FAILED'],
  ['join: blank name', '/api/circles/sessions/rmcc_2026-11-30/join', { displayName: '   ' }, 400, 'VALIDATION_FAILED'],
  ['join: markup in name', '/api/circles/sessions/rmcc_2026-11-30/join', { displayName: '<script>' }, 400, 'VALIDATION_FAILED'],
  ['join: overlong name', '/api/circles/sessions/rmcc_2026-11-30/join', { displayName: long }, 400, 'VALIDATION_FAILED'],
  ['join: wrong type', '/api/circles/sessions/rmcc_2026-11-30/join', { displayName: { first: 'A' } }, 400, 'VALIDATION_FAILED'],
  ['join: unknown session', '/api/circles/sessions/nope_2026-11-30/join', { displayName: 'A' }, 404, 'NOT_FOUND'],
  ['join: not a Monday', '/api/circles/sessions/rmcc_2026-12-01/join', { displayName: 'A' }, 404, 'NOT_FOUND'],
  ['series: take-over setting not a yes/no', '/api/scheduling/series/rmcc', { anyVolunteerMayHost: 'yes' }, 400, 'VALIDATION_FAILED'],
  ['series: take-over setting null', '/api/scheduling/series/rmcc', { anyVolunteerMayHost: null }, 400, 'VALIDATION_FAILED'],
  ['join: garbage id', `/api/circles/sessions/${'z'.repeat(500)}/join`, { displayName: 'A' }, 400, 'VALIDATION_FAILED'],
  ['match history: empty', '/api/reports/outcomes/history', {}, 400, 'VALIDATION_FAILED'],
  ['match history: more career-related than requests', '/api/reports/outcomes/history', { year: 2020, matches: 1, requests: 1, careerRelated: 2, articlingStudents: 0 }, 400, 'VALIDATION_FAILED'],
  ['match history: a year out of range', '/api/reports/outcomes/history', { year: 1492, matches: 1, requests: 1, careerRelated: 0, articlingStudents: 0 }, 400, 'VALIDATION_FAILED'],
  ['match history: wrong types', '/api/reports/outcomes/history', { year: 2020, matches: [1], requests: '4', careerRelated: null, articlingStudents: true }, 400, 'VALIDATION_FAILED'],
  ['reminders: unknown list', '/api/reminders/everything', { subscribed: true }, 400, 'VALIDATION_FAILED'],
  ['reminders: wrong type', '/api/reminders/circle_day', { subscribed: 'yes' }, 400, 'VALIDATION_FAILED'],
  ['reminders: missing choice', '/api/reminders/circle_day', {}, 400, 'VALIDATION_FAILED'],
  ['reminders: someone else', '/api/reminders/circle_day', { subscribed: true, userId: '00000000-0000-4000-8000-000000000000' }, 400, 'VALIDATION_FAILED'],
  ['reminders: a host list for a non-volunteer', '/api/reminders/assignments', { subscribed: true }, 403, 'FORBIDDEN'],
  ['unsubscribe: JSON instead of the one-click form', '/unsubscribe/circle_day.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA', { 'List-Unsubscribe': 'One-Click' }, 400, 'VALIDATION_FAILED'],
  ['readiness: no dates', '/api/people/00000000-0000-4000-8000-000000000000/readiness', {}, 400, 'VALIDATION_FAILED'],
  ['readiness: not a date', '/api/people/00000000-0000-4000-8000-000000000000/readiness', { trainingCompletedOn: 'yesterday' }, 400, 'VALIDATION_FAILED'],
  ['readiness: unknown field', '/api/people/00000000-0000-4000-8000-000000000000/readiness', { trainingCompletedOn: '2026-11-01', current: true }, 400, 'VALIDATION_FAILED'],
  ['readiness: unknown account', '/api/people/00000000-0000-4000-8000-000000000000/readiness', { trainingCompletedOn: '2026-11-01' }, 404, 'NOT_FOUND'],
  ['headcount: missing total', '/api/headcounts/rmcc_2026-11-30', {}, 400, 'VALIDATION_FAILED'],
  ['headcount: negative', '/api/headcounts/rmcc_2026-11-30', { total: -3 }, 400, 'VALIDATION_FAILED'],
  ['headcount: a fraction', '/api/headcounts/rmcc_2026-11-30', { total: 1.5 }, 400, 'VALIDATION_FAILED'],
  ['headcount: parts over the total', '/api/headcounts/rmcc_2026-11-30', { total: 2, lawyers: 3 }, 400, 'VALIDATION_FAILED'],
  ['headcount: names', '/api/headcounts/rmcc_2026-11-30', { total: 1, names: ['Lee'] }, 400, 'VALIDATION_FAILED'],
  ['headcount: an online circle', '/api/headcounts/rmcc_2026-11-30', { total: 6 }, 409, 'NOT_IN_PERSON'],
  ['headcount: unknown session', '/api/headcounts/nope_2026-11-30', { total: 1 }, 404, 'NOT_FOUND'],
  ['headcount: garbage id', `/api/headcounts/${'z'.repeat(500)}`, { total: 1 }, 400, 'VALIDATION_FAILED'],
  [
    'pop-up: an http directions link',
    '/api/scheduling/popups',
    { title: 'P', date: '2026-12-09', format: 'in_person', location: 'Edmonton', venue: { address: '1 Main St', directionsUrl: 'http://x.example' } },
    400,
    'VALIDATION_FAILED',
  ],
  ['pop-up: in person without a venue', '/api/scheduling/popups', { title: 'P', date: '2026-12-09', format: 'in_person', location: 'Edmonton' }, 400, 'VALIDATION_FAILED'],
  ['series: a venue that is not an object', '/api/scheduling/series/rmcc', { venue: 'the office' }, 400, 'VALIDATION_FAILED'],
];

describe('malformed input gets a clear 4xx with a code, never a 500', () => {
  it.each(cases)('%s', async (_label, path, body, status, code) => {
    const res = await staff.post(path, body);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(typeof res.body.message).toBe('string');
    expect(res.body.message.length).toBeGreaterThan(0);
  });

  it('names the field at fault', async () => {
    const res = await staff.post('/api/auth/login', { email: 'x@example.ca' });
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'password' })]));
  });

  it.each([
    ['broken JSON', '{"email": '],
    ['a bare string', '"hello"'],
    ['deeply nested', '['.repeat(5000) + ']'.repeat(5000)],
  ])('%s', async (_label, raw) => {
    const res = await staff.request('POST', '/api/auth/login', { raw });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.code).toMatch(/VALIDATION_FAILED|PAYLOAD_TOO_LARGE/);
  });

  it('an unknown API route is a JSON 404', async () => {
    const res = await staff.get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('nothing already stored is lost and the server still answers', async () => {
    const res = await new ApiClient(app.url).signIn('lawyer@example.ca', PASSWORD);
    expect(res.status).toBe(200);
    expect(await app.services.auth.countUsers()).toBe(4);
    expect(app.logLines.filter((l) => l.includes('http.unhandled'))).toEqual([]);
  });
});

describe('refusals in the person’s language', () => {
  it('a French browser gets NOT_FOUND and a bad JSON body in French', async () => {
    const missing = await fetch(`${app.url}/api/no-such-thing`, { headers: { 'Accept-Language': 'fr-CA' } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ code: 'NOT_FOUND', message: 'Il n’y a rien à cette adresse. Vérifiez le lien ou retournez à la page d’accueil.' });
    const bad = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Accept-Language': 'fr-CA,fr;q=0.9', 'Content-Type': 'application/json', Origin: app.url },
      body: '{"email": ',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Le corps de la requête n’est pas du JSON valide.' });
  });
});
