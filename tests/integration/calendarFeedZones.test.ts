import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../server/src/store/db';
import { ApiClient, signedInAs } from '../support/httpClient';
import { freshPostgresDatabase } from '../support/postgres';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople } from '../support/users';

/**
 * Calendar feeds read back the way a subscriber's calendar reads them: by the feed's own VTIMEZONE. ical.js has
 * no zone database; the feed's VTIMEZONE components are registered with ICAL.TimezoneService and are all it has.
 * node-ical is no use for this: it places TZID=America/Edmonton by looking the name up in the runtime's zone data
 * and ignores the VTIMEZONE (checked: a VTIMEZONE saying +05:00 all year still reads as 18:00Z on 2026-11-30).
 */

/** Saturday 28 Nov 2026, Alberta afternoon: four weeks after Alberta's clocks stopped changing. */
const NOW = '2026-11-28T20:00:00Z';

let app: TestApp;
let staff: ApiClient;
let lawyer: ApiClient;
let autumnId: string;

const signedIn = (email: string) => signedInAs(app.url, email);

beforeAll(async () => {
  const db = await openDb({ databaseUrl: await freshPostgresDatabase() });
  app = await startTestApp({ db, now: NOW });
  await createPeople(app);
  staff = await signedIn('staff@example.ca');
  lawyer = await signedIn('lawyer@example.ca');
  // Changes a subscriber must see: a session moved to Tuesday at 12:30, one cancelled, one with its own topic.
  const changes: Array<[string, unknown]> = [
    ['/api/scheduling/sessions/rmcc_2027-01-11/change', { action: 'move', date: '2027-01-12', startLocal: '12:30', endLocal: '13:30', note: 'Tuesday this week' }],
    ['/api/scheduling/sessions/rmcc_2027-03-01/change', { action: 'cancel', note: 'Staff training day' }],
    ['/api/scheduling/sessions/rmcc_2026-12-07/topic', { topic: 'Boundaries' }],
  ];
  for (const [path, body] of changes) expect((await staff.post(path, body)).status).toBe(200);
  // A series that began before the change: its VTIMEZONE starts in daylight time.
  const autumn = await staff.post('/api/scheduling/series', { title: 'Autumn circle', startsOn: '2026-10-05', weekday: 1 });
  expect(autumn.status).toBe(201);
  autumnId = autumn.body.id;
});
afterAll(async () => {
  await app.close();
  await app.db.close();
});
afterEach(() => ICAL.TimezoneService.reset());

interface Read {
  uid: string;
  /** The original start (RECURRENCE-ID) and the start, as UTC instants. */
  original: string;
  start: string;
  cancelled: boolean;
}

/**
 * Every occurrence whose original start lies in [from, to], with EXDATEs and RECURRENCE-ID overrides applied
 * by ical.js, and times placed only by the feed's own VTIMEZONEs.
 */
function readFeed(text: string, from: string, to: string): Read[] {
  ICAL.TimezoneService.reset();
  const root = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  const vevents = root.getAllSubcomponents('vevent');
  const out: Read[] = [];
  const utc = (t: ICAL.Time) => {
    // Zoned times must use a registered VTIMEZONE; ical.js would otherwise read them as floating (UTC).
    expect(t.zone?.tzid).toBe('America/Edmonton');
    return t.toJSDate().toISOString();
  };
  for (const master of vevents.filter((v) => !v.hasProperty('recurrence-id'))) {
    const event = new ICAL.Event(master);
    for (const v of vevents) if (v.hasProperty('recurrence-id') && v.getFirstPropertyValue('uid') === event.uid) event.relateException(v);
    const starts = event.isRecurring() ? event.iterator() : null;
    for (let t: ICAL.Time | null = starts ? starts.next() : event.startDate; t; t = starts ? starts.next() : null) {
      const original = utc(t);
      if (original > to) break;
      const d = event.getOccurrenceDetails(t);
      if (original >= from) out.push({ uid: event.uid, original, start: utc(d.startDate), cancelled: d.item.component.getFirstPropertyValue('status') === 'CANCELLED' });
    }
  }
  return out.sort((a, b) => a.original.localeCompare(b.original));
}

const DAY = 86_400_000;

/**
 * The Monday circle from 2026-11-30 to 2027-12-27 as written here by hand: every Monday at 18:00Z (noon at
 * UTC−6, Alberta time all year), except the Alberta general holidays on Mondays, which it skips (Family Day
 * 2027-02-15, Victoria Day 05-24, Labour Day 09-06, Thanksgiving 10-11; Christmas 2027 is a Saturday and no
 * Monday stands in for it, so 2027-12-27 meets), and with the staff changes made above.
 */
function expectedMondays(): string[] {
  const skipped = new Set(['2027-02-15', '2027-05-24', '2027-09-06', '2027-10-11']);
  const out: string[] = [];
  for (let t = Date.UTC(2026, 10, 30, 18); t <= Date.UTC(2027, 11, 27, 18); t += 7 * DAY) {
    const at = new Date(t).toISOString();
    const date = at.slice(0, 10);
    if (skipped.has(date)) continue;
    if (date === '2027-01-11') out.push(`${at} moved to 2027-01-12T18:30:00.000Z`);
    else if (date === '2027-03-01') out.push(`${at} cancelled`);
    else out.push(at);
  }
  return out;
}
/** The VTIMEZONE's observances as "KIND DTSTART FROM TO". */
const observancesOf = (text: string) =>
  [...text.matchAll(/BEGIN:(STANDARD|DAYLIGHT)\r\nDTSTART:(\S+)\r\nTZOFFSETFROM:(\S+)\r\nTZOFFSETTO:(\S+)/g)].map((m) => m.slice(1).join(' '));
const describeRead = (r: Read) => (r.cancelled ? `${r.original} cancelled` : r.start !== r.original ? `${r.original} moved to ${r.start}` : r.start);

const FROM = '2026-11-30T00:00:00.000Z';
const TO = '2027-12-28T00:00:00.000Z';

describe('feeds read back by their own VTIMEZONE', () => {
  it('the hand-written list: 57 Mondays, four of them holidays', () => {
    expect(expectedMondays()).toHaveLength(53);
    expect(expectedMondays().at(-1)).toBe('2027-12-27T18:00:00.000Z');
  });

  it('the series feed: every Monday from 2026-11-30 to 2027-12-27 at 18:00Z', async () => {
    const text = await (await fetch(`${app.url}/api/scheduling/series/rmcc/feed.ics`)).text();
    // From the observance in effect at the first session (2026-01-05) to a single standard one at UTC−6.
    expect(observancesOf(text)).toEqual(['STANDARD 20251102T020000 -0600 -0700', 'DAYLIGHT 20260308T020000 -0700 -0600', 'STANDARD 20261101T020000 -0600 -0600']);
    expect(text).toContain('TZNAME:Alberta time');
    const read = readFeed(text, FROM, TO).filter((r) => r.uid === 'rmcc@redmug');
    expect(read.map(describeRead)).toEqual(expectedMondays());
  });

  it('the series feed: the same VTIMEZONE places the sessions before the change under the old rule', async () => {
    const text = await (await fetch(`${app.url}/api/scheduling/series/rmcc/feed.ics`)).text();
    const read = readFeed(text, '2026-01-01T00:00:00.000Z', '2026-11-24T00:00:00.000Z').map((r) => r.start);
    expect(read[0]).toBe('2026-01-05T19:00:00.000Z'); // noon MST, the first session
    expect(read).toContain('2026-03-02T19:00:00.000Z'); // the last Monday in MST
    expect(read).toContain('2026-03-09T18:00:00.000Z'); // the first in MDT
    expect(read).toContain('2026-10-26T18:00:00.000Z'); // the last in MDT
    expect(read).toContain('2026-11-02T18:00:00.000Z'); // the first in Alberta time: the same instant of day
    expect(read).not.toContain('2026-10-12T18:00:00.000Z'); // Thanksgiving 2026
  });

  it('a series that began in October 2026: daylight time, then Alberta time, in one VTIMEZONE', async () => {
    const text = await (await fetch(`${app.url}/api/scheduling/series/${autumnId}/feed.ics`)).text();
    expect(observancesOf(text)).toEqual(['DAYLIGHT 20260308T020000 -0700 -0600', 'STANDARD 20261101T020000 -0600 -0600']);
    const read = readFeed(text, '2026-10-01T00:00:00.000Z', '2026-11-10T00:00:00.000Z').map(describeRead);
    expect(read).toEqual([
      '2026-10-05T18:00:00.000Z',
      // 2026-10-12: Thanksgiving
      '2026-10-19T18:00:00.000Z',
      '2026-10-26T18:00:00.000Z', // MDT, UTC−6
      '2026-11-02T18:00:00.000Z', // Alberta time, UTC−6
      '2026-11-09T18:00:00.000Z',
    ]);
  });

  it('the personal feed: the same Mondays', async () => {
    const url = (await lawyer.post('/api/scheduling/feed/rotate')).body.url as string;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const read = readFeed(await res.text(), FROM, TO);
    expect(read.filter((r) => r.uid === 'rmcc@redmug').map(describeRead)).toEqual(expectedMondays());
    expect(read.filter((r) => r.uid === `${autumnId}@redmug`).map((r) => r.start)).toContain('2027-12-27T18:00:00.000Z');
  });

  it.each([
    ['rmcc_2026-11-30', '2026-11-30T18:00:00.000Z', ['STANDARD 20261101T020000 -0600 -0600']],
    ['rmcc_2027-06-07', '2027-06-07T18:00:00.000Z', ['STANDARD 20261101T020000 -0600 -0600']],
    ['rmcc_2027-01-11', '2027-01-12T18:30:00.000Z', ['STANDARD 20261101T020000 -0600 -0600']], // moved
    ['rmcc_2026-10-26', '2026-10-26T18:00:00.000Z', ['DAYLIGHT 20260308T020000 -0700 -0600']],
    ['rmcc_2026-02-02', '2026-02-02T19:00:00.000Z', ['STANDARD 20251102T020000 -0600 -0700']],
  ])('"Add to calendar" for %s: %s, with only the observance it needs', async (sessionId, start, observances) => {
    const res = await lawyer.get(`/api/scheduling/sessions/${sessionId}/calendar.ics`);
    expect(res.status).toBe(200);
    const text = res.body as string;
    expect(observancesOf(text)).toEqual(observances);
    const [read] = readFeed(text, '2026-01-01T00:00:00.000Z', '2028-01-01T00:00:00.000Z');
    expect(read!.start).toBe(start);
  });

  it('the reader really uses the feed’s VTIMEZONE: change its offset and the instants follow', async () => {
    const text = await (await fetch(`${app.url}/api/scheduling/series/rmcc/feed.ics`)).text();
    const altered = text.replace('DTSTART:20261101T020000\r\nTZOFFSETFROM:-0600\r\nTZOFFSETTO:-0600', 'DTSTART:20261101T020000\r\nTZOFFSETFROM:-0600\r\nTZOFFSETTO:-0500');
    expect(altered).not.toBe(text);
    const read = readFeed(altered, FROM, TO).filter((r) => r.uid === 'rmcc@redmug');
    expect(read[0]!.start).toBe('2026-11-30T17:00:00.000Z');
  });
});
