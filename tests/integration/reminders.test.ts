import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReminderCounts, ReminderSettings, UnsubscribeResult } from '../../shared/schemas/reminders';
import { publishCount } from '../../server/src/reports/disclosure';
import { ApiClient, signedInAs } from '../support/httpClient';
import { mailBody, mailHeader, startSmtpServer, type ReceivedMail, type SmtpServer } from '../support/smtpServer';
import { recordReadiness } from '../support/readiness';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD, type People } from '../support/users';

/**
 * Issue #18, item 3: opt-in reminders by e-mail through a real SMTP server, with RFC 8058 one-click unsubscribe.
 * The app's clock is pinned (nothing outside this process reads it here: the SMTP server and PGlite do not).
 */
const PUBLIC = 'https://redmug.example.org';
/** Monday 30 November 2026, 09:00 Alberta time (UTC−6 all year from 2026-11-01): after the 08:00 reminder hour. */
const MONDAY_9AM = '2026-11-30T15:00:00Z';
const TODAY = 'rmcc_2026-11-30';
const NEXT_MONDAY = 'rmcc_2026-12-07';

let smtp: SmtpServer;
let app: TestApp;
let people: People;
let staff: ApiClient;
let lee: ApiClient;
let val: ApiClient;
let nicoId: string;

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startTestApp({ now: MONDAY_9AM, env: { SMTP_URL: smtp.url, MAIL_FROM: 'Red Mug <no-reply@redmug.example.org>', PUBLIC_URL: PUBLIC } });
  people = await createPeople(app);
  const nico = await app.services.auth.createUser({ email: 'nico@example.ca', firstName: 'Nico', role: 'volunteer', memberKind: null, password: PASSWORD });
  nicoId = nico!.id;
  await recordReadiness(app, nicoId);
  // Signed in through the public origin, as a browser there would be (the Origin check is against PUBLIC_URL).
  staff = await signedInAs(app.url, 'staff@example.ca');
  lee = await signedInAs(app.url, 'lawyer@example.ca');
  val = await signedInAs(app.url, 'volunteer@example.ca');
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

/** Moves the pinned clock and signs everyone in again (sessions last hours, the tests move days). */
async function at(instant: string) {
  app.clock.set(instant);
  [staff, lee, val] = await Promise.all([
    signedInAs(app.url, 'staff@example.ca'),
    signedInAs(app.url, 'lawyer@example.ca'),
    signedInAs(app.url, 'volunteer@example.ca'),
  ]);
}
const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));
const settingsOf = async (c: ApiClient) => ReminderSettings.parse((await c.get('/api/reminders')).body);
const unsubscribePath = (m: ReceivedMail) => {
  const header = mailHeader(m, 'List-Unsubscribe');
  const url = /^<(https:\/\/redmug\.example\.org(\/unsubscribe\/[^>]+))>$/.exec(header ?? '');
  expect(url, `List-Unsubscribe: ${header}`).not.toBeNull();
  return url![2]!;
};
/** A mail client's one-click POST: no cookie, no CSRF token, the RFC 8058 body. */
const oneClick = (path: string, body = 'List-Unsubscribe=One-Click', type = 'application/x-www-form-urlencoded') =>
  fetch(app.url + path, { method: 'POST', headers: { 'content-type': type }, body });

/** What no reminder may say: who else is rostered, anyone's attendance. */
function expectDiscreet(m: ReceivedMail) {
  const body = mailBody(m);
  expect(body).not.toMatch(/\bNico\b|\bVal\b|\bSasha\b|\bSam\b|\bLee\b/);
  expect(body).not.toMatch(/attend|joined|came|participant|people (are|were)/i);
  expect(body).not.toMatch(/@example\.ca/);
}

describe('the morning reminder on circle days', () => {
  let leeMail: ReceivedMail;

  it('is off by default, and a member can turn it on for themselves only (validated)', async () => {
    expect(await settingsOf(lee)).toEqual({ lists: [{ list: 'circle_day', subscribed: false }], mailAvailable: true, hour: 8 });
    // A volunteer is offered the host lists too.
    expect((await settingsOf(val)).lists.map((l) => l.list)).toEqual(['circle_day', 'assignments', 'day_before', 'changes']);
    expect((await lee.post('/api/reminders/circle_day', { subscribed: 'yes' })).body.code).toBe('VALIDATION_FAILED');
    expect((await lee.post('/api/reminders/everything', { subscribed: true })).body.code).toBe('VALIDATION_FAILED');
    expect((await lee.post('/api/reminders/circle_day', { subscribed: true, userId: people.student.id })).body.code).toBe('VALIDATION_FAILED');
    // Host lists are for volunteers.
    const host = await lee.post('/api/reminders/assignments', { subscribed: true });
    expect(host.status).toBe(403);
    expect(host.body.code).toBe('FORBIDDEN');
    const on = await lee.post('/api/reminders/circle_day', { subscribed: true });
    expect(on.status).toBe(200);
    expect(ReminderSettings.parse(on.body).lists).toEqual([{ list: 'circle_day', subscribed: true }]);
    // Nobody else's choice changed.
    expect((await settingsOf(await signedInAs(app.url, 'student@example.ca'))).lists).toEqual([{ list: 'circle_day', subscribed: false }]);
  });

  it('arrives once with the topics of today\'s circles the member may attend, both unsubscribe headers and a link', async () => {
    // Today: the Monday circle (with a topic and a roster), an evening pop-up, a students-only pop-up, a cancelled one.
    expect((await staff.post(`/api/scheduling/sessions/${TODAY}/topic`, { topic: 'Setting boundaries with clients' })).status).toBe(200);
    expect((await staff.post(`/api/scheduling/sessions/${TODAY}/hosts`, { hostId: people.volunteer.id, backupId: nicoId })).status).toBe(200);
    const popup = (body: object) => staff.post('/api/scheduling/popups', { date: '2026-11-30', ...body });
    expect((await popup({ title: 'Evening pop-up', startLocal: '17:00', endLocal: '18:00', topic: 'Leaving a firm well' })).status).toBe(201);
    expect((await popup({ title: 'Articling pop-up', startLocal: '15:00', endLocal: '16:00', topic: 'The first months', audience: 'articling_students' })).status).toBe(201);
    const cancelled = await popup({ title: 'Lunch pop-up', startLocal: '13:00', endLocal: '14:00', topic: 'Never to be sent' });
    expect((await staff.post(`/api/scheduling/sessions/${cancelled.body.id}/change`, { action: 'cancel', note: 'Sorry' })).status).toBe(200);

    expect(await app.services.reminders.runOnce()).toBe(true);
    await expect.poll(() => mailsTo('lawyer@example.ca').length).toBe(1);
    leeMail = mailsTo('lawyer@example.ca')[0]!;
    expect(mailHeader(leeMail, 'Subject')).toBe('Red Mug circles today');
    expect(mailHeader(leeMail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const path = unsubscribePath(leeMail);
    // Signed per person and list; the address is not in it.
    expect(path).toMatch(/^\/unsubscribe\/circle_day\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
    expect(path).not.toContain('lawyer');
    const body = mailBody(leeMail);
    expect(body).toContain('Setting boundaries with clients');
    expect(body).toContain('Monday 30 November, 12:00 (Alberta time)');
    expect(body).toContain('Leaving a firm well');
    expect(body).toContain('Monday 30 November, 17:00 (Alberta time)');
    expect(body).not.toContain('The first months'); // a circle Lee may not attend
    expect(body).not.toContain('Never to be sent'); // a cancelled circle
    expect(body).toContain(`To stop these e-mails, open this link: ${PUBLIC}${path}`);
    expectDiscreet(leeMail);

    // Another run, later the same morning: nothing more today.
    await at('2026-11-30T16:30:00Z');
    expect(await app.services.reminders.runOnce()).toBe(true);
    expect(smtp.received.length).toBe(1);
    // Nothing of the message is kept, only that it was sent.
    const stored = JSON.stringify(await app.db.query('SELECT * FROM reminder_sends'));
    expect(stored).not.toMatch(/Setting boundaries|lawyer@/);
  });

  it('a GET of the link does not unsubscribe; forged or altered tokens are refused with a typed 4xx', async () => {
    const path = unsubscribePath(leeMail);
    // A mail scanner fetching the link: API-only here, so no page either, and still subscribed.
    const fetched = await fetch(app.url + path);
    expect(fetched.status).toBe(404);
    expect((await settingsOf(lee)).lists).toEqual([{ list: 'circle_day', subscribed: true }]);

    const [, token] = /\/unsubscribe\/(.+)$/.exec(path)!;
    const [list, id, mac] = token!.split('.') as [string, string, string];
    const altered = [
      `${list}.${id}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`, // signature altered
      `assignments.${id}.${mac}`, // another list, same signature
      `${list}.${'A'.repeat(22)}.${mac}`, // another person
      'not-a-token',
    ];
    for (const t of altered) {
      const res = await oneClick(`/unsubscribe/${t}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'UNSUBSCRIBE_INVALID', message: expect.stringContaining('Change your reminders in Red Mug') });
    }
    // Only the one-click form body is taken.
    const wrongBody = await oneClick(path, 'List-Unsubscribe=Yes');
    expect(wrongBody.status).toBe(400);
    expect((await wrongBody.json()).code).toBe('VALIDATION_FAILED');
    expect((await oneClick(path, JSON.stringify({ 'List-Unsubscribe': 'One-Click' }), 'application/json')).status).toBe(400);
    expect((await settingsOf(lee)).lists).toEqual([{ list: 'circle_day', subscribed: true }]);
  });

  it('the one-click POST, without cookies or a CSRF token, unsubscribes; the next reminder does not come', async () => {
    // Sam asks too, so the next circle day shows the job still sends.
    const sam = await signedInAs(app.url, 'student@example.ca');
    expect((await sam.post('/api/reminders/circle_day', { subscribed: true })).status).toBe(200);

    const res = await oneClick(unsubscribePath(leeMail));
    expect(res.status).toBe(200);
    expect(UnsubscribeResult.parse(await res.json())).toEqual({ list: 'circle_day', unsubscribed: true });
    expect(res.headers.get('set-cookie')).toBeNull();
    expect((await settingsOf(lee)).lists).toEqual([{ list: 'circle_day', subscribed: false }]);
    // Again: still fine (a mail client may retry).
    expect((await oneClick(unsubscribePath(leeMail))).status).toBe(200);

    // The next Monday at 09:00 Alberta time.
    await at('2026-12-07T15:00:00Z');
    expect(await app.services.reminders.runOnce()).toBe(true);
    await expect.poll(() => mailsTo('student@example.ca').length).toBe(1);
    expect(mailsTo('lawyer@example.ca')).toHaveLength(1);
    expect(mailBody(mailsTo('student@example.ca')[0]!)).toContain('Monday 7 December, 12:00 (Alberta time)');
  });

  it('a member who reads Red Mug in French gets it in French, times by Quebec typography; English stays as it was', async () => {
    // Monday 21 December 2026, 08:30 Alberta time (UTC−6): the Monday circle at noon there, 18:00 UTC.
    await at('2026-12-21T14:30:00Z');
    // Sam chooses French on their account (Sam is on the morning list since the test above).
    const sam = await signedInAs(app.url, 'student@example.ca');
    expect((await sam.request('PUT', '/api/auth/locale', { json: { locale: 'fr-CA' } })).status).toBe(200);
    const other = await app.services.auth.createUser({ email: 'kim@example.ca', firstName: 'Kim', role: 'member', memberKind: 'lawyer', password: PASSWORD });
    const kim = await signedInAs(app.url, 'kim@example.ca');
    expect((await kim.post('/api/reminders/circle_day', { subscribed: true })).status).toBe(200);
    expect(other).not.toBeNull();
    expect(await app.services.reminders.runOnce()).toBe(true);
    await expect.poll(() => mailsTo('kim@example.ca').length).toBe(1);
    await expect.poll(() => mailsTo('student@example.ca').length).toBe(2);
    const fr = mailsTo('student@example.ca')[1]!;
    expect(mailHeader(fr, 'Subject')).toBe('Cercle Red Mug aujourd’hui : Red Mug Coffee Circle');
    const body = mailBody(fr);
    expect(body).toContain('Il y a un cercle Red Mug aujourd’hui :');
    // Written out from the rule: noon Alberta time is "12 h", the date "lundi 21 décembre", the zone as the program calls it.
    expect(body).toContain('Quand : lundi 21 décembre à 12 h (heure de l’Alberta)');
    expect(body).toContain('Pour ne plus recevoir ces courriels, ouvrez ce lien :');
    expect(mailHeader(fr, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const en = mailBody(mailsTo('kim@example.ca')[0]!);
    expect(en).toContain('  When: Monday 21 December, 12:00 (Alberta time)');
    expect(en).toContain('To stop these e-mails, open this link:');
    // A French page's unsubscribe refusal is French.
    const refused = await fetch(`${app.url}/unsubscribe/not-a-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'fr-CA' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect((await refused.json()).message).toContain('Ce lien de désabonnement ne fonctionne pas');
    // Back to English for the tests after this one.
    expect((await sam.request('PUT', '/api/auth/locale', { json: { locale: 'en-CA' } })).status).toBe(200);
    expect((await kim.post('/api/reminders/circle_day', { subscribed: false })).status).toBe(200);
  });

  it('before the reminder hour nothing is sent', async () => {
    const before = smtp.received.length;
    await at('2026-12-14T13:30:00Z'); // Monday 07:30 Alberta time
    expect(await app.services.reminders.runOnce()).toBe(true);
    expect(smtp.received.length).toBe(before);
  });
});

describe('notices for hosts and backups', () => {
  const mails = () => mailsTo('volunteer@example.ca');
  const subjects = () => mails().map((m) => mailHeader(m, 'Subject'));

  it('assignment, change, cancellation, return and removal each arrive once, to the one who opted in, naming nobody else', async () => {
    await at('2026-12-01T16:00:00Z'); // a Tuesday: no morning reminders due
    for (const list of ['assignments', 'changes', 'day_before']) {
      expect((await val.post(`/api/reminders/${list}`, { subscribed: true })).status).toBe(200);
    }
    const start = smtp.received.length;
    expect((await staff.post(`/api/scheduling/sessions/${NEXT_MONDAY}/hosts`, { hostId: people.volunteer.id, backupId: nicoId })).status).toBe(200);
    await expect.poll(subjects).toEqual(['You are the host of a Red Mug circle']);
    const assigned = mails()[0]!;
    expect(mailBody(assigned)).toContain('Monday 7 December, 12:00 (Alberta time)');
    expect(mailHeader(assigned, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(unsubscribePath(assigned)).toMatch(/^\/unsubscribe\/assignments\./);
    // Nico did not opt in: nothing for them.
    expect(mailsTo('nico@example.ca')).toEqual([]);

    const move = await staff.post(`/api/scheduling/sessions/${NEXT_MONDAY}/change`, { action: 'move', date: '2026-12-08', startLocal: '13:00', endLocal: '14:00', note: 'Moved a day' });
    expect(move.status).toBe(200);
    await expect.poll(() => subjects().length).toBe(2);
    expect(subjects()[1]).toBe('A Red Mug circle you are rostered on has moved');
    expect(mailBody(mails()[1]!)).toContain('Tuesday 8 December, 13:00 (Alberta time)');
    expect(unsubscribePath(mails()[1]!)).toMatch(/^\/unsubscribe\/changes\./);

    expect((await staff.post(`/api/scheduling/sessions/${NEXT_MONDAY}/change`, { action: 'cancel', note: 'No circle this week' })).status).toBe(200);
    await expect.poll(() => subjects().length).toBe(3);
    expect(subjects()[2]).toBe('A Red Mug circle you are rostered on is cancelled');
    expect((await staff.post(`/api/scheduling/sessions/${NEXT_MONDAY}/change`, { action: 'restore' })).status).toBe(200);
    await expect.poll(() => subjects().length).toBe(4);
    expect(subjects()[3]).toBe('A Red Mug circle you are rostered on is back on');

    expect((await staff.post(`/api/scheduling/sessions/${NEXT_MONDAY}/hosts`, { hostId: nicoId, backupId: null })).status).toBe(200);
    await expect.poll(() => subjects().length).toBe(5);
    expect(subjects()[4]).toBe('You are no longer the host of a Red Mug circle');
    for (const m of mails()) expectDiscreet(m);
    // Sent once each: the job finds nothing left to send.
    expect(await app.services.reminders.runOnce()).toBe(true);
    expect(smtp.received.length - start).toBe(5);
  });

  it('a volunteer declining gets no notice of their own act; the day-before reminder comes once, the day before', async () => {
    expect((await staff.post(`/api/scheduling/sessions/${NEXT_MONDAY}/hosts`, { hostId: nicoId, backupId: people.volunteer.id })).status).toBe(200);
    await expect.poll(() => subjects().at(-1)).toBe('You are the backup host of a Red Mug circle');
    const count = mails().length;
    await at('2026-12-05T16:00:00Z'); // Saturday: not yet
    await app.services.reminders.runOnce();
    expect(mails().length).toBe(count);
    await at('2026-12-06T15:00:00Z'); // Sunday 09:00 Alberta time: the day before
    await app.services.reminders.runOnce();
    await app.services.reminders.runOnce();
    expect(subjects().slice(count)).toEqual(['Tomorrow you are the backup host of a Red Mug circle']);
    expect(mailBody(mails().at(-1)!)).toContain('Monday 7 December, 12:00 (Alberta time)');
    expectDiscreet(mails().at(-1)!);

    expect((await val.post(`/api/scheduling/sessions/${NEXT_MONDAY}/decline`, {})).status).toBe(200);
    await app.services.reminders.runOnce();
    expect(mails().length).toBe(count + 1);
  });

  it('when the SMTP server refuses, the notice is tried again by the job, and sent once', async () => {
    await at('2026-12-08T16:00:00Z');
    const count = mails().length;
    smtp.refuseNext(1);
    expect((await staff.post('/api/scheduling/sessions/rmcc_2026-12-14/hosts', { hostId: people.volunteer.id, backupId: null })).status).toBe(200);
    await expect.poll(() => app.logLines.some((l) => l.includes('reminders.mail_failed'))).toBe(true);
    expect(mails().length).toBe(count);
    for (const l of app.logLines) expect(l).not.toMatch(/volunteer@|Red Mug circle/);
    await app.services.reminders.runOnce();
    await app.services.reminders.runOnce();
    expect(subjects().slice(count)).toEqual(['You are the host of a Red Mug circle']);
  });

  it('when the connection is lost as the message is handed over (maybe delivered), it is not sent again', async () => {
    await at('2026-12-09T16:00:00Z');
    const count = mails().length;
    smtp.dropNext(1);
    expect((await staff.post('/api/scheduling/sessions/rmcc_2026-12-21/hosts', { hostId: people.volunteer.id, backupId: null })).status).toBe(200);
    await expect.poll(() => app.logLines.some((l) => l.includes('reminders.mail_failed') && l.includes('"retry":false'))).toBe(true);
    await app.services.reminders.runOnce();
    await app.services.reminders.runOnce();
    // The relay had it: one copy, never a second.
    expect(subjects().slice(count)).toEqual(['You are the host of a Red Mug circle']);
  });

  it('a send claimed by an instance that died mid-send is never sent again (at most once)', async () => {
    await at('2026-12-13T15:00:00Z'); // Sunday 09:00: the day before rmcc_2026-12-14, which Val hosts
    await app.db.query(
      `INSERT INTO reminder_sends (kind, ref, user_id, state, attempts, created_at, updated_at) VALUES ('day_before:host', 'rmcc_2026-12-14', $1, 'sending', 1, $2, $2)`,
      [people.volunteer.id, new Date('2026-12-13T14:59:00Z')],
    );
    const count = mails().length;
    await app.services.reminders.runOnce();
    expect(mails().length).toBe(count);
  });

  it('a series paused takes its coming circles away: each rostered one is told once; resumed, they are back on', async () => {
    await at('2026-12-14T16:00:00Z');
    const made = await staff.post('/api/scheduling/series', { title: 'Calgary lunch circle', weekday: 3, startsOn: '2026-12-16', skipHolidays: false });
    expect(made.status).toBe(201);
    const seriesId = (made.body as { id: string }).id;
    const before = mails().length;
    for (const date of ['2026-12-16', '2026-12-23']) {
      expect((await staff.post(`/api/scheduling/sessions/${seriesId}_${date}/hosts`, { hostId: people.volunteer.id, backupId: null })).status).toBe(200);
    }
    await expect.poll(() => mails().length).toBe(before + 2);
    const count = mails().length;
    expect((await staff.post(`/api/scheduling/series/${seriesId}`, { status: 'paused' })).status).toBe(200);
    await expect.poll(() => mails().length).toBe(count + 2);
    expect(subjects().slice(count)).toEqual(['A Red Mug circle you are rostered on is cancelled', 'A Red Mug circle you are rostered on is cancelled']);
    const bodies = mails().slice(count).map(mailBody).join('\n');
    expect(bodies).toContain('Wednesday 16 December, 12:00 (Alberta time)');
    expect(bodies).toContain('Wednesday 23 December, 12:00 (Alberta time)');
    expect((await staff.post(`/api/scheduling/series/${seriesId}`, { status: 'active' })).status).toBe(200);
    await expect.poll(() => mails().length).toBe(count + 4);
    expect(subjects().slice(count + 2)).toEqual(['A Red Mug circle you are rostered on is back on', 'A Red Mug circle you are rostered on is back on']);
    for (const m of mails().slice(count)) expectDiscreet(m);
    // Each change told once: the job finds nothing left.
    await app.services.reminders.runOnce();
    expect(mails().length).toBe(count + 4);
  });
});

describe('what staff see', () => {
  it('how many are on each list, small counts withheld, never who; only staff', async () => {
    const extra = await Promise.all(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((x) =>
        app.services.auth.createUser({ email: `m.${x}@example.ca`, firstName: `M${x}`, role: 'member', memberKind: 'lawyer', password: PASSWORD }),
      ),
    );
    for (const u of extra) await app.db.query(`INSERT INTO reminder_subscriptions (user_id, list, created_at) VALUES ($1, 'circle_day', now())`, [u!.id]);
    const res = await staff.get('/api/reminders/counts');
    expect(res.status).toBe(200);
    const counts = ReminderCounts.parse(res.body);
    // Sam and six more on the morning list (Lee left it); Val alone on each host list.
    expect(counts).toEqual({
      threshold: 5,
      lists: [
        { list: 'circle_day', count: publishCount(7, 5) },
        { list: 'assignments', count: null },
        { list: 'day_before', count: null },
        { list: 'changes', count: null },
      ],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/@|[0-9a-f]{8}-[0-9a-f]{4}/);
    expect((await lee.get('/api/reminders/counts')).status).toBe(403);
    expect((await val.get('/api/reminders/counts')).status).toBe(403);
    expect((await new ApiClient(app.url).get('/api/reminders/counts')).status).toBe(401);
  });
});
