import { describe, expect, it } from 'vitest';
import { auditLogCsv } from '../../../shared/auditCsv';
import type { AuditLogEntry } from '../../../shared/schemas/reports';
import { translator } from '../../../shared/i18n/catalog';
import { auditWhen, cursorOf, placeFromCursor } from './auditView';

const values = { program: 'Red Mug Coffee Circle', programShort: 'Red Mug' };
const en = translator('en-CA', { ...values, zone: 'Alberta time' });
const fr = translator('fr-CA', { ...values, zone: 'heure de l’Alberta' });
const zone = 'America/Edmonton';

describe('auditWhen', () => {
  // Alberta moved clocks in March and November until 2026, then kept UTC−6 all year (tz 2026c).
  it.each([
    ['2026-03-02T19:00:00Z', 'Mon 2 Mar 2026, 12:00 Alberta time (UTC−7)'],
    ['2026-10-26T18:00:00Z', 'Mon 26 Oct 2026, 12:00 Alberta time (UTC−6)'],
    ['2026-11-01T07:30:00Z', 'Sun 1 Nov 2026, 01:30 Alberta time (UTC−6)'],
    ['2026-12-07T18:00:00Z', 'Mon 7 Dec 2026, 12:00 Alberta time (UTC−6)'],
    ['2027-01-04T18:00:00Z', 'Mon 4 Jan 2027, 12:00 Alberta time (UTC−6)'],
    ['2027-12-31T23:55:00Z', 'Fri 31 Dec 2027, 17:55 Alberta time (UTC−6)'],
    ['2028-02-29T06:00:00Z', 'Tue 29 Feb 2028, 00:00 Alberta time (UTC−6)'],
  ])('%s reads %s', (iso, words) => {
    expect(auditWhen(new Date(iso), { locale: 'en-CA', t: en, zone })).toBe(words);
  });

  it('reads in French with French typography', () => {
    expect(auditWhen(new Date('2026-12-07T18:00:00Z'), { locale: 'fr-CA', t: fr, zone })).toBe('lun. 7 déc. 2026, 12 h (heure de l’Alberta, UTC−6)');
    expect(auditWhen(new Date('2027-12-31T23:55:00Z'), { locale: 'fr-CA', t: fr, zone })).toBe('ven. 31 déc. 2027, 17 h 55 (heure de l’Alberta, UTC−6)');
  });
});

describe('audit cursors', () => {
  it.each([
    [{ atMs: 0, seq: '1' }],
    [{ atMs: Date.parse('2026-11-30T18:05:00.123Z'), seq: '9007199254740993' }],
  ])('round-trip %o exactly (bigint insertion order as text)', (place) => {
    expect(placeFromCursor(cursorOf(place))).toEqual(place);
  });
});

describe('auditLogCsv', () => {
  const entry = (over: Partial<AuditLogEntry>): AuditLogEntry => ({
    at: '2026-11-30T18:05:00.000Z',
    when: 'Mon 30 Nov 2026, 12:05 Alberta time (UTC−6)',
    actorName: 'Sasha',
    actorRole: 'staff',
    action: 'session.topic',
    targetType: 'session',
    targetId: 'rmcc_2026-11-30',
    targetLabel: 'Red Mug Coffee Circle, Mon 30 Nov 2026, 12:00',
    ...over,
  });

  it('quotes every field, doubles quotes and defuses formulas, with a header row and CRLF lines', () => {
    const csv = auditLogCsv([entry({}), entry({ actorName: null, actorRole: null, targetLabel: '=HYPERLINK("x")', action: 'user.create' })], en);
    expect(csv.split('\r\n')).toEqual([
      '"When (Alberta time)","Who","What","Target"',
      `"Mon 30 Nov 2026, 12:05 Alberta time (UTC−6)","Sasha (Staff)","Set a session's topic (session.topic)","Red Mug Coffee Circle, Mon 30 Nov 2026, 12:00"`,
      `"Mon 30 Nov 2026, 12:05 Alberta time (UTC−6)","No staff member (command line, e-mail, or a removed account)","Made an account (command line) (user.create)","'=HYPERLINK(""x"")"`,
      '',
    ]);
  });
});
