import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateRequestBody, PeerProfile } from '../../shared/schemas/matching';
import { toPublicUser, usersRepository } from '../../server/src/auth/users.repository';
import { fixedClock } from '../../server/src/clock';
import { createLogger } from '../../server/src/log';
import { DEFAULT_PROGRAM } from '../../server/src/program/program';
import { createI18n } from '../../server/src/i18n/i18n';
import { smtpMailer, type Mailer } from '../../server/src/mail/mailer';
import { createMatchingService } from '../../server/src/matching/matching.service';
import { openDb, type Db } from '../../server/src/store/db';
import { recordReadiness } from '../support/readiness';
import { mailBody, mailHeader, startSmtpServer, type ReceivedMail, type SmtpServer } from '../support/smtpServer';

const SECRET_TEXT = 'nobody at the firm knows about my diagnosis';
const i18n = createI18n(DEFAULT_PROGRAM);

let db: Db;
beforeAll(async () => {
  db = await openDb({ memory: true });
});
afterAll(() => db.close());

async function person(email: string, role: 'member' | 'volunteer' | 'staff') {
  const row = await usersRepository(db).insert({
    id: randomUUID(),
    email,
    first_name: email.split('@')[0]!,
    role,
    member_kind: role === 'member' ? 'lawyer' : null,
    year_of_call: null,
    password_hash: 'not-used',
  });
  return toPublicUser(row!);
}

describe('notices by email when a mailer is configured', () => {
  it('tells each side by email with the fixed text and a link, never the request, and a failing server changes nothing', async () => {
    const sent: Array<{ to: string; subject: string; text: string }> = [];
    let failNext = false;
    const mailer: Mailer = {
      async send(m) {
        if (failNext) {
          failNext = false;
          throw new Error('SMTP down');
        }
        sent.push(m);
      },
    };
    const logLines: string[] = [];
    const service = createMatchingService({
      db,
      clock: fixedClock('2026-11-26T17:00:00Z'),
      log: createLogger('debug', (l) => logLines.push(l)),
      retentionDays: 365,
      smallCellThreshold: 5,
      matchesBeforePlatform: 0,
      mailer,
      publicUrl: 'https://redmug.example.org',
      // No pair room is opened here.
      admission: { room: async () => expect.unreachable('no pair room in this test') },
      mediaKeys: { pairKeyFor: () => expect.unreachable('no pair room in this test') },
      i18n,
    });
    const [member, volunteer, staff] = await Promise.all([
      person('mia@example.ca', 'member'),
      person('vic@example.ca', 'volunteer'),
      person('sol@example.ca', 'staff'),
    ]);
    await service.saveProfile(volunteer, PeerProfile.parse({ capacity: 1, available: true }));
    await recordReadiness({ db, clock: fixedClock('2026-11-26T17:00:00Z') }, volunteer.id);

    const { id } = await service.createRequest(
      member,
      CreateRequestBody.parse({ category: 'health', details: SECRET_TEXT, contact: { method: 'phone', phone: '780 555 0100' } }),
    );
    await expect.poll(() => sent.map((m) => m.to)).toEqual(['mia@example.ca']);
    expect(sent[0]!.text).toContain('https://redmug.example.org/support');

    failNext = true; // the volunteer's email fails: the proposal still stands
    const match = await service.propose(staff, id, volunteer.id);
    await expect.poll(() => logLines.some((l) => l.includes('matching.mail_failed'))).toBe(true);
    expect((await service.volunteerMatches(volunteer)).map((m) => m.id)).toEqual([match.id]);

    await service.respond(volunteer, match.id, true);
    await expect.poll(() => sent.map((m) => m.to).sort()).toEqual(['mia@example.ca', 'mia@example.ca', 'sol@example.ca']);
    await service.close(staff, match.id, 'completed');
    await expect.poll(() => sent.length).toBe(5);

    for (const m of sent) {
      expect(m.text).not.toContain(SECRET_TEXT);
      expect(m.text).not.toContain('780 555');
      expect(m.subject).toBe('Red Mug peer support');
    }
    // In-app notices are kept as well.
    expect((await service.notices(volunteer)).map((n) => n.kind).sort()).toEqual(['match_closed', 'match_proposed']);
  });
});

describe('e-mails in the recipient\'s language', () => {
  let smtp: SmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp.close());

  it('a volunteer whose account is in French gets the proposal in French, an English one in English', async () => {
    const clock = fixedClock('2026-11-26T17:00:00Z');
    const service = createMatchingService({
      db,
      clock,
      log: createLogger('error', () => undefined),
      retentionDays: 365,
      smallCellThreshold: 5,
      matchesBeforePlatform: 0,
      mailer: smtpMailer({ url: smtp.url, from: 'Red Mug <noreply@redmug.example.org>' }),
      publicUrl: 'https://redmug.example.org',
      admission: { room: async () => expect.unreachable('no pair room in this test') },
      mediaKeys: { pairKeyFor: () => expect.unreachable('no pair room in this test') },
      i18n,
    });
    const [member, staff, camille, victor] = await Promise.all([
      person('lina@example.ca', 'member'),
      person('sam@example.ca', 'staff'),
      person('camille@example.ca', 'volunteer'),
      person('victor@example.ca', 'volunteer'),
    ]);
    await usersRepository(db).setLocale(camille.id, 'fr-CA');
    for (const v of [camille, victor]) {
      await service.saveProfile(v, PeerProfile.parse({ capacity: 1, available: true }));
      await recordReadiness({ db, clock }, v.id);
    }
    const ask = () =>
      service.createRequest(member, CreateRequestBody.parse({ category: 'career', details: SECRET_TEXT, contact: { method: 'phone', phone: '780 555 0100' } }));
    const [first, second] = [await ask(), await ask()];
    await service.propose(staff, first.id, camille.id);
    await service.propose(staff, second.id, victor.id);

    const to = (email: string) => smtp.received.find((m) => m.to.includes(email));
    await expect.poll(() => Boolean(to('camille@example.ca') && to('victor@example.ca'))).toBe(true);
    const fr = to('camille@example.ca')!;
    const en = to('victor@example.ca')!;
    // nodemailer encodes a subject with accents or a colon-space as RFC 2047 words; read as sent.
    expect(decodeSubject(mailHeader(fr, 'Subject')!)).toBe('Red Mug : soutien par les pairs');
    expect(bodyOf(fr)).toContain('L’équipe vous propose un jumelage de soutien par les pairs. Veuillez l’accepter ou le refuser.');
    expect(bodyOf(fr)).toContain('Connectez-vous pour en savoir plus : https://redmug.example.org/support');
    expect(decodeSubject(mailHeader(en, 'Subject')!)).toBe('Red Mug peer support');
    expect(bodyOf(en)).toContain('Staff have proposed a peer-support match for you. Please accept or decline it.');
    expect(bodyOf(en)).toContain('Sign in to see more: https://redmug.example.org/support');
    for (const m of [fr, en]) expect(bodyOf(m)).not.toContain(SECRET_TEXT);
  });
});

/** The body as text: quoted-printable undone byte by byte (mailBody), then read as the UTF-8 it was. */
// tests/support/smtpServer.ts decodes the body's UTF-8 already.
const bodyOf = (m: ReceivedMail) => mailBody(m);

/** A header as written, with RFC 2047 encoded words (=?UTF-8?Q?…?= or =?UTF-8?B?…?=) decoded. */
function decodeSubject(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_s, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
}
