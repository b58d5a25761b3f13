import nodeIcal, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceReportCsv } from '../../shared/reportCsv';
import { createMedia } from '../../server/src/livekit/media';
import { findLivekitBinary, startLocalLivekit, type LocalLivekit } from '../../server/src/livekit/localLivekit';
import { HEADCOUNT_OPEN_DAYS } from '../../server/src/attendance/headcount.service';
import { ApiClient, signedInAs } from '../support/httpClient';
import { agreeToPledge } from '../support/pledge';
import { recordReadiness } from '../support/readiness';
import { connectSocket, raw } from '../support/sockets';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD, type People } from '../support/users';

/*
 * The app's clock is pinned and moved here (the headcount's window is two weeks): nothing outside this process
 * reads it. The real livekit-server beside it only answers readiness, so an online join really mints a token and
 * the in-person refusals are shown to be refusals, not media being down.
 */
/** Wed 9 Dec 2026, 11:00 Alberta time: before the pop-ups (12:00–13:00 Alberta time) open. */
const BEFORE = '2026-12-09T17:00:00Z';
/** 12:30 Alberta time, during them. */
const DURING = '2026-12-09T18:30:00Z';
const DAY = '2026-12-09';

const VENUE = {
  address: '10104 103 Ave NW, Edmonton, AB T5J 0H8',
  room: 'Room 1200 (12th floor)',
  directionsUrl: 'https://maps.example.org/?q=10104+103+Ave+NW',
  accessibility: 'Step-free entrance on 103 Ave; elevator to the 12th floor; all-gender washroom on the floor.',
  whatToExpect: 'Coffee and muffins from 11:50. Sit anywhere; a volunteer with a red mug will say hello.',
};

let app: TestApp;
let livekit: LocalLivekit;
let people: People;
let staff: ApiClient;
let lawyer: ApiClient;
let student: ApiClient;
let val: ApiClient;
let vic: ApiClient;
let vicId = '';
let inPersonId = '';
let onlineId = '';

const popup = (over: Record<string, unknown> = {}) => ({
  title: 'Articling pop-up, Edmonton',
  date: DAY,
  startLocal: '12:00',
  endLocal: '13:00',
  format: 'in_person',
  location: 'Edmonton',
  venue: VENUE,
  topic: 'Finding your feet',
  ...over,
});

beforeAll(async () => {
  const bin = findLivekitBinary(process.env.LIVEKIT_BIN);
  if (!bin) throw new Error('livekit-server is needed: run infra/provision.sh (npm test does)');
  livekit = await startLocalLivekit({ bin });
  app = await startTestApp({ media: createMedia(livekit.connection), now: BEFORE });
  people = await createPeople(app);
  const vicUser = await app.services.auth.createUser({ email: 'vic@example.ca', firstName: 'Vic', role: 'volunteer', memberKind: null, password: PASSWORD });
  vicId = vicUser!.id;
  await agreeToPledge(app, vicId);
  await recordReadiness(app, vicId);
  const signedIn = (who: string) => signedInAs(app.url, `${who}@example.ca`);
  [staff, lawyer, student, val, vic] = [await signedIn('staff'), await signedIn('lawyer'), await signedIn('student'), await signedIn('volunteer'), await signedIn('vic')];
  // Val hosts the in-person pop-up; nobody backs it up yet.
  const made = await staff.post('/api/scheduling/popups', popup({ hostId: people.volunteer.id }));
  expect(made.status).toBe(201);
  inPersonId = made.body.id;
  const online = await staff.post('/api/scheduling/popups', popup({ title: 'Online pop-up', format: 'online', location: null, venue: null, hostId: people.volunteer.id }));
  expect(online.status).toBe(201);
  onlineId = online.body.id;
});
afterAll(async () => {
  await app?.close();
  await livekit?.stop();
});

describe('venue details', () => {
  it('round-trip: staff enter them, members read them on the home page, the session view and the schedule', async () => {
    const made = (await staff.get(`/api/scheduling/sessions?from=${DAY}&to=${DAY}`)).body.sessions.find((s: { id: string }) => s.id === inPersonId);
    expect(made).toMatchObject({ format: 'in_person', location: 'Edmonton', venue: VENUE });
    app.clock.set(DURING);
    const next = (await lawyer.get('/api/circles/next')).body;
    expect([next.session, ...next.alsoOpen].find((s: { id: string }) => s.id === inPersonId)).toMatchObject({ format: 'in_person', venue: VENUE });
    expect((await student.get(`/api/circles/sessions/${inPersonId}`)).body).toMatchObject({ format: 'in_person', location: 'Edmonton', venue: VENUE });
    const listed = (await lawyer.get(`/api/scheduling/sessions?from=${DAY}&to=${DAY}`)).body.sessions;
    expect(listed.find((s: { id: string }) => s.id === inPersonId)).toMatchObject({ venue: VENUE, roster: null });
    expect(listed.find((s: { id: string }) => s.id === onlineId)).toMatchObject({ format: 'online', venue: null });
    app.clock.set(BEFORE);
  });

  it('blank optional fields are kept as none; a weekly series can change its venue and going online drops it', async () => {
    const made = await staff.post('/api/scheduling/series', {
      title: 'Calgary coffee',
      startsOn: '2026-12-10',
      weekday: 4,
      format: 'in_person',
      location: 'Calgary',
      venue: { address: '800 6 Ave SW, Calgary', room: '', directionsUrl: '', accessibility: ' ', whatToExpect: '' },
    });
    expect(made.status).toBe(201);
    expect(made.body.venue).toEqual({ address: '800 6 Ave SW, Calgary', room: null, directionsUrl: null, accessibility: null, whatToExpect: null });
    const moved = await staff.post(`/api/scheduling/series/${made.body.id}`, { venue: { ...VENUE, address: '900 6 Ave SW, Calgary' } });
    expect(moved.status).toBe(200);
    expect(moved.body.venue).toEqual({ ...VENUE, address: '900 6 Ave SW, Calgary' });
    // Another change leaves the venue as it is.
    expect((await staff.post(`/api/scheduling/series/${made.body.id}`, { title: 'Calgary coffee circle' })).body.venue.address).toBe('900 6 Ave SW, Calgary');
    const online = await staff.post(`/api/scheduling/series/${made.body.id}`, { format: 'online', location: null });
    expect(online.body).toMatchObject({ format: 'online', venue: null });
    // And back in person needs an address again.
    const back = await staff.post(`/api/scheduling/series/${made.body.id}`, { format: 'in_person', location: 'Calgary' });
    expect(back.status).toBe(400);
    expect(back.body.details).toEqual([{ path: 'venue.address', message: 'An in-person circle needs a street address' }]);
  });

  it.each([
    ['no venue at all', { venue: null }, 'venue.address', 'An in-person circle needs a street address'],
    ['a blank address', { venue: { ...VENUE, address: '  ' } }, 'venue.address', 'Enter the street address'],
    ['a plain http link', { venue: { ...VENUE, directionsUrl: 'http://maps.example.org/' } }, 'venue.directionsUrl', 'Use a web link that starts with https://'],
    ['a script link', { venue: { ...VENUE, directionsUrl: 'javascript:alert(1)' } }, 'venue.directionsUrl', 'Use a web link that starts with https://'],
    ['not a link', { venue: { ...VENUE, directionsUrl: 'the big tower' } }, 'venue.directionsUrl', 'Use a web link that starts with https://'],
    ['a long address', { venue: { ...VENUE, address: 'x'.repeat(201) } }, 'venue.address', 'Keep the address under 200 characters'],
    ['long notes', { venue: { ...VENUE, accessibility: 'x'.repeat(1001) } }, 'venue.accessibility', 'Keep the accessibility notes under 1000 characters'],
    ['an unknown field', { venue: { ...VENUE, parking: 'free' } }, 'venue', undefined],
  ])('refuses %s with a message for that field', async (_what, over, path, message) => {
    const res = await staff.post('/api/scheduling/popups', popup(over));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const detail = (res.body.details as Array<{ path: string; message: string }>).find((d) => d.path === path);
    expect(detail).toBeDefined();
    if (message) expect(detail!.message).toBe(message);
  });

  it('puts the address in the calendar LOCATION and where to go, not a join link, in the description', async () => {
    const ics = await lawyer.get(`/api/scheduling/sessions/${inPersonId}/calendar.ics`);
    expect(ics.status).toBe(200);
    const event = Object.values(nodeIcal.sync.parseICS(ics.body as string)).find((c): c is VEvent => c?.type === 'VEVENT')!;
    expect(event.location).toBe(`${VENUE.room}, Edmonton, ${VENUE.address}`);
    expect(String(event.description)).toContain(`Directions: ${VENUE.directionsUrl}`);
    expect(String(event.description)).toContain(`Accessibility: ${VENUE.accessibility}`);
    expect(String(event.description)).not.toContain('/join');
    // The online pop-up's calendar entry still points at its join page.
    const online = Object.values(nodeIcal.sync.parseICS((await lawyer.get(`/api/scheduling/sessions/${onlineId}/calendar.ics`)).body as string)).find(
      (c): c is VEvent => c?.type === 'VEVENT',
    )!;
    expect(online.location).toContain(`/circles/${encodeURIComponent(onlineId)}/join`);
  });

  it("puts the address in a weekly series' public feed", async () => {
    const made = await staff.post('/api/scheduling/series', { title: 'Red Deer coffee', startsOn: '2026-12-14', format: 'in_person', location: 'Red Deer', venue: { address: '4922 49 St, Red Deer' } });
    const feed = await new ApiClient(app.url).get(made.body.feedPath);
    expect(feed.status).toBe(200);
    const event = Object.values(nodeIcal.sync.parseICS(feed.body as string)).find((c): c is VEvent => c?.type === 'VEVENT')!;
    expect(event.location).toBe('Red Deer, 4922 49 St, Red Deer');
  });
});

describe('no online join for an in-person circle', () => {
  it('refuses the HTTP join with 409 IN_PERSON saying where it meets, and mints no token (the online pop-up gets one)', async () => {
    app.clock.set(DURING);
    try {
      const before = await app.db.query('SELECT 1 FROM attendance_tickets');
      const refused = await lawyer.post(`/api/circles/sessions/${inPersonId}/join`, { displayName: 'Lee' });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'IN_PERSON', data: { location: 'Edmonton', venue: VENUE } });
      expect(refused.body.message).toContain(VENUE.address);
      expect(JSON.stringify(refused.body)).not.toMatch(/token|eyJ/);
      // The host and staff are refused too: nobody gets a room for it.
      for (const c of [val, staff]) expect((await c.post(`/api/circles/sessions/${inPersonId}/join`, { displayName: 'Pat' })).body.code).toBe('IN_PERSON');
      expect(await app.db.query('SELECT 1 FROM attendance_tickets')).toEqual(before);
      // The same person, the same minute, an online circle: a real token, so the refusal above is not media being down.
      const online = await lawyer.post(`/api/circles/sessions/${onlineId}/join`, { displayName: 'Lee' });
      expect(online.status).toBe(200);
      expect(online.body.media).toMatchObject({ available: true, token: expect.any(String) });
    } finally {
      app.clock.set(BEFORE);
    }
  });

  it('refuses the live circle over Socket.IO too', async () => {
    app.clock.set(DURING);
    try {
      const socket = await connectSocket(app.url, lawyer.cookie('rm_sid'));
      try {
        expect(await raw(socket, 'circle:join', { sessionId: inPersonId, displayName: 'Lee' })).toMatchObject({ ok: false, code: 'IN_PERSON' });
      } finally {
        socket.disconnect();
      }
    } finally {
      app.clock.set(BEFORE);
    }
  });

  it('does not tell someone outside its audience that it exists', async () => {
    const students = await staff.post('/api/scheduling/popups', popup({ audience: 'articling_students' }));
    app.clock.set(DURING);
    try {
      expect((await lawyer.post(`/api/circles/sessions/${students.body.id}/join`, { displayName: 'Lee' })).status).toBe(404);
    } finally {
      app.clock.set(BEFORE);
    }
  });
});

const count = (c: ApiClient, id: string, body: unknown) => c.post(`/api/headcounts/${id}`, body);

describe('headcounts', () => {
  const HEADS = { total: 12, lawyers: 7, articlingStudents: 2, volunteers: null };

  it('can be recorded only once the circle has started', async () => {
    const res = await count(val, inPersonId, HEADS);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('HEADCOUNT_CLOSED');
    expect((await val.get('/api/headcounts')).body.sessions).toEqual([]);
  });

  it('by its host, its backup or staff only — down to the session — and never for an online circle', async () => {
    app.clock.set(DURING);
    // Members never reach the route; a volunteer not on this session's roster is refused before the body is read.
    for (const c of [lawyer, student]) expect((await count(c, inPersonId, HEADS)).status).toBe(403);
    expect((await count(vic, inPersonId, HEADS)).status).toBe(403);
    expect((await count(vic, inPersonId, { total: -1 })).status).toBe(403);
    expect((await vic.get('/api/headcounts')).body.sessions).toEqual([]);
    expect((await lawyer.get('/api/headcounts')).status).toBe(403);
    const anonymous = new ApiClient(app.url);
    await anonymous.get('/api/auth/session'); // for a CSRF token, as a browser has
    expect((await count(anonymous, inPersonId, HEADS)).status).toBe(401);
    // The host sees it to count, with the venue.
    const mine = (await val.get('/api/headcounts')).body.sessions;
    expect(mine).toEqual([expect.objectContaining({ sessionId: inPersonId, venue: VENUE, headcount: null })]);
    expect((await count(val, inPersonId, HEADS)).status).toBe(200);
    // Made backup, Vic may correct it; staff may too.
    expect((await staff.post(`/api/scheduling/sessions/${inPersonId}/hosts`, { hostId: people.volunteer.id, backupId: vicId })).status).toBe(200);
    expect((await count(vic, inPersonId, { ...HEADS, total: 13 })).status).toBe(200);
    expect((await count(staff, inPersonId, HEADS)).body).toMatchObject(HEADS);
    // An online circle has no headcount, for its host or staff.
    for (const c of [val, staff]) {
      const res = await count(c, onlineId, HEADS);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('NOT_IN_PERSON');
    }
    expect((await count(staff, 'nope_2026-12-09', HEADS)).status).toBe(404);
  });

  it.each([
    ['a negative total', { total: -1 }, 'total'],
    ['a fraction', { total: 2.5 }, 'total'],
    ['a text', { total: 'twelve' }, 'total'],
    ['parts adding up to more than the total', { total: 5, lawyers: 4, articlingStudents: 2 }, 'total'],
    ['a negative part', { total: 5, volunteers: -2 }, 'volunteers'],
    ['an absurd total', { total: 100000 }, 'total'],
    ['names', { total: 3, names: ['Lee'] }, ''],
  ])('refuses %s with a typed 400', async (_what, body, path) => {
    app.clock.set(DURING);
    const res = await count(val, inPersonId, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    if (path) expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('last write wins, each write audited as the person’s action without its numbers', async () => {
    app.clock.set(DURING);
    await app.db.query('DELETE FROM inperson_headcounts');
    await app.db.query("DELETE FROM audit_log WHERE action LIKE 'session.headcount%'");
    expect((await count(val, inPersonId, { total: 9 })).body).toMatchObject({ total: 9, lawyers: null });
    expect((await count(staff, inPersonId, HEADS)).body).toMatchObject(HEADS);
    expect((await val.get('/api/headcounts')).body.sessions[0].headcount).toMatchObject(HEADS);
    const audit = await app.db.query<{ actor_id: string; action: string; target_id: string }>(
      "SELECT actor_id::text, action, target_id FROM audit_log WHERE action LIKE 'session.headcount%' ORDER BY seq",
    );
    expect(audit).toEqual([
      { actor_id: people.volunteer.id, action: 'session.headcount', target_id: inPersonId },
      { actor_id: people.staff.id, action: 'session.headcount_correct', target_id: inPersonId },
    ]);
    // And the audit page reads it in words.
    const log = (await staff.get('/api/reports/audit?action=session.headcount_correct')).body;
    expect(log.entries[0]).toMatchObject({ action: 'session.headcount_correct', actorName: 'Sasha' });
  });

  it(`closes ${HEADCOUNT_OPEN_DAYS} days after the circle`, async () => {
    // Two weeks on, everyone signs in afresh (their earlier sessions have expired).
    const end = Date.parse('2026-12-09T19:00:00Z') + HEADCOUNT_OPEN_DAYS * 86_400_000;
    try {
      app.clock.set(new Date(end - 60_000));
      const later = await signedInAs(app.url, 'staff@example.ca');
      expect((await count(later, inPersonId, HEADS)).status).toBe(200);
      app.clock.set(new Date(end + 60_000));
      const late = await count(later, inPersonId, HEADS);
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('HEADCOUNT_CLOSED');
      const open = (await later.get('/api/headcounts')).body.sessions.map((x: { sessionId: string }) => x.sessionId);
      expect(open).not.toContain(inPersonId);
    } finally {
      app.clock.set(BEFORE);
    }
  });
});

describe('headcounts in the attendance report', () => {
  it('sit beside online attendance with the same suppression (default threshold 5), in the report and its CSV', async () => {
    app.clock.set(DURING);
    await app.db.query('DELETE FROM inperson_headcounts');
    // 12 came: 7 lawyers, 2 articling students, 3 not said. Only the lawyers form a group of 5 or more.
    expect((await count(val, inPersonId, { total: 12, lawyers: 7, articlingStudents: 2 })).status).toBe(200);
    // A second, small in-person circle the same day: 3 people, counted nowhere.
    const small = await staff.post('/api/scheduling/popups', popup({ title: 'Small one', hostId: people.volunteer.id }));
    expect((await count(val, small.body.id, { total: 3 })).status).toBe(200);
    const report = (await staff.get(`/api/reports/attendance?from=${DAY}&to=${DAY}`)).body;
    expect(report.threshold).toBe(5);
    expect(report.inPerson).toEqual({
      sessionsHeld: 1,
      attendance: 5,
      byKind: [
        { key: 'lawyer', label: 'Lawyers', count: 5 },
        { key: 'articling_student', label: 'Articling students', count: null },
        { key: 'volunteer', label: 'Volunteers', count: null },
        { key: 'unspecified', label: 'Kind not said', count: null },
      ],
      bySession: [{ key: inPersonId, label: DAY, count: 5 }],
    });
    // The small circle alone reads as a day nobody came to.
    await app.db.query('DELETE FROM inperson_headcounts WHERE session_id = $1', [inPersonId]);
    const onlySmall = (await staff.get(`/api/reports/attendance?from=${DAY}&to=${DAY}`)).body;
    const nobody = (await staff.get('/api/reports/attendance?from=2026-12-08&to=2026-12-08')).body;
    expect({ ...onlySmall, from: 'x', to: 'x' }).toEqual({ ...nobody, from: 'x', to: 'x' });
    expect(onlySmall.inPerson).toMatchObject({ sessionsHeld: 0, attendance: null, bySession: [] });

    const csv = attendanceReportCsv(report);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('"section","item","online","in person"');
    expect(lines).toContain('"summary","sessions held","0","1"');
    expect(lines).toContain('"summary","attendance","fewer than 5","5"');
    expect(lines).toContain('"attendees by kind","Lawyers","fewer than 5","5"');
    expect(lines).toContain('"attendees by kind","Kind not said","","fewer than 5"');
    expect(lines).toContain(`"attendance per session","${DAY}","","5"`);
    expect(lines).toContain('"summary","unique individuals","fewer than 5",""');
    app.clock.set(BEFORE);
  });
});
