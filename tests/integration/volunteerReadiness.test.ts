import { DateTime } from 'luxon';
import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CircleSnapshot, LiveParticipant } from '../../shared/schemas/live';
import { findLivekitBinary, startLocalLivekit, type LocalLivekit } from '../../server/src/livekit/localLivekit';
import { createMedia } from '../../server/src/livekit/media';
import { DEFAULT_PROGRAM } from '../../server/src/program/program';
import { ApiClient, signedInAs } from '../support/httpClient';
import { agreeToPledge } from '../support/pledge';
import { command, connectSocket, expectOk, next, type ClientSocket } from '../support/sockets';
import { IN_WINDOW, startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD, type People } from '../support/users';

/**
 * Volunteer readiness (issue #18, item 2): staff record each volunteer's peer-support training and confidentiality
 * undertaking; only a current volunteer wears the red mug (token and live list), hosts, backs up or is matched; a
 * lapse takes the mug off at once in a running circle; volunteer-only circles are for volunteers and staff.
 *
 * The app's clock is pinned (IN_WINDOW, the Monday circle open) and moved to a lapse: LiveKit here only signs
 * tokens and answers probes, and reads no date of ours. The e2e test (volunteerReadiness) runs on the real clock
 * with browsers and checks LiveKit's badge attribute on a connected participant.
 */
const SESSION = 'rmcc_2026-11-30';
/** The built-in program's zone (Alberta), which this test runs. */
const READINESS_ZONE = DEFAULT_PROGRAM.weeklyCircle.zone;
/** IN_WINDOW's date in Alberta. */
const TODAY = DateTime.fromISO(IN_WINDOW, { zone: READINESS_ZONE }).toISODate()!;
const daysAgo = (n: number) => DateTime.fromISO(TODAY).minus({ days: n }).toISODate()!;

let livekit: LocalLivekit;
let app: TestApp;
let people: People;
let vic: { id: string };
let staff: ApiClient;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  livekit = await startLocalLivekit({ bin: findLivekitBinary(process.env.LIVEKIT_BIN)! });
  app = await startTestApp({ media: createMedia(livekit.connection), now: IN_WINDOW });
  people = await createPeople(app);
  // Vic is a volunteer with nothing on record: as every volunteer of a database the migration upgraded.
  vic = (await app.services.auth.createUser({ email: 'vic@example.ca', firstName: 'Vic', role: 'volunteer', memberKind: null, password: PASSWORD }))!;
  await agreeToPledge(app, vic.id);
  staff = await signedInAs(app.url, 'staff@example.ca');
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await app?.close();
  await livekit?.stop();
});

async function join(email: string, sessionId = SESSION) {
  const http = await signedInAs(app.url, email);
  const socket = await connectSocket(app.url, http.cookie('rm_sid'));
  sockets.push(socket);
  const snapshot: CircleSnapshot = expectOk(await command(socket, 'circle:join', { sessionId, displayName: `Person ${email.slice(0, 3)}` }));
  return { http, socket, snapshot };
}
const byIdentity = (ps: LiveParticipant[], identity: string) => ps.find((p) => p.identity === identity);
/** The next participant list on `socket` in which `identity` shows as `want`. */
const listWhere = (socket: ClientSocket, identity: string, want: Partial<LiveParticipant>) =>
  next(socket, 'participants:changed', (e) => {
    const p = byIdentity(e.participants, identity);
    return !!p && Object.entries(want).every(([k, v]) => p[k as keyof LiveParticipant] === v);
  });
const setReadiness = (id: string, body: object, as = staff) => as.post(`/api/people/${id}/readiness`, body);

describe('staff record readiness', () => {
  it('lists every volunteer, those not current first, with a volunteer of an upgraded database as "not on record"', async () => {
    const res = await staff.get('/api/people/readiness');
    expect(res.status).toBe(200);
    expect(res.body.today).toBe(TODAY);
    expect(res.body.volunteers[0]).toMatchObject({
      userId: vic.id,
      firstName: 'Vic',
      readiness: { current: false, missing: ['training', 'undertaking'], training: { on: null, state: 'missing' }, undertaking: { on: null, state: 'missing' } },
    });
    expect(res.body.volunteers.find((v: { userId: string }) => v.userId === people.volunteer.id).readiness.current).toBe(true);
    // Volunteers only: no member, staff or auditor in the list.
    expect(res.body.volunteers.map((v: { firstName: string }) => v.firstName).sort()).toEqual(['Val', 'Vic']);
  });

  it('records and withdraws each date, audited with ids only, and the volunteer reads their own', async () => {
    const res = await setReadiness(vic.id, { trainingCompletedOn: daysAgo(10) });
    expect(res.status).toBe(200);
    expect(res.body.readiness).toMatchObject({ current: false, missing: ['undertaking'], training: { on: daysAgo(10), state: 'current' } });
    const both = await setReadiness(vic.id, { undertakingSignedOn: TODAY });
    expect(both.body.readiness).toMatchObject({ current: true, missing: [], training: { on: daysAgo(10) }, undertaking: { on: TODAY } });
    // 12 months from its date: through the day before the anniversary.
    expect(both.body.readiness.undertaking.validUntil).toBe(DateTime.fromISO(TODAY).plus({ years: 1 }).minus({ days: 1 }).toISODate());
    expect(both.body.readiness.validUntil).toBe(DateTime.fromISO(daysAgo(10)).plus({ years: 1 }).minus({ days: 1 }).toISODate());

    const own = await (await signedInAs(app.url, 'vic@example.ca')).get('/api/people/me/readiness');
    expect(own.status).toBe(200);
    expect(own.body).toEqual({ readiness: both.body.readiness, today: TODAY });

    const withdrawn = await setReadiness(vic.id, { undertakingSignedOn: null });
    expect(withdrawn.body.readiness).toMatchObject({ current: false, missing: ['undertaking'], undertaking: { on: null, state: 'missing' } });

    const rows = await app.db.query<{ action: string; actor_id: string; target_id: string }>(
      `SELECT action, actor_id::text AS actor_id, target_id FROM audit_log WHERE action LIKE 'readiness.%' AND target_id = $1 ORDER BY seq`,
      [vic.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['readiness.record', 'readiness.record', 'readiness.withdraw']);
    expect(rows.every((r) => r.actor_id === people.staff.id)).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/Vic|vic@example/);
  });

  it.each([
    ['no body', {}, '(body)'],
    ['a date that is not one', { trainingCompletedOn: '2026-02-30' }, 'trainingCompletedOn'],
    ['a date in another format', { undertakingSignedOn: '30/11/2026' }, 'undertakingSignedOn'],
    ['a date after today', { undertakingSignedOn: DateTime.fromISO(TODAY).plus({ days: 1 }).toISODate() }, 'undertakingSignedOn'],
    ['an extra field', { trainingCompletedOn: TODAY, firstName: 'Mallory' }, '(body)'],
    ['a number', { trainingCompletedOn: 20261130 }, 'trainingCompletedOn'],
  ])('refuses %s with a 400 naming the field', async (_label, body, path) => {
    const res = await setReadiness(vic.id, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('only for volunteer accounts that exist: 409 for a member, 404 for an unknown or malformed id', async () => {
    const member = await setReadiness(people.lawyer.id, { trainingCompletedOn: TODAY });
    expect(member.status).toBe(409);
    expect(member.body.code).toBe('CONFLICT');
    expect((await setReadiness('00000000-0000-4000-8000-000000000000', { trainingCompletedOn: TODAY })).status).toBe(404);
    expect((await setReadiness('not-an-id', { trainingCompletedOn: TODAY })).status).toBe(404);
    expect(await app.db.query('SELECT 1 FROM volunteer_readiness WHERE user_id = $1', [people.lawyer.id])).toEqual([]);
  });

  it.each([
    ['volunteer@example.ca', 403, 403, 200],
    ['vic@example.ca', 403, 403, 200],
    ['lawyer@example.ca', 403, 403, 403],
    ['student@example.ca', 403, 403, 403],
    ['staff@example.ca', 200, 200, 403],
  ])('%s: list %s, record %s, own %s', async (email, list, recordStatus, own) => {
    const as = await signedInAs(app.url, email);
    expect((await as.get('/api/people/readiness')).status).toBe(list);
    expect((await setReadiness(people.volunteer.id, { trainingCompletedOn: daysAgo(60) }, as)).status).toBe(recordStatus);
    expect((await as.get('/api/people/me/readiness')).status).toBe(own);
  });

  it('signed out: 401 for every readiness route', async () => {
    const anon = new ApiClient(app.url);
    expect((await anon.get('/api/people/readiness')).status).toBe(401);
    expect((await anon.get('/api/people/me/readiness')).status).toBe(401);
  });

  it('the due list: a volunteer whose year ends within a month is due, one past it has lapsed', async () => {
    const due = (await app.services.auth.createUser({ email: 'dee@example.ca', firstName: 'Dee', role: 'volunteer', memberKind: null, password: PASSWORD }))!;
    const lapsed = (await app.services.auth.createUser({ email: 'lou@example.ca', firstName: 'Lou', role: 'volunteer', memberKind: null, password: PASSWORD }))!;
    const aYearAgo = DateTime.fromISO(TODAY).minus({ years: 1 });
    // 20 days left on the training, the undertaking fresh.
    expect((await setReadiness(due.id, { trainingCompletedOn: aYearAgo.plus({ days: 20 }).toISODate(), undertakingSignedOn: TODAY })).status).toBe(200);
    // Its anniversary is today: lapsed since midnight.
    expect((await setReadiness(lapsed.id, { trainingCompletedOn: aYearAgo.toISODate(), undertakingSignedOn: TODAY })).status).toBe(200);
    const list = (await staff.get('/api/people/readiness')).body.volunteers as Array<{ firstName: string; readiness: { current: boolean; training: { state: string }; validUntil: string } }>;
    const dee = list.find((v) => v.firstName === 'Dee')!;
    expect(dee.readiness).toMatchObject({ current: true, training: { state: 'due' }, validUntil: aYearAgo.plus({ days: 20 }).plus({ years: 1 }).minus({ days: 1 }).toISODate() });
    expect(list.find((v) => v.firstName === 'Lou')!.readiness).toMatchObject({ current: false, training: { state: 'lapsed' } });
    // Not current first, then due, then the rest.
    const order = list.map((v) => v.firstName);
    expect(order.indexOf('Lou')).toBeLessThan(order.indexOf('Dee'));
    expect(order.indexOf('Dee')).toBeLessThan(order.indexOf('Val'));
    await app.db.query('UPDATE users SET disabled_at = $2 WHERE id = ANY($1::uuid[])', [[due.id, lapsed.id], new Date(IN_WINDOW)]);
  });
});

describe('only a current volunteer wears the red mug and hosts', () => {
  it('a token and the live list carry no red mug for a volunteer who is not current; a current one wears it', async () => {
    const verifier = new TokenVerifier(livekit.connection.apiKey, livekit.connection.apiSecret);
    for (const [email, badge] of [['vic@example.ca', ''], ['volunteer@example.ca', 'red-mug']] as const) {
      const http = await signedInAs(app.url, email);
      const res = await http.post(`/api/circles/sessions/${SESSION}/join`, { displayName: 'V' });
      expect(res.status).toBe(200);
      expect((await verifier.verify(res.body.media.token)).attributes).toEqual({ role: 'volunteer', badge });
    }
    const vicIn = await join('vic@example.ca');
    const valIn = await join('volunteer@example.ca');
    expect(byIdentity(valIn.snapshot.participants, vicIn.snapshot.you.identity)).toMatchObject({ role: 'volunteer', badge: '' });
    expect(byIdentity(valIn.snapshot.participants, valIn.snapshot.you.identity)).toMatchObject({ role: 'volunteer', badge: 'red-mug' });
    vicIn.socket.disconnect();
    valIn.socket.disconnect();
  });

  it('assigning a host or backup who is not current is refused with a 409 naming what is missing; the pickers say who', async () => {
    const refused = await staff.post(`/api/scheduling/sessions/${SESSION}/hosts`, { hostId: people.volunteer.id, backupId: vic.id });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'VOLUNTEER_NOT_CURRENT', data: { volunteerId: vic.id, missing: ['undertaking'] } });
    expect(refused.body.message).toContain('Vic cannot host or back up yet: their signed confidentiality undertaking is not on record or has lapsed');
    const pickers = await staff.get('/api/scheduling/volunteers');
    expect(pickers.body.volunteers).toEqual(
      expect.arrayContaining([
        { id: vic.id, firstName: 'Vic', current: false, missing: ['undertaking'] },
        { id: people.volunteer.id, firstName: 'Val', current: true, missing: [] },
      ]),
    );
    expect((await staff.post(`/api/scheduling/sessions/${SESSION}/hosts`, { hostId: people.volunteer.id, backupId: null })).status).toBe(200);
  });

  it('a lapse recorded by staff takes the red mug and host rights off at once in the circle, for everyone', async () => {
    const val = await join('volunteer@example.ca');
    const lee = await join('lawyer@example.ca');
    const valId = val.snapshot.you.identity;
    expect(val.snapshot.you.isHost).toBe(true);
    expect(byIdentity(lee.snapshot.participants, valId)).toMatchObject({ badge: 'red-mug', isHost: true });

    const lapsed = listWhere(lee.socket, valId, { badge: '', isHost: false });
    expect((await setReadiness(people.volunteer.id, { undertakingSignedOn: null })).status).toBe(200);
    await lapsed;
    const refused = await command(val.socket, 'topic:pivot', { topic: 'Not any more' });
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    // Recorded again: the mug and the rights come back, as at once.
    const back = listWhere(lee.socket, valId, { badge: 'red-mug' });
    expect((await setReadiness(people.volunteer.id, { undertakingSignedOn: TODAY })).status).toBe(200);
    await back;
    expectOk(await command(val.socket, 'topic:pivot', { topic: 'Back again' }));
    val.socket.disconnect();
    lee.socket.disconnect();
  });

  it('a date passing takes the red mug off in the circle at the next check, without anyone acting', async () => {
    // Val's training counts through today only.
    const yearAgo = DateTime.fromISO(TODAY).minus({ years: 1 }).plus({ days: 1 }).toISODate()!;
    expect((await setReadiness(people.volunteer.id, { trainingCompletedOn: yearAgo })).status).toBe(200);
    const val = await join('volunteer@example.ca');
    const lee = await join('lawyer@example.ca');
    const valId = val.snapshot.you.identity;
    expect(byIdentity(lee.snapshot.participants, valId)).toMatchObject({ badge: 'red-mug' });
    const job = app.realtime.readinessJob();
    await job.run(); // still current: nothing changes
    // Midnight in Alberta, and a minute: the training has lapsed.
    app.clock.set(DateTime.fromISO(TODAY, { zone: READINESS_ZONE }).plus({ days: 1, minutes: 1 }).toJSDate());
    try {
      const lapsed = listWhere(lee.socket, valId, { badge: '', isHost: false });
      await job.run();
      await lapsed;
      const own = await val.http.get('/api/people/me/readiness');
      expect(own.body.readiness).toMatchObject({ current: false, missing: ['training'], training: { state: 'lapsed' } });
    } finally {
      app.clock.set(IN_WINDOW);
      await setReadiness(people.volunteer.id, { trainingCompletedOn: daysAgo(60) });
      val.socket.disconnect();
      lee.socket.disconnect();
    }
  });
});

describe('matching', () => {
  it('suggests only current volunteers, and refuses to propose one who is not', async () => {
    const profile = {
      practiceAreas: ['family'], region: 'edmonton', municipality: 'Edmonton', workRole: 'firm', yearOfCall: 2005, languages: ['English'],
      gender: 'Woman', diversity: [], livedExperience: [], organisation: 'Other Firm LLP', capacity: 2, available: true, shown: ['practiceAreas'],
    };
    for (const email of ['vic@example.ca', 'volunteer@example.ca']) expect((await (await signedInAs(app.url, email)).post('/api/matching/profile', profile)).status).toBe(200);
    const lee = await signedInAs(app.url, 'lawyer@example.ca');
    const req = await lee.post('/api/matching/requests', { category: 'workplace', details: 'Something private', contact: { method: 'email', email: 'lee.private@example.ca' } });
    expect(req.status).toBe(201);
    const suggestions = await staff.get(`/api/matching/requests/${req.body.id}/suggestions`);
    expect(suggestions.status).toBe(200);
    const ids = suggestions.body.suggestions.map((s: { volunteerId: string }) => s.volunteerId);
    expect(ids).toContain(people.volunteer.id);
    expect(ids).not.toContain(vic.id);
    const refused = await staff.post(`/api/matching/requests/${req.body.id}/proposals`, { volunteerId: vic.id });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'VOLUNTEER_NOT_CURRENT', data: { volunteerId: vic.id } });
    expect(refused.body.data.missing).toContain('undertaking');

    // A proposal to a current volunteer whose training then lapses cannot be accepted until it is renewed.
    const proposed = await staff.post(`/api/matching/requests/${req.body.id}/proposals`, { volunteerId: people.volunteer.id });
    expect(proposed.status).toBe(201);
    expect((await setReadiness(people.volunteer.id, { trainingCompletedOn: null })).status).toBe(200);
    const val = await signedInAs(app.url, 'volunteer@example.ca');
    const accept = await val.post(`/api/matching/matches/${proposed.body.id}/accept`);
    expect(accept.status).toBe(409);
    expect(accept.body).toMatchObject({ code: 'VOLUNTEER_NOT_CURRENT', data: { missing: ['training'] } });
    expect((await setReadiness(people.volunteer.id, { trainingCompletedOn: daysAgo(60) })).status).toBe(200);
    expect((await val.post(`/api/matching/matches/${proposed.body.id}/accept`)).status).toBe(200);
  });
});

describe('volunteer-only circles', () => {
  let seriesId: string;
  let sessionId: string;
  beforeAll(async () => {
    const res = await staff.post('/api/scheduling/series', { title: 'Volunteer meeting', audience: 'volunteers', startsOn: '2026-11-01', weekday: 1, startLocal: '11:30', endLocal: '13:30' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ audience: 'volunteers', feedPath: null });
    seriesId = res.body.id;
    sessionId = `${seriesId}_2026-11-30`;
  });

  it.each([
    ['volunteer@example.ca', true],
    ['vic@example.ca', true],
    ['staff@example.ca', true],
    ['lawyer@example.ca', false],
    ['student@example.ca', false],
  ])('%s sees it and may join: %s', async (email, may) => {
    const as = await signedInAs(app.url, email);
    const sessions = (await as.get('/api/scheduling/sessions')).body.sessions as Array<{ id: string }>;
    expect(sessions.some((s) => s.id === sessionId)).toBe(may);
    const series = (await as.get('/api/scheduling/series')).body.series as Array<{ id: string }>;
    expect(series.some((s) => s.id === seriesId)).toBe(may);
    const joined = await as.post(`/api/circles/sessions/${sessionId}/join`, { displayName: 'Someone' });
    expect(joined.status).toBe(may ? 200 : 404);
  });

  it('has no public calendar feed', async () => {
    expect((await fetch(`${app.url}/api/scheduling/series/${seriesId}/feed.ics`)).status).toBe(404);
  });

  it('a member cannot enter it by the live circle either', async () => {
    const http = await signedInAs(app.url, 'lawyer@example.ca');
    const socket = await connectSocket(app.url, http.cookie('rm_sid'));
    sockets.push(socket);
    expect(await command(socket, 'circle:join', { sessionId, displayName: 'Lee' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe("the person's own red mug", () => {
  it('the session says a volunteer wears it only once both are on record and current; a member never', async () => {
    const wren = (await app.services.auth.createUser({ email: 'wren@example.ca', firstName: 'Wren', role: 'volunteer', memberKind: null, password: PASSWORD }))!;
    const asWren = await signedInAs(app.url, 'wren@example.ca');
    const redMug = async (http: ApiClient) => ((await http.get('/api/auth/session')).body as { redMug: boolean }).redMug;
    expect(await redMug(asWren)).toBe(false);
    expect((await setReadiness(wren.id, { trainingCompletedOn: daysAgo(10) })).status).toBe(200);
    expect(await redMug(asWren)).toBe(false);
    expect((await setReadiness(wren.id, { undertakingSignedOn: daysAgo(400) })).status).toBe(200);
    expect(await redMug(asWren)).toBe(false);
    expect((await setReadiness(wren.id, { undertakingSignedOn: daysAgo(3) })).status).toBe(200);
    expect(await redMug(asWren)).toBe(true);
    // Signing in says the same at once.
    const again = new ApiClient(app.url);
    expect(((await again.signIn('wren@example.ca', PASSWORD)).body as { redMug: boolean }).redMug).toBe(true);
    expect(await redMug(await signedInAs(app.url, 'lawyer@example.ca'))).toBe(false);
    expect(await redMug(new ApiClient(app.url))).toBe(false);
  });
});
