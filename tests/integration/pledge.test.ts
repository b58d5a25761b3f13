import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIDENTIALITY_PLEDGE } from '../../shared/schemas/pledge';
import { ApiClient } from '../support/httpClient';
import { command, connectSocket, expectOk } from '../support/sockets';
import { IN_WINDOW, startTestApp, type TestApp } from '../support/testApp';
import { PASSWORD } from '../support/users';

/**
 * Issue #15, item 6: the confidentiality pledge on someone's first join and again each year, kept as "who agreed,
 * when" only — never which circle.
 */
describe('the confidentiality pledge', () => {
  let app: TestApp;
  const SESSION = 'rmcc_2026-11-30';
  const join = (c: ApiClient) => c.post(`/api/circles/sessions/${SESSION}/join`, { displayName: 'Robin' });

  beforeAll(async () => {
    app = await startTestApp({ now: IN_WINDOW });
    for (const [email, role, memberKind] of [
      ['robin@example.ca', 'member', 'articling_student'],
      ['vic@example.ca', 'volunteer', null],
      ['ada@example.ca', 'auditor', null],
      ['kit@example.ca', 'member', 'lawyer'],
      ['sol@example.ca', 'staff', null],
    ] as const) {
      await app.services.auth.createUser({ email, firstName: email.split('@')[0]!, role, memberKind, password: PASSWORD });
    }
  });
  afterAll(() => app.close());

  async function signedIn(email: string) {
    const c = new ApiClient(app.url);
    expect((await c.signIn(email, PASSWORD)).status).toBe(200);
    return c;
  }

  it('is required on the first join: a typed refusal until agreed, then the join goes through', async () => {
    const robin = await signedIn('robin@example.ca');
    expect((await robin.get('/api/circles/pledge')).body).toEqual({ required: true, agreedAt: null, text: [...CONFIDENTIALITY_PLEDGE] });
    const refused = await join(robin);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'PLEDGE_REQUIRED' });
    // No attendance ticket either: nothing was handed out.
    expect(await app.db.query('SELECT 1 FROM attendance_tickets')).toEqual([]);
    // Agreeing needs the agreement itself; anything else is a 400 naming the field.
    for (const body of [{}, { agree: false }, { agree: true, sessionId: SESSION }]) {
      const bad = await robin.post('/api/circles/pledge', body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    }
    const agreed = await robin.post('/api/circles/pledge', { agree: true });
    expect(agreed.status).toBe(200);
    expect(agreed.body).toMatchObject({ required: false, agreedAt: new Date(IN_WINDOW).toISOString() });
    expect((await join(robin)).status).toBe(200);
    // The next join does not ask again.
    expect((await join(robin)).status).toBe(200);
  });

  it('keeps only who agreed and when: no session, circle or room in the row', async () => {
    const [robin] = await app.db.query<{ id: string }>("SELECT id FROM users WHERE email = 'robin@example.ca'");
    const cols = await app.db.query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'confidentiality_pledges' ORDER BY column_name",
    );
    expect(cols.map((c) => c.column_name)).toEqual(['agreed_at', 'user_id']);
    const rows = await app.db.query<{ user_id: string; agreed_at: Date }>('SELECT * FROM confidentiality_pledges');
    expect(rows).toEqual([{ user_id: robin!.id, agreed_at: new Date(IN_WINDOW) }]);
    expect(JSON.stringify(rows)).not.toContain(SESSION);
  });

  it('is asked again a year later', async () => {
    try {
      app.clock.set('2027-11-29T18:05:00Z'); // 364 days on: still agreed
      expect((await (await signedIn('robin@example.ca')).get('/api/circles/pledge')).body).toMatchObject({ required: false });
      app.clock.set('2027-11-30T18:05:00Z'); // a year on
      const robin = await signedIn('robin@example.ca');
      expect((await robin.get('/api/circles/pledge')).body).toMatchObject({ required: true, agreedAt: null });
      expect((await robin.post('/api/circles/pledge', { agree: true })).body).toMatchObject({ required: false, agreedAt: '2027-11-30T18:05:00.000Z' });
      expect(await app.db.query('SELECT 1 FROM confidentiality_pledges')).toHaveLength(1);
    } finally {
      app.clock.set(IN_WINDOW);
    }
  });

  it('applies to volunteers too, and auditors have none to give', async () => {
    const vic = await signedIn('vic@example.ca');
    expect((await vic.get('/api/circles/pledge')).body).toMatchObject({ required: true });
    const ada = await signedIn('ada@example.ca');
    expect((await ada.get('/api/circles/pledge')).status).toBe(403);
    expect((await ada.post('/api/circles/pledge', { agree: true })).status).toBe(403);
  });

  it('is asked by the live circle too: a socket cannot join without it, and nobody there sees an attempt', async () => {
    const sol = await signedIn('sol@example.ca');
    expect((await sol.post('/api/circles/pledge', { agree: true })).status).toBe(200);
    const host = await connectSocket(app.url, sol.cookie('rm_sid'));
    const kit = await connectSocket(app.url, (await signedIn('kit@example.ca')).cookie('rm_sid'));
    try {
      const before = expectOk(await command(host, 'circle:join', { sessionId: SESSION, displayName: 'Sol' })).participants;
      expect(before.map((p) => p.displayName)).toEqual(['Sol']);
      const heard: string[][] = [];
      host.on('participants:changed', ({ participants }) => heard.push(participants.map((p) => p.displayName)));

      expect(await command(kit, 'circle:join', { sessionId: SESSION, displayName: 'Kit' })).toEqual({
        ok: false,
        code: 'PLEDGE_REQUIRED',
        message: 'Before you join, please read and agree to the confidentiality pledge.',
      });
      // Not in the circle: its commands are refused as for anyone outside it.
      expect(await command(kit, 'hand:raise', {})).toMatchObject({ ok: false, code: 'NOT_IN_CIRCLE' });

      const kitHttp = await signedIn('kit@example.ca');
      expect((await kitHttp.post('/api/circles/pledge', { agree: true })).status).toBe(200);
      // The refused attempt put nobody in the circle: no list the host heard until now names Kit.
      expect(heard.filter((names) => names.includes('Kit'))).toEqual([]);
      const arrived = new Promise<void>((resolve) => host.on('participants:changed', ({ participants }) => participants.length === 2 && resolve()));
      expect(expectOk(await command(kit, 'circle:join', { sessionId: SESSION, displayName: 'Kit' })).participants.map((p) => p.displayName).sort()).toEqual(['Kit', 'Sol']);
      await arrived;
    } finally {
      host.disconnect();
      kit.disconnect();
    }
  });
});
