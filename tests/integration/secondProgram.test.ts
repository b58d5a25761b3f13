import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionResponse } from '../../shared/schemas/auth';
import { ApiClient, signedInAs } from '../support/httpClient';
import { NOVA_SCOTIA_FILE } from '../support/program';
import { mailBody, mailHeader, startSmtpServer, type SmtpServer } from '../support/smtpServer';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople } from '../support/users';

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
      crisis: { number: '9-8-8', name: 'Ligne d’aide en cas de crise de suicide', text: null },
      counselling: { phone: '1-902-555-0142', hours: 'en semaine, de 9 h à 17 h, heure de l’Atlantique' },
      supportEmail: 'soutien@tasse-bleue.example',
      locales: ['fr-CA', 'en-CA'],
      defaultLocale: 'fr-CA',
    });
    // A browser that asks for English gets the program's English words.
    const en = SessionResponse.parse(await (await fetch(`${app.url}/api/auth/session`, { headers: { 'accept-language': 'en-US,en;q=0.8' } })).json());
    expect(en.locale).toBe('en-CA');
    expect(en.program).toMatchObject({ name: NAME_EN, shortName: 'Blue Mug', zoneLabel: 'Atlantic time', accentColour: '#1f5f99' });
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
