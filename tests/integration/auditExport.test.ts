import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditColumns } from '../../shared/auditCsv';
import { translator } from '../../shared/i18n/catalog';
import { AuditLogResponse, type AuditLogEntry } from '../../shared/schemas/reports';
import { ApiClient, signedInAs } from '../support/httpClient';
import { IN_WINDOW, startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD, type People } from '../support/users';

/** Issue #16: the audit log in words (session titles, Alberta time), in pages, and as a CSV file. */
const SESSION = 'rmcc_2026-11-30';
const TOPIC = 'Burnout and boundaries';
let app: TestApp;
let people: People;
let staff: ApiClient;
let auditor: ApiClient;

/** Fetches one page, checking it against the shared schema the client parses with. */
async function page(c: ApiClient, query = ''): Promise<AuditLogResponse> {
  const res = await c.get(`/api/reports/audit${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return AuditLogResponse.parse(res.body);
}

beforeAll(async () => {
  app = await startTestApp({ now: IN_WINDOW });
  people = await createPeople(app);
  await app.services.auth.createUser({ email: 'ada@audit.example.ca', firstName: 'Ada', role: 'auditor', memberKind: null, password: PASSWORD });
  staff = await signedInAs(app.url, 'staff@example.ca');
  auditor = await signedInAs(app.url, 'ada@audit.example.ca');
  // Ten entries a minute apart (the log's order is its time, then insertion), the session's topic first.
  expect((await staff.post(`/api/scheduling/sessions/${SESSION}/topic`, { topic: TOPIC })).status).toBe(200);
  for (let i = 1; i < 10; i++) {
    app.clock.set(new Date(Date.parse(IN_WINDOW) + i * 60_000));
    const role = i % 3 === 0 ? 'auditor' : 'volunteer';
    expect((await staff.post('/api/auth/invites', { role })).status).toBe(201);
  }
});
afterAll(() => app.close());

describe('the audit log in words', () => {
  it('names a session by its circle and start, says when in Alberta time with the offset, and never shows the topic', async () => {
    const { entries } = await page(auditor);
    const topic = entries.find((e) => e.action === 'session.topic')!;
    expect(topic).toMatchObject({
      targetId: SESSION,
      targetLabel: 'Red Mug Coffee Circle, Mon 30 Nov 2026, 12:00',
      // 18:05 UTC: Alberta keeps UTC−6 all year from November 2026.
      when: 'Mon 30 Nov 2026, 12:05 Alberta time (UTC−6)',
    });
    expect(entries.find((e) => e.action === 'invite.create' && e.targetId === 'volunteer')!.targetLabel).toBe('Role: Peer-support volunteer');
    expect(JSON.stringify(entries)).not.toContain(TOPIC);
  });
});

describe('paging', () => {
  it('walks the whole log older and back newer, page by page, with no entry twice or missed', async () => {
    const everything = (await page(staff, '?limit=100')).entries;
    expect(everything).toHaveLength(10);
    expect(everything.map((e) => e.at)).toEqual([...everything.map((e) => e.at)].sort().reverse());

    const pages: AuditLogEntry[][] = [];
    let first = await page(staff, '?limit=4');
    expect(first.newer).toBeNull();
    let current = first;
    pages.push(current.entries);
    while (current.older) {
      current = await page(staff, `?limit=4&before=${current.older}`);
      pages.push(current.entries);
    }
    expect(pages.map((p) => p.length)).toEqual([4, 4, 2]);
    expect(pages.flat()).toEqual(everything);

    // From the oldest page back to the newest: the same pages.
    const back: AuditLogEntry[][] = [current.entries];
    while (current.newer) {
      current = await page(staff, `?limit=4&after=${current.newer}`);
      back.unshift(current.entries);
    }
    expect(back.map((p) => p.map((e) => e.at))).toEqual(pages.map((p) => p.map((e) => e.at)));
    first = current;
    expect(first.newer).toBeNull();

    // An entry written meanwhile shifts no page: the older page after the first stays the same.
    const second = (await page(staff, `?limit=4&before=${first.older}`)).entries;
    app.clock.set(new Date(Date.parse(IN_WINDOW) + 30 * 60_000));
    expect((await staff.post('/api/auth/invites', { role: 'staff' })).status).toBe(201);
    expect((await page(staff, `?limit=4&before=${first.older}`)).entries).toEqual(second);
    expect((await page(staff, '?limit=4')).newer).toBeNull();
    expect((await page(staff, `?limit=4&after=${first.newer ?? first.older}`)).entries[0]!.targetId).toBe('staff');
  });

  it('pages one action at a time, and lists every action the log holds for the filter', async () => {
    const one = await page(auditor, '?action=invite.create&limit=5');
    expect(one.entries.every((e) => e.action === 'invite.create')).toBe(true);
    expect(one.older).not.toBeNull();
    const rest = await page(auditor, `?action=invite.create&limit=5&before=${one.older}`);
    expect([...one.entries, ...rest.entries].filter((e) => e.action === 'invite.create')).toHaveLength(10);
    expect(rest.older).toBeNull();
    expect(one.actions).toEqual(['invite.create', 'session.topic']);
  });

  it.each([
    ['?limit=0'],
    ['?limit=501'],
    ['?before=yesterday'],
    ['?before=1.1&after=1.1'],
    ['?action=DROP%20TABLE'],
    ['?page=2'],
  ])('refuses %s with a typed 400', async (query) => {
    const res = await staff.get(`/api/reports/audit${query}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('CSV export', () => {
  it('gives the page’s columns for every entry as a text/csv download, to staff and auditors', async () => {
    const res = await auditor.get('/api/reports/audit.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?red-mug-audit-log-\d{4}-\d{2}-\d{2}\.csv"?$/);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const lines = (res.body as string).trimEnd().split('\r\n');
    expect(lines[0]).toBe(auditColumns(translator('en-CA', { program: 'Red Mug Coffee Circle', programShort: 'Red Mug', zone: 'Alberta time' })).map((c) => `"${c}"`).join(','));
    const all = (await page(staff, '?limit=500')).entries;
    expect(lines).toHaveLength(all.length + 1);
    expect(lines).toContain(
      `"Mon 30 Nov 2026, 12:05 Alberta time (UTC−6)","Sasha (Staff)","Set a session's topic (session.topic)","Red Mug Coffee Circle, Mon 30 Nov 2026, 12:00"`,
    );
    expect(res.body).not.toContain(TOPIC);
    for (const never of [people.staff.email, people.lawyer.email, 'Lee']) expect(res.body).not.toContain(never);

    const only = await staff.get('/api/reports/audit.csv?action=session.topic');
    expect(only.status).toBe(200);
    expect(only.headers.get('content-disposition')).toMatch(/filename="?red-mug-audit-log-session-topic-/);
    expect((only.body as string).trimEnd().split('\r\n')).toHaveLength(2);
    expect((await staff.get('/api/reports/audit.csv?limit=5')).status).toBe(400);
  });

  it('is refused to everyone the audit page refuses', async () => {
    const anonymous = new ApiClient(app.url);
    expect((await anonymous.get('/api/reports/audit.csv')).status).toBe(401);
    for (const email of ['lawyer@example.ca', 'student@example.ca', 'volunteer@example.ca']) {
      const c = await signedInAs(app.url, email);
      const res = await c.get('/api/reports/audit.csv');
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
  });
});
