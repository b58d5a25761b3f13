import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attendanceReportCsv } from '../../shared/reportCsv';
import { participantIdentity, roomNameFor } from '../../server/src/livekit/identities';
import { createMedia } from '../../server/src/livekit/media';
import { openDb } from '../../server/src/store/db';
import { ApiClient } from '../support/httpClient';
import { freshPostgresDatabase } from '../support/postgres';
import { IN_WINDOW, startTestApp, TEST_SECRET, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD, type People } from '../support/users';
import { postWebhook, signWebhook, webhookEvent, WEBHOOK_KEY, WEBHOOK_SECRET } from '../support/webhooks';
import type { PublicUser } from '../../shared/schemas/auth';

const SESSION = 'rmcc_2026-11-30';
const ROOM = roomNameFor(TEST_SECRET, SESSION);
const PERIOD = '/api/reports/attendance?from=2026-11-01&to=2026-11-30';

describe.each(['pglite', 'postgres'] as const)('attendance from LiveKit webhooks (%s)', (engine) => {
  let app: TestApp;
  let people: People;
  let staff: ApiClient;

  beforeAll(async () => {
    const db = engine === 'postgres' ? await openDb({ databaseUrl: await freshPostgresDatabase() }) : undefined;
    // No LiveKit is running: the connection only gives the webhook route our key and secret.
    const media = createMedia({ url: 'ws://127.0.0.1:9', apiKey: WEBHOOK_KEY, apiSecret: WEBHOOK_SECRET });
    app = await startTestApp({ db, media, now: IN_WINDOW, env: { REPORT_SMALL_CELL_THRESHOLD: '1' } });
    people = await createPeople(app);
    staff = new ApiClient(app.url);
    expect((await staff.signIn('staff@example.ca', PASSWORD)).status).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    if (engine === 'postgres') await app.db.close();
  });
  beforeEach(async () => {
    for (const t of ['attendance_tickets', 'attendance_spans', 'attendance_reach', 'attendance_reach_totals', 'attendance_daily', 'webhook_events']) {
      await app.db.query(`DELETE FROM ${t}`);
    }
  });

  /** What the join route does before handing out a token. */
  async function ticket(user: PublicUser, sessionId = SESSION) {
    const identity = participantIdentity(TEST_SECRET, user.id, sessionId);
    await app.services.attendance.issueTicket(user, sessionId, identity, roomNameFor(TEST_SECRET, sessionId), 'Career pivots');
    return identity;
  }
  const send = async (body: string) => postWebhook(app.url, body, await signWebhook(body));
  const spans = () => app.db.query<{ joined_at: Date; left_at: Date | null; kind: string }>('SELECT joined_at, left_at, kind FROM attendance_spans');
  const report = async () => (await staff.get(PERIOD)).body;

  it('counts a verified join and leave, by kind and topic', async () => {
    const lee = await ticket(people.lawyer);
    const sam = await ticket(people.student);
    const t0 = Math.floor(Date.now() / 1000) - 1500;
    expect(await send(webhookEvent('participant_joined', { room: ROOM, identity: lee, sid: 'PA_lee', joinedAt: t0 }))).toBe(204);
    expect(await send(webhookEvent('participant_joined', { room: ROOM, identity: sam, sid: 'PA_sam', joinedAt: t0 }))).toBe(204);
    expect(await send(webhookEvent('participant_left', { room: ROOM, identity: lee, sid: 'PA_lee', joinedAt: t0, createdAt: t0 + 1200 }))).toBe(204);
    expect(await send(webhookEvent('room_finished', { room: ROOM, createdAt: t0 + 1500 }))).toBe(204);
    const r = await report();
    expect(r).toMatchObject({ sessionsHeld: 1, attendance: 2, uniqueIndividuals: 2, averageMinutes: 23 });
    expect(r.byKind).toEqual([
      { key: 'lawyer', label: 'Lawyers', count: 1 },
      { key: 'articling_student', label: 'Articling students', count: 1 },
      { key: 'volunteer', label: 'Volunteers', count: 0 },
    ]);
    expect(r.byTopic).toEqual([{ key: 'Career pivots', label: 'Career pivots', count: 2 }]);
    expect(r.newVersusReturning.map((c: { count: number }) => c.count)).toEqual([2, 0]);
  });

  it('answers concurrent report requests (each rolls up the aggregates) without conflict', async () => {
    const lee = await ticket(people.lawyer);
    expect(await send(webhookEvent('participant_joined', { room: ROOM, identity: lee, sid: 'PA_lee' }))).toBe(204);
    const replies = await Promise.all(Array.from({ length: 6 }, () => staff.get(PERIOD)));
    expect(replies.map((r) => [r.status, r.body.attendance])).toEqual(Array.from({ length: 6 }, () => [200, 1]));
  });

  it('does not count staff, who are not the people the circles reach', async () => {
    const sasha = participantIdentity(TEST_SECRET, people.staff.id, SESSION);
    await app.services.attendance.issueTicket(people.staff, SESSION, sasha, ROOM, null);
    expect(await send(webhookEvent('participant_joined', { room: ROOM, identity: sasha }))).toBe(204);
    expect(await spans()).toEqual([]);
  });

  it('handles a duplicate delivery once and replays of the same event id change nothing', async () => {
    const lee = await ticket(people.lawyer);
    const body = webhookEvent('participant_joined', { room: ROOM, identity: lee, sid: 'PA_lee' });
    expect(await send(body)).toBe(204);
    expect(await send(body)).toBe(204);
    expect(await app.db.query('SELECT 1 FROM webhook_events')).toHaveLength(1);
    // Even a new delivery id for the same join only confirms the one span.
    expect(await send(webhookEvent('participant_joined', { room: ROOM, identity: lee, sid: 'PA_lee' }))).toBe(204);
    expect(await spans()).toHaveLength(1);
  });

  it('ends in the same rows whatever order join and leave arrive in', async () => {
    const lee = await ticket(people.lawyer);
    const t0 = Math.floor(Date.now() / 1000) - 300;
    expect(await send(webhookEvent('participant_left', { room: ROOM, identity: lee, sid: 'PA_lee', joinedAt: t0, createdAt: t0 + 120 }))).toBe(204);
    expect(await send(webhookEvent('participant_joined', { room: ROOM, identity: lee, sid: 'PA_lee', joinedAt: t0, createdAt: t0 }))).toBe(204);
    const [span] = await spans();
    expect(span!.left_at && new Date(span!.left_at).getTime() - new Date(span!.joined_at).getTime()).toBe(120_000);
    expect((await report()).attendance).toBe(1);
  });

  it('refuses unsigned, forged, tampered, stale and malformed webhooks, changing nothing', async () => {
    const lee = await ticket(people.lawyer);
    const body = webhookEvent('participant_joined', { room: ROOM, identity: lee });
    expect(await postWebhook(app.url, body)).toBe(401);
    expect(await postWebhook(app.url, body, await signWebhook(body, 'another-secret-0123456789abcdef012345'))).toBe(401);
    expect(await postWebhook(app.url, body, 'not-a-jwt')).toBe(401);
    const other = webhookEvent('participant_joined', { room: ROOM, identity: lee, sid: 'PA_other' });
    expect(await postWebhook(app.url, other, await signWebhook(body))).toBe(401);
    const stale = webhookEvent('participant_joined', { room: ROOM, identity: lee, createdAt: Math.floor(Date.now() / 1000) - 3600 });
    expect(await send(stale)).toBe(401);
    expect(await send('{"event": ')).toBe(400);
    expect(await send('{"event":"participant_joined"}')).toBe(400);
    expect(await spans()).toEqual([]);
    expect(await app.db.query('SELECT 1 FROM webhook_events')).toEqual([]);
  });

  it('answers bad periods with a clear 400 and keeps reports to staff', async () => {
    for (const q of ['', '?from=2026-11-30', '?from=2026-12-01&to=2026-11-01', '?from=2026-13-01&to=2026-12-01', '?from=2020-01-01&to=2026-01-01', '?from=2026-11-01&to=2026-11-30&kind=lawyer']) {
      const res = await staff.get(`/api/reports/attendance${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    const member = new ApiClient(app.url);
    await member.signIn('lawyer@example.ca', PASSWORD);
    expect((await member.get(PERIOD)).status).toBe(403);
    expect((await member.get('/api/reports/audit')).status).toBe(403);
    expect((await new ApiClient(app.url).get(PERIOD)).status).toBe(401);
  });

  /** Lee joins a circle in August (past retention by the test's clock), Sam the current one; then retention runs. */
  async function joinedLongAgoAndNowThenRetention(): Promise<void> {
    const old = 'rmcc_2026-08-03';
    const lee = await ticket(people.lawyer, old);
    expect(await send(webhookEvent('participant_joined', { room: roomNameFor(TEST_SECRET, old), identity: lee, sid: 'PA_old' }))).toBe(204);
    const sam = await ticket(people.student);
    expect(await send(webhookEvent('participant_joined', { room: ROOM, identity: sam, sid: 'PA_new' }))).toBe(204);
    await app.services.attendance.applyRetention();
  }

  it('deletes raw rows past retention and keeps the aggregates and yearly reach', async () => {
    await joinedLongAgoAndNowThenRetention();
    const left = await app.db.query<{ session_id: string }>('SELECT session_id FROM attendance_spans');
    expect(left.map((r) => r.session_id)).toEqual([SESSION]);
    const kept = await staff.get('/api/reports/attendance?from=2026-08-01&to=2026-08-31');
    expect(kept.body).toMatchObject({ attendance: 1, sessionsHeld: 1, uniqueComplete: false });
    expect((await staff.get('/api/reports/milestones')).body).toMatchObject({ years: [{ year: 2026, uniqueIndividuals: 2 }], sumOfYearlyFigures: 2 });
  });

  it('deletes the yearly reach of people last seen before retention, keeping only counts', async () => {
    await joinedLongAgoAndNowThenRetention();
    // Lee's pseudonym is gone from every table; Sam's (seen on the 30th) stays until it, too, is past retention.
    const pseudonyms = await app.db.query<{ kind: string }>('SELECT kind FROM attendance_reach');
    expect(pseudonyms.map((r) => r.kind)).toEqual(['articling_student']);
    expect(await app.db.query('SELECT reporting_year, kind, people FROM attendance_reach_totals')).toEqual([{ reporting_year: 2026, kind: 'lawyer', people: 1 }]);
    const m = (await staff.get('/api/reports/milestones')).body;
    expect(m.years[0].byKind.map((c: { count: number }) => c.count)).toEqual([1, 1, 0]);
    // Running retention again counts nobody twice.
    await app.services.attendance.applyRetention();
    expect((await staff.get('/api/reports/milestones')).body).toMatchObject({ sumOfYearlyFigures: 2 });
  });

  it('destroys a year\'s pseudonym key once the clock is past the reporting year, so its pseudonyms cannot be made again', async () => {
    await ticket(people.lawyer);
    const keys = () => app.db.query<{ reporting_year: number }>('SELECT reporting_year FROM attendance_year_keys ORDER BY reporting_year');
    expect((await keys()).map((k) => k.reporting_year)).toContain(2026);
    const [before] = await app.db.query<{ pseudonym: string }>('SELECT pseudonym FROM attendance_tickets');
    try {
      app.clock.set('2026-12-31T23:00:00Z');
      await app.services.attendance.applyRetention();
      expect((await keys()).map((k) => k.reporting_year)).toContain(2026); // Alberta's 31 December is not over
      app.clock.set('2027-01-02T13:00:00Z');
      await app.services.attendance.applyRetention();
      expect((await keys()).map((k) => k.reporting_year)).not.toContain(2026);
      expect(app.logLines.some((l) => l.includes('attendance.year_keys_destroyed'))).toBe(true);
      // Even asked again for a 2026 session, the server makes a new key: the old pseudonym is never computed again.
      await app.db.query('DELETE FROM attendance_tickets');
      await ticket(people.lawyer);
      const [after] = await app.db.query<{ pseudonym: string }>('SELECT pseudonym FROM attendance_tickets');
      expect(after!.pseudonym).not.toBe(before!.pseudonym);
    } finally {
      app.clock.set(IN_WINDOW);
      await app.db.query('DELETE FROM attendance_year_keys');
    }
  });

  it('with the default threshold shows small counts as withheld', async () => {
    const strict = await startTestApp({ db: app.db, media: app.media, now: IN_WINDOW });
    try {
      const lee = await ticket(people.lawyer);
      expect(await send(webhookEvent('participant_joined', { room: ROOM, identity: lee, sid: 'PA_lee' }))).toBe(204);
      const c = new ApiClient(strict.url);
      await c.signIn('staff@example.ca', PASSWORD);
      const r = (await c.get(PERIOD)).body;
      expect(r).toMatchObject({ threshold: 5, attendance: null, uniqueIndividuals: null, averageMinutes: null });
      expect(attendanceReportCsv(r)).toContain('"attendance","fewer than 5"');
    } finally {
      await strict.close();
    }
  });

  it('shows a one-day range with one articling student exactly as a day nobody came (default threshold)', async () => {
    const strict = await startTestApp({ db: app.db, media: app.media, now: IN_WINDOW });
    try {
      const c = new ApiClient(strict.url);
      await c.signIn('staff@example.ca', PASSWORD);
      const day = (d: string) => `/api/reports/attendance?from=${d}&to=${d}`;
      const popUp = 'rmcc_2026-11-30';
      const sam = await ticket(people.student, popUp);
      const t0 = Math.floor(Date.now() / 1000) - 1500;
      expect(await send(webhookEvent('participant_joined', { room: roomNameFor(TEST_SECRET, popUp), identity: sam, sid: 'PA_sam', joinedAt: t0 }))).toBe(204);
      expect(await send(webhookEvent('participant_left', { room: roomNameFor(TEST_SECRET, popUp), identity: sam, sid: 'PA_sam', joinedAt: t0, createdAt: t0 + 1200 }))).toBe(204);
      const withSam = (await c.get(day('2026-11-30'))).body;
      const empty = (await c.get(day('2026-11-29'))).body;
      expect({ ...withSam, from: 'x', to: 'x' }).toEqual({ ...empty, from: 'x', to: 'x' });
      expect(withSam).toMatchObject({ sessionsHeld: 0, attendance: null, bySession: [] });
      const csv = (r: typeof withSam) => attendanceReportCsv(r).replace(/\d{4}-\d{2}-\d{2}/g, 'day');
      expect(csv(withSam)).toBe(csv(empty));
      // And no wider period, nor the yearly reach, moves because of her.
      const month = (await c.get(PERIOD)).body;
      expect(month).toMatchObject({ sessionsHeld: 0, attendance: null, uniqueIndividuals: null });
      expect((await c.get('/api/reports/milestones')).body).toMatchObject({ years: [], sumOfYearlyFigures: 0 });
    } finally {
      await strict.close();
    }
  });

  it('leaves no attendee id, email or name beside a session id in any table, log line or export', async () => {
    const attendees = [people.lawyer, people.student, people.volunteer];
    for (const [i, u] of attendees.entries()) {
      const identity = await ticket(u);
      expect(await send(webhookEvent('participant_joined', { room: ROOM, identity, sid: `PA_${i}` }))).toBe(204);
      expect(await send(webhookEvent('participant_left', { room: ROOM, identity, sid: `PA_${i}` }))).toBe(204);
    }
    await app.services.attendance.applyRetention();
    const needles = attendees.flatMap((u) => [u.id, u.email, u.firstName]);
    const tables = await app.db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    for (const { table_name } of tables) {
      for (const row of await app.db.query(`SELECT * FROM ${table_name}`)) {
        const text = JSON.stringify(row);
        if (!text.includes(SESSION) && !text.includes(ROOM)) continue;
        for (const n of needles) expect(text, `${table_name} holds ${n} beside the session`).not.toContain(n);
      }
    }
    for (const line of app.logLines) {
      for (const n of needles) expect(line).not.toContain(n);
    }
    const r = (await staff.get(PERIOD)).body;
    const m = (await staff.get('/api/reports/milestones')).body;
    const csv = attendanceReportCsv(r, m);
    for (const n of needles) expect(csv + JSON.stringify(r) + JSON.stringify(m)).not.toContain(n);
    expect(r.attendance).toBe(3);
    // The server's download is the same file, in the staff member's language (English here).
    const download = await staff.get(PERIOD.replace('/attendance?', '/attendance.csv?'));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/filename="?red-mug-circles-2026-11-01-to-2026-11-30\.csv"?$/);
    expect(download.body).toBe(csv);
    const french = await staff.request('GET', PERIOD.replace('/attendance?', '/attendance.csv?'), { headers: { 'accept-language': 'fr-CA' } });
    expect((french.body as string).split('\r\n')[0]).toBe('"section","élément","en ligne","en personne"');
    for (const n of needles) expect(french.body).not.toContain(n);
  });
});

describe('reconciliation against the room service', () => {
  it('closes spans whose participant LiveKit no longer lists, and all of a finished room', async () => {
    const present = new Map<string, string[]>();
    const base = createMedia({ url: 'ws://127.0.0.1:9', apiKey: WEBHOOK_KEY, apiSecret: WEBHOOK_SECRET });
    const rooms = {
      async listParticipants(room: string) {
        const sids = present.get(room);
        if (!sids) throw new Error('requested room does not exist');
        return sids.map((sid) => ({ sid }));
      },
    };
    const app = await startTestApp({ media: { ...base, roomService: () => rooms as never }, now: IN_WINDOW });
    try {
      const people = await createPeople(app);
      const other = 'rmcc_2026-11-23';
      const ids = await Promise.all(
        [
          [people.lawyer, SESSION],
          [people.student, SESSION],
          [people.volunteer, other],
        ].map(async ([u, s]) => {
          const identity = participantIdentity(TEST_SECRET, (u as PublicUser).id, s as string);
          await app.services.attendance.issueTicket(u as PublicUser, s as string, identity, roomNameFor(TEST_SECRET, s as string), null);
          return identity;
        }),
      );
      const post = async (body: string) => expect(await postWebhook(app.url, body, await signWebhook(body))).toBe(204);
      await post(webhookEvent('participant_joined', { room: ROOM, identity: ids[0], sid: 'PA_gone' }));
      await post(webhookEvent('participant_joined', { room: ROOM, identity: ids[1], sid: 'PA_stay' }));
      await post(webhookEvent('participant_joined', { room: roomNameFor(TEST_SECRET, other), identity: ids[2], sid: 'PA_old' }));
      present.set(ROOM, ['PA_stay']);
      await app.services.attendance.reconcile();
      const rows = await app.db.query<{ participant_sid: string; open: boolean }>(
        'SELECT participant_sid, left_at IS NULL AS open FROM attendance_spans ORDER BY participant_sid',
      );
      expect(rows).toEqual([
        { participant_sid: 'PA_gone', open: false },
        { participant_sid: 'PA_old', open: false },
        { participant_sid: 'PA_stay', open: true },
      ]);
    } finally {
      await app.close();
    }
  });
});
