import nodeIcal, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionHostIds } from '../../server/src/scheduling/sessionHostIds';
import { openDb } from '../../server/src/store/db';
import { ApiClient, signedInAs } from '../support/httpClient';
import { freshPostgresDatabase } from '../support/postgres';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD, type People } from '../support/users';
import { recordReadiness } from '../support/readiness';

/** Saturday 28 Nov 2026, Alberta afternoon. */
const NOW = '2026-11-28T20:00:00Z';

let app: TestApp;
let people: People;
let staff: ApiClient;
let lawyer: ApiClient;
let student: ApiClient;
let val: ApiClient;
let vic: ApiClient;
let vicId: string;

const signedIn = (email: string) => signedInAs(app.url, email);

beforeAll(async () => {
  // Real PostgreSQL: dates, arrays and upserts as production runs them.
  const db = await openDb({ databaseUrl: await freshPostgresDatabase() });
  app = await startTestApp({ db, now: NOW });
  people = await createPeople(app);
  const vicUser = await app.services.auth.createUser({
    email: 'vic@example.ca',
    firstName: 'Vic',
    role: 'volunteer',
    memberKind: null,
    password: PASSWORD,
  });
  vicId = vicUser!.id;
  await recordReadiness(app, vicId);
  staff = await signedIn('staff@example.ca');
  lawyer = await signedIn('lawyer@example.ca');
  student = await signedIn('student@example.ca');
  val = await signedIn('volunteer@example.ca');
  vic = await signedIn('vic@example.ca');
});
afterAll(async () => {
  await app.close();
  await app.db.close();
});

const sessionsOf = async (c: ApiClient, q = 'from=2026-11-28&to=2027-03-31') => (await c.get(`/api/scheduling/sessions?${q}`)).body.sessions as any[];
const byId = (list: any[], id: string) => list.find((s) => s.id === id);

describe('staff run the Monday circle', () => {
  it('set one topic, paste many, and see which sessions have none', async () => {
    let res = await staff.post('/api/scheduling/sessions/rmcc_2026-11-30/topic', { topic: 'Returning from leave' });
    expect(res.status).toBe(200);
    expect(res.body.topic).toBe('Returning from leave');
    res = await staff.post('/api/scheduling/series/rmcc/topics', {
      from: '2026-12-07',
      topics: ['Boundaries', 'Holiday stress', 'Year in review', 'New year, new practice?'],
    });
    expect(res.status).toBe(200);
    // Four sessions that meet, in order: Christmas Day (a Monday in 2028, not 2026) is a Friday here, so no skips yet.
    expect(res.body.sessions.map((s: any) => [s.id, s.topic])).toEqual([
      ['rmcc_2026-12-07', 'Boundaries'],
      ['rmcc_2026-12-14', 'Holiday stress'],
      ['rmcc_2026-12-21', 'Year in review'],
      ['rmcc_2026-12-28', 'New year, new practice?'],
    ]);
    const list = await sessionsOf(staff);
    expect(list.filter((s) => !s.topicSet && s.status === 'scheduled').map((s) => s.id)[0]).toBe('rmcc_2027-01-04');
  });

  it('skip Alberta holidays by default with a note members see, and can restore one', async () => {
    const list = await sessionsOf(lawyer);
    expect(byId(list, 'rmcc_2027-02-15')).toMatchObject({ status: 'skipped', holiday: 'Family Day', note: 'No circle on Family Day' });
    const restored = await staff.post('/api/scheduling/sessions/rmcc_2027-02-15/change', { action: 'restore' });
    expect(restored.body.status).toBe('scheduled');
    const skipped = await staff.post('/api/scheduling/sessions/rmcc_2027-02-15/change', { action: 'skip', note: 'No circle on Family Day' });
    expect(skipped.body).toMatchObject({ status: 'skipped', note: 'No circle on Family Day' });
  });

  it('assign a host and backup; the member sees the host badge, only staff see who', async () => {
    const res = await staff.post('/api/scheduling/sessions/rmcc_2026-11-30/hosts', { hostId: people.volunteer.id, backupId: vicId });
    expect(res.status).toBe(200);
    expect(res.body.roster).toMatchObject({ hostName: 'Val', backupName: 'Vic', hostDeclined: false });
    expect(await sessionHostIds(app.db, 'rmcc_2026-11-30')).toEqual({ hostId: people.volunteer.id, backupId: vicId });
    expect(await sessionHostIds(app.db, 'rmcc_2026-12-07')).toEqual({ hostId: null, backupId: null });
    expect(await sessionHostIds(app.db, 'rmcc_2026-02-30')).toEqual({ hostId: null, backupId: null });
    const mine = byId(await sessionsOf(lawyer), 'rmcc_2026-11-30');
    expect(mine).toMatchObject({ hosted: true, roster: null, topic: 'Returning from leave' });
    const next = await lawyer.get('/api/circles/next');
    expect(next.body.session).toMatchObject({ id: 'rmcc_2026-11-30', topic: 'Returning from leave', hosted: true });
  });

  it('volunteers see only their own assignments and can decline one, which staff see as uncovered', async () => {
    await staff.post('/api/scheduling/sessions/rmcc_2026-12-07/hosts', { hostId: vicId, backupId: null });
    const valOwn = (await val.get('/api/scheduling/assignments')).body.assignments;
    expect(valOwn.map((a: any) => [a.session.id, a.role])).toEqual([['rmcc_2026-11-30', 'host']]);
    expect(valOwn[0].session.roster).toBeNull();
    const vicOwn = (await vic.get('/api/scheduling/assignments')).body.assignments;
    expect(vicOwn.map((a: any) => [a.session.id, a.role])).toEqual([
      ['rmcc_2026-11-30', 'backup'],
      ['rmcc_2026-12-07', 'host'],
    ]);
    // Declining someone else's session is refused.
    expect((await val.post('/api/scheduling/sessions/rmcc_2026-12-07/decline')).status).toBe(403);
    const declined = await vic.post('/api/scheduling/sessions/rmcc_2026-12-07/decline');
    expect(declined.status).toBe(200);
    expect(declined.body.assignments.map((a: any) => a.session.id)).toEqual(['rmcc_2026-11-30']);
    const seen = byId(await sessionsOf(staff), 'rmcc_2026-12-07');
    expect(seen.roster).toMatchObject({ hostId: null, hostDeclined: true });
    expect(seen.hosted).toBe(false);
  });

  it('move one session and cancel another without touching the rest', async () => {
    const before = await sessionsOf(staff);
    const moved = await staff.post('/api/scheduling/sessions/rmcc_2027-01-11/change', {
      action: 'move',
      date: '2027-01-12',
      startLocal: '12:30',
      endLocal: '13:30',
      note: 'Moved to Tuesday this week',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      id: 'rmcc_2027-01-11',
      status: 'moved',
      startsAt: '2027-01-12T18:30:00.000Z', // 12:30 Alberta time, UTC−6 all year from 2026-11-01
      wallClock: { startsAt: '2027-01-12T12:30', endsAt: '2027-01-12T13:30' },
    });
    const cancelled = await staff.post('/api/scheduling/sessions/rmcc_2027-01-18/change', { action: 'cancel', note: 'Staff retreat' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', note: 'Staff retreat' });
    const after = await sessionsOf(staff);
    const touched = new Set(['rmcc_2027-01-11', 'rmcc_2027-01-18']);
    expect(after.filter((s) => !touched.has(s.id))).toEqual(before.filter((s) => !touched.has(s.id)));
  });

  it('create a weekly series with defaults, pause it and end it', async () => {
    const res = await staff.post('/api/scheduling/series', { title: 'Calgary in person', format: 'in_person', location: 'Calgary', venue: { address: '800 6 Ave SW, Calgary' }, startsOn: '2027-01-01', weekday: 3 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      startLocal: '12:00',
      endLocal: '13:00',
      timezone: 'America/Edmonton',
      skipHolidays: true,
      status: 'active',
      dropInOpensMinutesBefore: null,
    });
    const list = await sessionsOf(lawyer, `from=2027-01-01&to=2027-01-31&seriesId=${res.body.id}`);
    expect(list.map((s) => s.localDate)).toEqual(['2027-01-06', '2027-01-13', '2027-01-20', '2027-01-27']);
    expect(list[0]).toMatchObject({ format: 'in_person', location: 'Calgary', wallClock: { startsAt: '2027-01-06T12:00' } });
    const paused = await staff.post(`/api/scheduling/series/${res.body.id}`, { status: 'paused' });
    expect(paused.body.status).toBe('paused');
    expect(await sessionsOf(lawyer, `from=2027-01-01&to=2027-01-31&seriesId=${res.body.id}`)).toEqual([]);
    expect((await staff.post(`/api/scheduling/series/${res.body.id}`, { status: 'ended' })).body.status).toBe('ended');
  });

  it('a pop-up for articling students: students see and can open it, other members do not', async () => {
    const res = await staff.post('/api/scheduling/popups', {
      title: 'Articling pop-up',
      date: '2026-12-03',
      startLocal: '16:00',
      endLocal: '17:00',
      topic: 'Surviving the first months',
      audience: 'articling_students',
      hostId: people.volunteer.id,
      backupId: null,
      dropInOpensMinutesBefore: 30,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'popup', topic: 'Surviving the first months', hosted: true, startsAt: '2026-12-03T22:00:00.000Z' });
    const id = res.body.id as string;
    expect(byId(await sessionsOf(student), id)).toBeTruthy();
    expect(byId(await sessionsOf(lawyer), id)).toBeUndefined();
    // Its own drop-in window: doors open 30 minutes before 16:00; at 15:35 Alberta time they are open.
    app.clock.set('2026-12-03T21:35:00Z');
    try {
      const [student, lawyer] = await Promise.all([signedIn('student@example.ca'), signedIn('lawyer@example.ca')]);
      expect((await student.post(`/api/circles/sessions/${id}/join`, { displayName: 'Sam' })).status).toBe(200);
      expect((await lawyer.post(`/api/circles/sessions/${id}/join`, { displayName: 'Lee' })).status).toBe(404);
      expect(await sessionHostIds(app.db, id)).toEqual({ hostId: people.volunteer.id, backupId: null });
    } finally {
      app.clock.set(NOW);
    }
  });
});

describe('the next circle and joining honour the plan', () => {
  /** Sessions are cookies with a lifetime on the app's clock: sign in again after moving it. */
  async function at(now: string) {
    app.clock.set(now);
    return signedIn('lawyer@example.ca');
  }
  afterAll(() => app.clock.set(NOW));

  beforeAll(async () => {
    await staff.post('/api/scheduling/sessions/rmcc_2027-03-01/change', { action: 'cancel', note: 'No circle: staff training day' });
    await staff.post('/api/scheduling/sessions/rmcc_2027-03-08/change', { action: 'move', date: '2027-03-09', startLocal: '12:30', endLocal: '13:30', note: null });
  });

  it('skips a holiday: the Saturday before Family Day, the next circle is a week later', async () => {
    const res = await (await at('2027-02-13T20:00:00Z')).get('/api/circles/next');
    expect(res.body.session).toMatchObject({ id: 'rmcc_2027-02-22', startsAt: '2027-02-22T18:00:00.000Z' });
  });

  it('skips a cancelled session and finds the moved one at its new time', async () => {
    const res = await (await at('2027-02-27T20:00:00Z')).get('/api/circles/next');
    expect(res.body.session).toMatchObject({
      id: 'rmcc_2027-03-08',
      startsAt: '2027-03-09T18:30:00.000Z',
      wallClock: { startsAt: '2027-03-09T12:30', endsAt: '2027-03-09T13:30', opensAt: '2027-03-09T12:20' },
    });
  });

  it('refuses to join a cancelled session with the note, 409 SESSION_NOT_MEETING', async () => {
    const res = await (await at('2027-03-01T18:05:00Z')).post('/api/circles/sessions/rmcc_2027-03-01/join', { displayName: 'Lee' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'SESSION_NOT_MEETING', message: 'No circle: staff training day' });
  });

  it('opens a moved session at its new time only', async () => {
    const early = await (await at('2027-03-08T18:05:00Z')).post('/api/circles/sessions/rmcc_2027-03-08/join', { displayName: 'Lee' });
    expect(early.status).toBe(409);
    expect(early.body.data).toMatchObject({ nextSessionId: 'rmcc_2027-03-08', opensAtLocal: '2027-03-09T12:20' });
    const onTime = await (await at('2027-03-09T18:25:00Z')).post('/api/circles/sessions/rmcc_2027-03-08/join', { displayName: 'Lee' });
    expect(onTime.status).toBe(200);
    expect(onTime.body.session.id).toBe('rmcc_2027-03-08');
  });

  it('the schedule says what the doors say: open during the window, ended after it, not yet open before', async () => {
    const q = 'from=2027-03-01&to=2027-03-16';
    const doorsAt = async (now: string) =>
      (await sessionsOf(await at(now), q)).map((s) => [s.id, s.status, s.doors, s.opensAt, s.closesAt]);
    expect(await doorsAt('2027-03-09T18:25:00Z')).toEqual([
      ['rmcc_2027-03-01', 'cancelled', 'upcoming', '2027-03-01T17:50:00.000Z', '2027-03-01T19:00:00.000Z'],
      ['rmcc_2027-03-08', 'moved', 'open', '2027-03-09T18:20:00.000Z', '2027-03-09T19:30:00.000Z'],
      ['rmcc_2027-03-15', 'scheduled', 'upcoming', '2027-03-15T17:50:00.000Z', '2027-03-15T19:00:00.000Z'],
    ]);
    expect((await doorsAt('2027-03-09T19:30:00Z')).map(([id, , doors]) => [id, doors])).toEqual([
      ['rmcc_2027-03-01', 'upcoming'],
      ['rmcc_2027-03-08', 'ended'],
      ['rmcc_2027-03-15', 'upcoming'],
    ]);
  });
});

describe('validation: a clear 4xx with a code', () => {
  it.each([
    ['an impossible date', '/api/scheduling/series', { title: 'X', startsOn: '2027-02-30' }, 400, 'VALIDATION_FAILED', 'startsOn'],
    ['end before start', '/api/scheduling/series', { title: 'X', startsOn: '2027-02-01', startLocal: '13:00', endLocal: '12:00' }, 400, 'VALIDATION_FAILED', 'endLocal'],
    ['an unknown zone', '/api/scheduling/series', { title: 'X', startsOn: '2027-02-01', timezone: 'America/Atlantis' }, 400, 'UNKNOWN_TIMEZONE', 'timezone'],
    ['an overlong topic', '/api/scheduling/sessions/rmcc_2027-01-04/topic', { topic: 'x'.repeat(121) }, 400, 'VALIDATION_FAILED', 'topic'],
    ['in person without a location', '/api/scheduling/series', { title: 'X', startsOn: '2027-02-01', format: 'in_person' }, 400, 'VALIDATION_FAILED', 'location'],
    ['a move to an impossible date', '/api/scheduling/sessions/rmcc_2027-01-04/change', { action: 'move', date: '2027-13-01', startLocal: '12:00', endLocal: '13:00' }, 400, 'VALIDATION_FAILED', 'date'],
    ['a session that does not exist', '/api/scheduling/sessions/rmcc_2027-01-05/topic', { topic: 'A Tuesday' }, 404, 'NOT_FOUND', null],
  ])('%s', async (_label, path, body, status, code, field) => {
    const res = await staff.post(path, body);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    if (field) expect(res.body.details.map((d: any) => d.path)).toContain(field);
  });

  it.each([
    ['wrong types', '/api/scheduling/series', { title: 42, startsOn: ['2027-01-04'] }],
    ['an unknown field', '/api/scheduling/series', { title: 'X', startsOn: '2027-01-04', createdBy: 'me' }],
    ['prototype pollution', '/api/scheduling/series', JSON.parse('{"title":"X","startsOn":"2027-01-04","__proto__":{"admin":true}}')],
    ['too many pasted topics', '/api/scheduling/series/rmcc/topics', { topics: Array.from({ length: 53 }, (_, i) => `T${i}`) }],
    ['a blank topic', '/api/scheduling/sessions/rmcc_2027-01-04/topic', { topic: '   ' }],
    ['a host id that is not an id', '/api/scheduling/sessions/rmcc_2027-01-04/hosts', { hostId: 'val', backupId: null }],
    ['an unknown change', '/api/scheduling/sessions/rmcc_2027-01-04/change', { action: 'explode' }],
    ['a cancel without a note', '/api/scheduling/sessions/rmcc_2027-01-04/change', { action: 'cancel' }],
    ['a move that ends before it starts', '/api/scheduling/sessions/rmcc_2027-01-04/change', { action: 'move', date: '2027-01-05', startLocal: '13:00', endLocal: '12:00' }],
    ['a pop-up at 25:00', '/api/scheduling/popups', { title: 'X', date: '2027-01-05', startLocal: '25:00' }],
    ['an early-career circle without years', '/api/scheduling/popups', { title: 'X', date: '2027-01-05', audience: 'early_career' }],
  ])('malformed: %s is a 400', async (_label, path, body) => {
    const res = await staff.post(path, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it.each([['from=2027-02-30'], ['from=2027-03-01&to=2027-02-01'], ['from=2027-01-01&to=2029-01-01'], ['weeks=0'], ['weeks=many'], ['colour=red']])(
    'a schedule query with %s is a 400',
    async (q) => {
      const res = await lawyer.get(`/api/scheduling/sessions?${q}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    },
  );

  it('a host who is not a volunteer', async () => {
    for (const id of [people.lawyer.id, people.staff.id]) {
      const res = await staff.post('/api/scheduling/sessions/rmcc_2027-01-04/hosts', { hostId: id, backupId: null });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('HOST_NOT_VOLUNTEER');
    }
  });
});

describe('authorization', () => {
  const changes: Array<[string, unknown]> = [
    ['/api/scheduling/series', { title: 'Mine', startsOn: '2027-01-04' }],
    ['/api/scheduling/series/rmcc', { status: 'ended' }],
    ['/api/scheduling/series/rmcc/topics', { topics: ['Mine'] }],
    ['/api/scheduling/popups', { title: 'Mine', date: '2027-01-05' }],
    ['/api/scheduling/sessions/rmcc_2027-01-04/topic', { topic: 'Mine' }],
    ['/api/scheduling/sessions/rmcc_2027-01-04/hosts', { hostId: null, backupId: null }],
    ['/api/scheduling/sessions/rmcc_2027-01-04/change', { action: 'cancel', note: 'Mine' }],
    ['/api/scheduling/topics', { topic: 'Mine' }],
  ];
  it.each(changes)('members and volunteers cannot POST %s', async (path, body) => {
    for (const c of [lawyer, student, val]) {
      const res = await c.post(path, body);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    const anonymous = new ApiClient(app.url);
    await anonymous.get('/api/auth/session');
    expect((await anonymous.post(path, body)).status).toBe(401);
  });

  it('a schedule of N weeks from the server’s today', async () => {
    const list = await sessionsOf(lawyer, 'weeks=2');
    expect(list.map((s) => s.id)).toEqual(['rmcc_2026-11-30', 'rmcc_2026-12-07']);
  });

  it('members cannot list volunteers, assignments or the topic library', async () => {
    for (const path of ['/api/scheduling/volunteers', '/api/scheduling/topics', '/api/scheduling/assignments']) {
      expect((await lawyer.get(path)).status).toBe(403);
    }
  });

  it('staff keep a topic library', async () => {
    await staff.post('/api/scheduling/topics', { topic: 'Imposter syndrome' });
    const res = await staff.post('/api/scheduling/topics', { topic: 'Sleep and the billable hour' });
    expect(res.body.topics.map((t: any) => t.topic)).toEqual(['Imposter syndrome', 'Sleep and the billable hour']);
    const removed = await staff.post(`/api/scheduling/topics/${res.body.topics[0].id}/delete`);
    expect(removed.body.topics.map((t: any) => t.topic)).toEqual(['Sleep and the billable hour']);
  });
});

const urlOf = (e: VEvent) => {
  const u = e.url as unknown;
  return typeof u === 'object' && u !== null && 'val' in u ? String(u.val) : String(u);
};

/**
 * Parsed back with node-ical, a different library from the one that writes the feeds. node-ical places
 * TZID=America/Edmonton times by looking the name up in the runtime's zone data, not by the feed's VTIMEZONE
 * (a VTIMEZONE saying +05:00 still reads as −06:00): calendarFeedZones.test.ts reads the VTIMEZONE with ical.js.
 */
function parseFeed(text: string): VEvent[] {
  return Object.values(nodeIcal.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
}

describe('calendar feeds', () => {
  it('the series feed: TZID with VTIMEZONE, RRULE, EXDATE for holidays, RECURRENCE-ID overrides', async () => {
    const res = await fetch(`${app.url}/api/scheduling/series/rmcc/feed.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await res.text();
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('TZID:America/Edmonton');
    expect(text).toMatch(/DTSTART;TZID=America\/Edmonton:20260105T120000/);
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO');
    expect(text).not.toMatch(/token/i);
    const events = parseFeed(text);
    const master = events.find((e) => e.rrule)!;
    expect(master.uid).toBe('rmcc@redmug');
    const instances = nodeIcal.expandRecurringEvent(master, { from: new Date('2026-11-28T00:00:00Z'), to: new Date('2027-12-31T00:00:00Z') });
    const starts = instances.map((i) => new Date(i.start).toISOString());
    // Every instance at noon Alberta time (18:00Z all year from 2026-11-02), or the moved one at 12:30.
    for (const i of instances) {
      const wall = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Edmonton', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(i.start));
      const movedTo1230 = ['2027-01-12', '2027-03-09'].includes(new Date(i.start).toISOString().slice(0, 10));
      expect(wall).toBe(i.isOverride && movedTo1230 ? '12:30' : '12:00');
    }
    // Holidays are excluded: Family Day (skipped by staff after a restore), Victoria Day, Labour Day, Thanksgiving 2027.
    for (const d of ['2027-02-15T18:00', '2027-05-24T18:00', '2027-09-06T18:00', '2027-10-11T18:00']) {
      expect(starts).not.toContain(new Date(`${d}:00Z`).toISOString());
    }
    expect(Object.keys(master.exdate ?? {})).toEqual(expect.arrayContaining(['2026-02-16', '2027-05-24', '2027-10-11', '2028-12-25']));
    // No spring-forward or fall-back any more: the same instant in March and November 2027.
    expect(starts).toContain('2027-03-15T18:00:00.000Z');
    expect(starts).toContain('2027-11-08T18:00:00.000Z');
    // The moved session: a RECURRENCE-ID override at its new time.
    const moved = instances.find((i) => new Date(i.start).toISOString() === '2027-01-12T18:30:00.000Z')!;
    expect(moved.isOverride).toBe(true);
    expect(starts).not.toContain('2027-01-11T18:00:00.000Z');
    // Per-session topics travel in overrides.
    const topic = instances.find((i) => new Date(i.start).toISOString() === '2026-12-07T18:00:00.000Z')!;
    expect(topic.isOverride).toBe(true);
    expect(String(topic.summary)).toBe('Red Mug Coffee Circle: Boundaries');
    expect(urlOf(topic.event)).toMatch(/\/circles\/rmcc_2026-12-07\/join$/);
    // The cancelled one is marked so.
    expect(master.recurrences?.['2027-01-18T18:00:00.000Z']?.status).toBe('CANCELLED');
  });

  it('SEQUENCE grows when a session changes', async () => {
    const seqOf = async () => {
      const events = parseFeed(await (await fetch(`${app.url}/api/scheduling/series/rmcc/feed.ics`)).text());
      // node-ical folds RECURRENCE-ID overrides into the master's `recurrences`, keyed by the original start.
      return Number(events.find((e) => e.rrule)!.recurrences!['2026-12-14T18:00:00.000Z']!.sequence);
    };
    const before = await seqOf();
    await staff.post('/api/scheduling/sessions/rmcc_2026-12-14/topic', { topic: 'Holiday stress, revisited' });
    expect(await seqOf()).toBeGreaterThan(before);
  });

  it('"Add to calendar" for one session', async () => {
    const res = await lawyer.get('/api/scheduling/sessions/rmcc_2026-11-30/calendar.ics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('rmcc_2026-11-30.ics');
    const [event] = parseFeed(res.body as string);
    expect(new Date(event!.start).toISOString()).toBe('2026-11-30T18:00:00.000Z');
    expect(String(event!.summary)).toBe('Red Mug Coffee Circle: Returning from leave');
    expect(String(event!.description)).toContain('Hosted by a red mug volunteer.');
  });

  it('the personal feed: reachable only by its secret URL, revocable, and one person’s does not reveal another’s', async () => {
    const a = (await val.post('/api/scheduling/feed/rotate')).body.url as string;
    const b = (await lawyer.post('/api/scheduling/feed/rotate')).body.url as string;
    expect(a).not.toBe(b);
    const tokenA = a.split('/').pop()!.replace('.ics', '');
    const stored = await app.db.query<{ token_hash: string }>('SELECT token_hash FROM calendar_feed_tokens');
    expect(stored.map((r) => r.token_hash)).not.toContain(tokenA);
    const feedA = await fetch(a); // no cookie
    expect(feedA.status).toBe(200);
    const textA = await feedA.text();
    expect(textA).toContain('You are the host.');
    const textB = await (await fetch(b)).text();
    expect(textB).not.toContain('You are the host.');
    expect(textB).not.toContain('Articling pop-up'); // not for lawyers
    for (const t of [textA, textB]) {
      for (const p of Object.values(people)) expect(t).not.toContain(p.email);
    }
    // Rotating makes the old URL stop working; revoking ends it.
    const a2 = (await val.post('/api/scheduling/feed/rotate')).body.url as string;
    expect((await fetch(a)).status).toBe(404);
    expect((await fetch(a2)).status).toBe(200);
    await val.post('/api/scheduling/feed/revoke');
    expect((await fetch(a2)).status).toBe(404);
    expect((await fetch(`${app.url}/api/scheduling/feeds/${'x'.repeat(43)}.ics`)).status).toBe(404);
  });
});

describe('in French', () => {
  const fr = { 'accept-language': 'fr-CA' };

  it('a French account’s personal feed speaks French; staff-typed words stay as typed', async () => {
    expect((await val.request('PUT', '/api/auth/locale', { json: { locale: 'fr-CA' } })).status).toBe(200);
    try {
      const url = (await val.post('/api/scheduling/feed/rotate')).body.url as string;
      const text = await (await fetch(url)).text(); // the calendar app: no cookie, no Accept-Language
      expect(text).toContain('X-WR-CALNAME:Cercles Red Mug');
      expect(text).toContain('PRODID:-//Red Mug//Red Mug circles//FR');
      const master = parseFeed(text).find((e) => e.uid === 'rmcc@redmug' && e.rrule)!;
      const hosted = master.recurrences!['2026-11-30T18:00:00.000Z']!;
      expect(String(hosted.summary)).toBe('Red Mug Coffee Circle : Returning from leave');
      expect(String(hosted.description)).toContain('Thème : Returning from leave');
      expect(String(hosted.description)).toContain('Vous êtes l’hôte.');
      expect(text).not.toContain('You are the host.');
      // ?lang= wins over the owner's language.
      expect(await (await fetch(`${url}?lang=en-CA`)).text()).toContain('You are the host.');
    } finally {
      await val.request('PUT', '/api/auth/locale', { json: { locale: 'en-CA' } });
    }
  });

  it('a series feed in the asker’s language or ?lang=, which must be offered', async () => {
    const feed = (q = '', headers: Record<string, string> = {}) => fetch(`${app.url}/api/scheduling/series/rmcc/feed.ics${q}`, { headers });
    const cancelledOf = (text: string) => String(parseFeed(text).find((e) => e.rrule)!.recurrences!['2027-01-18T18:00:00.000Z']!.summary);
    expect(cancelledOf(await (await feed('', fr)).text())).toBe('Annulé : Red Mug Coffee Circle');
    expect(cancelledOf(await (await feed('?lang=fr-CA')).text())).toBe('Annulé : Red Mug Coffee Circle');
    expect(cancelledOf(await (await feed()).text())).toBe('Cancelled: Red Mug Coffee Circle');
    const refused = await feed('?lang=de-DE');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { code: string }).code).toBe('VALIDATION_FAILED');
  });

  it('a French staff member’s refusals are in French: a schema’s message, a service’s, a holiday note', async () => {
    const body = { title: 'X', startsOn: '2027-02-01', startLocal: '13:00', endLocal: '12:00' };
    const invalid = await staff.request('POST', '/api/scheduling/series', { json: body, headers: fr });
    expect(invalid.status).toBe(400);
    expect(invalid.body.message).toBe('Veuillez vérifier endLocal : La fin doit être après le début');
    expect(invalid.body.details).toContainEqual({ path: 'endLocal', message: 'La fin doit être après le début' });
    // English stays English.
    expect((await staff.post('/api/scheduling/series', body)).body.message).toBe('Please check endLocal: The end must be after the start');
    const host = await staff.request('POST', '/api/scheduling/sessions/rmcc_2027-01-04/hosts', { json: { hostId: people.lawyer.id, backupId: null }, headers: fr });
    expect(host.body).toMatchObject({ code: 'HOST_NOT_VOLUNTEER', message: 'Seuls les bénévoles à la tasse rouge peuvent animer un cercle. Choisissez un ou une bénévole.' });
    const zone = await staff.request('POST', '/api/scheduling/series', { json: { title: 'X', startsOn: '2027-02-01', timezone: 'America/Atlantis' }, headers: fr });
    expect(zone.body.message).toBe('Nous ne connaissons pas le fuseau horaire « America/Atlantis ». Utilisez un nom comme America/Edmonton.');
    const list = (await lawyer.request('GET', '/api/scheduling/sessions?from=2027-05-20&to=2027-05-31', { headers: fr })).body.sessions as any[];
    expect(byId(list, 'rmcc_2027-05-24')).toMatchObject({ status: 'skipped', note: 'Pas de cercle : Fête de la Reine' });
  });
});
