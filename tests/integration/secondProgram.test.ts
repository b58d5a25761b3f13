import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionResponse } from '../../shared/schemas/auth';
import { CreateRequestBody } from '../../shared/schemas/matching';
import { OutcomesReport } from '../../shared/schemas/outcomes';
import { ApiClient, signedInAs } from '../support/httpClient';
import { NOVA_SCOTIA_FILE } from '../support/program';
import { mailBody, mailHeader, startSmtpServer, type SmtpServer } from '../support/smtpServer';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople, type People } from '../support/users';

/**
 * A second program (issue #19, item 4): the same code run by a fictional Nova Scotia program from its program file
 * (tests/fixtures/nova-scotia.json): French first, its circle on Mondays at 12:30 for 75 minutes in America/Halifax,
 * Nova Scotia's general holidays, its own name, accent colour and lines. Nothing here reads a clock outside this
 * process (HTTP clients and the SMTP server only), so the app's clock is pinned.
 */

/** Saturday 28 Nov 2026, afternoon in Halifax. */
const NOW = '2026-11-28T20:00:00Z';
const NAME_FR = 'Cercle d’entraide des juristes de la Nouvelle-Écosse';
const NAME_EN = "Nova Scotia Lawyers' Peer Circle";
const TOPIC_FR = 'Tour de table : comment allez-vous, vraiment?';
const DESCRIPTION_FR = 'Entrez sans réserver, chaque lundi midi.';

let app: TestApp;
let lawyer: ApiClient;

beforeAll(async () => {
  app = await startTestApp({ now: NOW, env: { PROGRAM_FILE: NOVA_SCOTIA_FILE } });
  await createPeople(app);
  lawyer = await signedInAs(app.url, 'lawyer@example.ca');
});
afterAll(async () => {
  await app.close();
});
afterAll(() => ICAL.TimezoneService.reset());

const sessionsOf = async (from: string, to: string) => (await lawyer.get(`/api/scheduling/sessions?from=${from}&to=${to}`)).body.sessions as any[];

describe('the Nova Scotia program', () => {
  it('answers a signed-out visitor in French by default, with its own name, colour, zone and lines', async () => {
    const res = await fetch(`${app.url}/api/auth/session`);
    const body = SessionResponse.parse(await res.json());
    expect(body.locale).toBe('fr-CA');
    expect(body.program).toEqual({
      name: NAME_FR,
      shortName: 'Tasse bleue',
      society: 'la Société d’entraide des juristes Bluenose',
      logoUrl: null,
      accentColour: '#1f5f99',
      zone: 'America/Halifax',
      zoneLabel: 'heure de l’Atlantique',
      weeklyCircle: { weekday: 1, start: '12:30', zone: 'America/Halifax' },
      crisis: { number: '9-8-8', name: 'Ligne d’aide en cas de crise de suicide', text: null },
      counselling: { phone: '1-902-555-0142', hours: 'en semaine, de 9 h à 17 h, heure de l’Atlantique' },
      supportEmail: 'soutien@tasse-bleue.example',
      locales: ['fr-CA', 'en-CA'],
      defaultLocale: 'fr-CA',
    });
    // A browser that asks for English gets the program's English words.
    const en = SessionResponse.parse(await (await fetch(`${app.url}/api/auth/session`, { headers: { 'accept-language': 'en-US,en;q=0.8' } })).json());
    expect(en.locale).toBe('en-CA');
    expect(en.program).toMatchObject({ name: NAME_EN, shortName: 'Blue Mug', zoneLabel: 'Atlantic time', accentColour: '#1f5f99', weeklyCircle: { weekday: 1, start: '12:30' } });
  });

  it('says its API errors in French', async () => {
    const res = await fetch(`${app.url}/api/no-such-thing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'NOT_FOUND', message: 'Il n’y a rien à cette adresse. Vérifiez le lien ou retournez à la page d’accueil.' });
  });

  it("seeds its weekly circle from the program file: its name, topic, day, time, length and zone", async () => {
    const [first] = await sessionsOf('2026-11-28', '2026-12-05');
    expect(first).toMatchObject({
      id: 'rmcc_2026-11-30',
      seriesId: 'rmcc',
      kind: 'weekly',
      title: NAME_FR,
      topic: 'Tour de table : comment allez-vous, vraiment?',
      timezone: 'America/Halifax',
      status: 'scheduled',
      wallClock: { startsAt: '2026-11-30T12:30', endsAt: '2026-11-30T13:45' },
    });
  });

  it('meets at 12:30 Halifax time by current zone data: 16:30Z in AST (UTC−4), 15:30Z in ADT (UTC−3)', async () => {
    const winter = await sessionsOf('2027-01-01', '2027-03-31');
    const at = (list: any[], date: string) => list.find((s) => s.localDate === date);
    expect(at(winter, '2027-01-04')).toMatchObject({ startsAt: '2027-01-04T16:30:00.000Z', endsAt: '2027-01-04T17:45:00.000Z' });
    // The last Monday before the second Sunday of March (14 March 2027), and the first after it.
    expect(at(winter, '2027-03-08')).toMatchObject({ startsAt: '2027-03-08T16:30:00.000Z' });
    expect(at(winter, '2027-03-15')).toMatchObject({ startsAt: '2027-03-15T15:30:00.000Z' });
    const summer = await sessionsOf('2027-07-01', '2027-07-31');
    expect(at(summer, '2027-07-05')).toMatchObject({ startsAt: '2027-07-05T15:30:00.000Z', endsAt: '2027-07-05T16:45:00.000Z' });
    // Back on AST from the first Sunday of November (7 November 2027).
    const autumn = await sessionsOf('2027-11-01', '2027-11-10');
    expect(autumn.map((s) => [s.localDate, s.startsAt])).toEqual([
      ['2027-11-01', '2027-11-01T15:30:00.000Z'],
      ['2027-11-08', '2027-11-08T16:30:00.000Z'],
    ]);
  });

  it("skips Nova Scotia's general holidays, named in French, and not Alberta's", async () => {
    const winter = await sessionsOf('2027-02-01', '2027-02-28');
    // Heritage Day, the third Monday of February.
    expect(winter.find((s) => s.localDate === '2027-02-15')).toMatchObject({ status: 'skipped', holiday: 'Fête du Patrimoine' });
    // Victoria Day and Thanksgiving are general holidays in Alberta, not in Nova Scotia: the circle meets.
    const may = await sessionsOf('2027-05-20', '2027-05-28');
    expect(may.find((s) => s.localDate === '2027-05-24')).toMatchObject({ status: 'scheduled', holiday: null, startsAt: '2027-05-24T15:30:00.000Z' });
    const october = await sessionsOf('2027-10-08', '2027-10-14');
    expect(october.find((s) => s.localDate === '2027-10-11')).toMatchObject({ status: 'scheduled', holiday: null });
    // Labour Day is one in both.
    const september = await sessionsOf('2027-09-01', '2027-09-10');
    expect(september.find((s) => s.localDate === '2027-09-06')).toMatchObject({ status: 'skipped', holiday: 'Fête du travail' });
    // The same holiday in English for a person who chose English.
    const student = await signedInAs(app.url, 'student@example.ca');
    expect((await student.request('PUT', '/api/auth/locale', { json: { locale: 'en-CA' } })).status).toBe(200);
    const english = await student.get('/api/scheduling/sessions?from=2027-02-14&to=2027-02-16');
    expect(english.body.sessions.find((s: any) => s.localDate === '2027-02-15')).toMatchObject({ holiday: 'Heritage Day' });
  });

  it('publishes its calendar feed in America/Halifax with its VTIMEZONE, placed by that VTIMEZONE alone', async () => {
    const res = await fetch(`${app.url}/api/scheduling/series/rmcc/feed.ics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('TZID:America/Halifax');
    expect(text).not.toContain('America/Edmonton');
    expect(text).toMatch(/DTSTART;TZID=America\/Halifax:20260105T123000/);
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO');
    // ical.js has no zone database: the feed's own VTIMEZONE is all it places times by.
    ICAL.TimezoneService.reset();
    const root = new ICAL.Component(ICAL.parse(text));
    for (const vtimezone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
    expect(root.getAllSubcomponents('vtimezone').map((v) => v.getFirstPropertyValue('tzid'))).toEqual(['America/Halifax']);
    const master = root.getAllSubcomponents('vevent').find((v) => v.hasProperty('rrule'))!;
    const event = new ICAL.Event(master);
    expect(event.summary).toContain(NAME_FR);
    const starts: string[] = [];
    const it = event.iterator();
    for (let t = it.next(); t && t.toJSDate().toISOString() < '2027-12-31'; t = it.next()) {
      expect(t.zone?.tzid).toBe('America/Halifax');
      starts.push(t.toJSDate().toISOString());
    }
    // RRULE instances before EXDATEs: read the excluded dates from the feed.
    const excluded = master.getAllProperties('exdate').flatMap((p) => p.getValues().map((v: ICAL.Time) => v.toJSDate().toISOString()));
    expect(starts).toContain('2027-01-04T16:30:00.000Z');
    expect(starts).toContain('2027-07-05T15:30:00.000Z');
    expect(starts).toContain('2027-03-15T15:30:00.000Z');
    expect(excluded).toContain('2027-02-15T16:30:00.000Z');
    expect(excluded).toContain('2027-09-06T15:30:00.000Z');
    expect(excluded).not.toContain('2027-05-24T15:30:00.000Z');
  });
});

describe("the Nova Scotia program's calendar feeds", () => {
  /** A feed as a calendar app reads it: its name, and the weekly circle's recurring event. */
  function read(text: string) {
    const root = new ICAL.Component(ICAL.parse(text));
    const master = new ICAL.Event(root.getAllSubcomponents('vevent').find((v) => v.hasProperty('rrule'))!);
    return { name: String(root.getFirstPropertyValue('x-wr-calname')), summary: master.summary, description: master.description };
  }
  const seriesFeed = async (headers: Record<string, string> = {}) => read(await (await fetch(`${app.url}/api/scheduling/series/rmcc/feed.ics`, { headers })).text());
  /** Someone's personal feed, fetched as a calendar app would: no cookie, and a browser language that is not theirs. */
  async function personalFeed(email: string, locale: 'fr-CA' | 'en-CA', fetchedWith: string) {
    const owner = await signedInAs(app.url, email);
    expect((await owner.request('PUT', '/api/auth/locale', { json: { locale } })).status).toBe(200);
    const url = (await owner.post('/api/scheduling/feed/rotate')).body.url as string;
    return read(await (await fetch(url, { headers: { 'accept-language': fetchedWith } })).text());
  }

  it('a series feed is named after the program and speaks French by default and to Accept-Language fr-CA', async () => {
    for (const feed of [await seriesFeed(), await seriesFeed({ 'accept-language': 'fr-CA' })]) {
      expect(feed.name).toBe(NAME_FR);
      expect(feed.summary).toBe(NAME_FR);
      expect(feed.description).toContain(`Thème : ${TOPIC_FR}`);
      expect(feed.description).toContain(DESCRIPTION_FR);
    }
    // An English browser gets the feed's own words in English; the program's typed words stay as the program wrote them.
    const english = await seriesFeed({ 'accept-language': 'en-US,en;q=0.8' });
    expect(english).toMatchObject({ name: NAME_FR, summary: NAME_FR });
    expect(english.description).toContain(`Topic: ${TOPIC_FR}`);
  });

  it("a personal feed is the program's circles in its owner's language, whoever fetches it", async () => {
    const french = await personalFeed('lawyer@example.ca', 'fr-CA', 'en-US,en;q=0.8');
    expect(french.name).toBe('Cercles Tasse bleue');
    expect(french.summary).toBe(NAME_FR);
    expect(french.description).toContain(`Thème : ${TOPIC_FR}`);
    const english = await personalFeed('student@example.ca', 'en-CA', 'fr-CA');
    expect(english.name).toBe('Blue Mug circles');
    expect(english.summary).toBe(NAME_FR);
    expect(english.description).toContain(`Topic: ${TOPIC_FR}`);
  });
});

/**
 * Day boundaries in the program's zone, America/Halifax: two hours ahead of Alberta in winter (AST, UTC−4 against
 * UTC−6), so an instant between Halifax's midnight and Alberta's reads as the next day here. The instants are
 * written out by hand from the published rule; nothing here reads a clock outside this process, so the app's clock
 * is pinned and moved (always forward) to each.
 */
describe('the Nova Scotia program’s days, by Halifax midnight', () => {
  let day: TestApp;
  let people: People;
  /** Staff signed in at the app's current instant (a clock moved days ahead outlives a session). */
  const staffNow = () => signedInAs(day.url, 'staff@example.ca');
  const readiness = (staff: ApiClient, body: object) => staff.post(`/api/people/${people.volunteer.id}/readiness`, body);

  beforeAll(async () => {
    // Matching's small-cell threshold 1: single requests show, so the year each one falls in can be read.
    day = await startTestApp({ now: '2026-11-30T16:00:00Z', env: { PROGRAM_FILE: NOVA_SCOTIA_FILE, STATS_SMALL_CELL_THRESHOLD: '1' } });
    people = await createPeople(day);
  });
  afterAll(() => day.close());

  it('readiness: today, a date "after today" and a lapse turn over at midnight in Halifax', async () => {
    // Monday 30 November 2026, 23:59 in Halifax (03:59Z); 21:59 in Alberta.
    day.clock.set('2026-12-01T03:59:00Z');
    let staff = await staffNow();
    expect((await staff.get('/api/people/readiness')).body.today).toBe('2026-11-30');
    expect((await readiness(staff, { trainingCompletedOn: '2026-12-01' })).status).toBe(400);
    // Trained a year ago tomorrow: still current for a minute.
    const lastMinute = await readiness(staff, { trainingCompletedOn: '2025-12-01', undertakingSignedOn: '2026-11-30' });
    expect(lastMinute.body.readiness).toMatchObject({ current: true, training: { state: 'due', validUntil: '2026-11-30' } });

    // Midnight in Halifax (04:00Z); in Alberta it is 22:00 on the 30th, and the training would still count.
    day.clock.set('2026-12-01T04:00:00Z');
    staff = await staffNow();
    const list = (await staff.get('/api/people/readiness')).body;
    expect(list.today).toBe('2026-12-01');
    expect(list.volunteers.find((v: { userId: string }) => v.userId === people.volunteer.id).readiness).toMatchObject({
      current: false,
      missing: ['training'],
      training: { state: 'lapsed' },
    });

    // 00:30 in Halifax: training done "today", 1 December, is on record (in Alberta it would be tomorrow's date).
    day.clock.set('2026-12-01T04:30:00Z');
    staff = await staffNow();
    const renewed = await readiness(staff, { trainingCompletedOn: '2026-12-01' });
    expect(renewed.status).toBe(200);
    expect(renewed.body.readiness).toMatchObject({ current: true, training: { state: 'current', validUntil: '2027-11-30' } });
  });

  it('the audit log reads each entry on its Halifax day and clock, with its offset', async () => {
    const staff = await staffNow();
    const fr = (await staff.get('/api/reports/audit?action=readiness.record')).body.entries.map((e: { when: string }) => e.when);
    expect(fr).toEqual(['mar. 1 déc. 2026, 0 h 30 (heure de l’Atlantique, UTC−4)', 'lun. 30 nov. 2026, 23 h 59 (heure de l’Atlantique, UTC−4)']);
    const en = await staff.request('GET', '/api/reports/audit?action=readiness.record', { headers: { 'accept-language': 'en-CA' } });
    expect(en.body.entries.map((e: { when: string }) => e.when)).toEqual(['Tue 1 Dec 2026, 00:30 Atlantic time (UTC−4)', 'Mon 30 Nov 2026, 23:59 Atlantic time (UTC−4)']);
  });

  it('the outcomes report counts a request in the year it was made in Halifax, and this year is Halifax’s', async () => {
    const ask = (who: People['lawyer']) =>
      day.services.matching.createRequest(who, CreateRequestBody.parse({ category: 'career', details: 'private words', contact: { method: 'email', email: 'private@example.ca' } }));
    // Thursday 31 December 2026, 23:30 in Halifax.
    day.clock.set('2027-01-01T03:30:00Z');
    await ask(people.lawyer);
    // Friday 1 January 2027, 00:30 in Halifax; 22:30 on New Year's Eve in Alberta.
    day.clock.set('2027-01-01T04:30:00Z');
    await ask(people.student);
    const report = OutcomesReport.parse((await (await staffNow()).get('/api/reports/outcomes')).body);
    expect(report.to).toBe(2027);
    expect(report.years.filter((y) => y.year >= 2026).map((y) => [y.year, y.requests, y.careerRelated.count])).toEqual([
      [2026, 1, 1],
      [2027, 1, 1],
    ]);
  });

  it("CSV exports are in a French staff member's language, headers and words, whatever the browser asks", async () => {
    const staff = await staffNow();
    expect((await staff.request('PUT', '/api/auth/locale', { json: { locale: 'fr-CA' } })).status).toBe(200);
    const english = { 'accept-language': 'en-US,en;q=0.8' };
    const csv = async (path: string) => {
      const res = await staff.request('GET', path, { headers: english });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      return { lines: (res.body as string).trimEnd().split('\r\n'), file: res.headers.get('content-disposition') };
    };
    const attendance = await csv('/api/reports/attendance.csv?from=2026-11-01&to=2026-12-31');
    expect(attendance.lines[0]).toBe('"section","élément","en ligne","en personne"');
    expect(attendance.lines).toContain('"période","début","2026-11-01","2026-11-01"');
    expect(attendance.lines).toContain('"sommaire","présences","moins de 5","moins de 5"');
    expect(attendance.file).toMatch(/filename="?red-mug-circles-2026-11-01-to-2026-12-31\.csv"?$/);
    const outcomes = await csv('/api/reports/outcomes.csv');
    expect(outcomes.lines[0]).toBe('"section","année","élément","valeur"');
    expect(outcomes.lines).toContain('"demandes","2027","demandes de jumelage avec un pair","1"');
    expect(outcomes.lines).toContain('"demandes","2027","part liée à la carrière","100 %"');
    expect(outcomes.file).toMatch(/filename="?red-mug-outcomes-\d{4}-to-2027\.csv"?$/);
    const audit = await csv('/api/reports/audit.csv?action=readiness.record');
    expect(audit.lines[0]).toBe('"Quand (heure de l’Atlantique)","Qui","Quoi","Cible"');
    expect(audit.lines[1]).toMatch(/^"mar\. 1 déc\. 2026, 0 h 30 \(heure de l’Atlantique, UTC−4\)","Sasha \(/);
    for (const { lines } of [attendance, outcomes, audit]) {
      for (const word of ['section","item', 'fewer than', 'summary', 'requests', 'When (']) expect(lines.join('\n')).not.toContain(word);
    }

    // An English account gets them in English, with the program's own name for its zone.
    expect((await staff.request('PUT', '/api/auth/locale', { json: { locale: 'en-CA' } })).status).toBe(200);
    const again = async (path: string) => ((await staff.request('GET', path, { headers: { 'accept-language': 'fr-CA' } })).body as string).split('\r\n')[0];
    expect(await again('/api/reports/attendance.csv?from=2026-11-01&to=2026-12-31')).toBe('"section","item","online","in person"');
    expect(await again('/api/reports/outcomes.csv')).toBe('"section","year","item","value"');
    expect(await again('/api/reports/audit.csv')).toBe('"When (Atlantic time)","Who","What","Target"');
  });
});

describe("the Nova Scotia program's e-mail", () => {
  let smtp: SmtpServer;
  let mailApp: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    mailApp = await startTestApp({ now: NOW, env: { PROGRAM_FILE: NOVA_SCOTIA_FILE, SMTP_URL: smtp.url, PUBLIC_URL: 'https://tasse-bleue.example' } });
    await createPeople(mailApp);
  });
  afterAll(async () => {
    await mailApp.close();
    await smtp.close();
  });

  it("goes out under the program's short name", async () => {
    const anon = new ApiClient(mailApp.url);
    await anon.get('/api/auth/session');
    const sent = await anon.request('POST', '/api/auth/password-reset', { json: { email: 'lawyer@example.ca' }, headers: { origin: 'https://tasse-bleue.example' } });
    expect(sent.status).toBe(202);
    await expect.poll(() => smtp.received.length, { timeout: 10_000 }).toBe(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['lawyer@example.ca']);
    expect(mailHeader(mail, 'from')).toBe('Tasse bleue <no-reply@localhost>');
    // Nobody chose a language: the program's default, French, names the program and says the hour in words.
    expect(mailHeader(mail, 'subject')).toBe('Réinitialiser votre mot de passe Tasse bleue');
    const body = mailBody(mail);
    expect(body).toContain('le mot de passe de votre compte Tasse bleue');
    expect(body).toContain('d’ici 60 minutes');
    expect(body).toMatch(/https:\/\/tasse-bleue\.example\/reset-password\/\S+/);
    expect(body).not.toMatch(/Someone|your password/);
  });

  it('is in English for someone who chose English, whatever language the request came in', async () => {
    const volunteer = await signedInAs(mailApp.url, 'volunteer@example.ca');
    expect((await volunteer.request('PUT', '/api/auth/locale', { json: { locale: 'en-CA' } })).status).toBe(200);
    const anon = new ApiClient(mailApp.url);
    await anon.get('/api/auth/session');
    const before = smtp.received.length;
    const sent = await anon.request('POST', '/api/auth/password-reset', {
      json: { email: 'volunteer@example.ca' },
      headers: { origin: 'https://tasse-bleue.example', 'accept-language': 'fr-CA' },
    });
    expect(sent.status).toBe(202);
    await expect.poll(() => smtp.received.length, { timeout: 10_000 }).toBe(before + 1);
    const mail = smtp.received.at(-1)!;
    expect(mailHeader(mail, 'subject')).toBe('Reset your Blue Mug password');
    expect(mailBody(mail)).toContain('the password of your Blue Mug account');
  });
});
