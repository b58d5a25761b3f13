import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateRequestBody, PeerProfile } from '../../shared/schemas/matching';
import { toPublicUser, usersRepository } from '../../server/src/auth/users.repository';
import { fixedClock } from '../../server/src/clock';
import { createLogger } from '../../server/src/log';
import type { Mailer } from '../../server/src/mail/mailer';
import { createMatchingService } from '../../server/src/matching/matching.service';
import { openDb, type Db } from '../../server/src/store/db';
import { recordReadiness } from '../support/readiness';

const SECRET_TEXT = 'nobody at the firm knows about my diagnosis';

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
