import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminCommand } from '../../server/src/admin/admin.commands';
import { loadConfig } from '../../server/src/config';
import { ApiClient, signedInAs } from '../support/httpClient';
import { openCircleNow } from '../support/openCircles';
import { command, connectSocket, expectOk, type ClientSocket } from '../support/sockets';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD, type People } from '../support/users';

/**
 * Sessions that end (issue #17, item 2): staff disable an account and it is out at once; a password reset from
 * the command line signs the person out everywhere; no session outlives its absolute lifetime however active;
 * and the socket's session check fails closed when the store cannot answer.
 */
let app: TestApp;
let people: People;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  app = await startTestApp({ now: new Date().toISOString(), env: { SESSION_RECHECK_SECONDS: '0.05', SESSION_MAX_DAYS: '7', SESSION_TTL_HOURS: '12' } });
  people = await createPeople(app);
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await app.close();
});

async function socketOf(c: ApiClient): Promise<ClientSocket> {
  const s = await connectSocket(app.url, c.cookie('rm_sid'));
  sockets.push(s);
  return s;
}
const closed = (s: ClientSocket) => new Promise<void>((resolve) => (s.disconnected ? resolve() : s.once('disconnect', () => resolve())));

describe('staff disable an account', () => {
  it('signs the person out everywhere at once, closes their sockets, refuses sign-in with a plain message, and is audited; enabling lets them back', async () => {
    const circle = await openCircleNow(app.db, 'accounts', 'Accounts');
    const member = await signedInAs(app.url, 'student@example.ca');
    const socket = await socketOf(member);
    expectOk(await command(socket, 'circle:join', { sessionId: circle, displayName: 'Sam' }));
    const staff = await signedInAs(app.url, 'staff@example.ca');

    const gone = closed(socket);
    const res = await staff.post(`/api/people/${people.student.id}/disabled`, { disabled: true });
    expect(res.status).toBe(200);
    expect(res.body.person).toMatchObject({ id: people.student.id, disabled: true });
    await gone;
    expect((await member.get('/api/auth/session')).body.user).toBeNull();
    const again = await new ApiClient(app.url).signIn('student@example.ca', PASSWORD);
    expect(again.status).toBe(403);
    expect(again.body.message).toBe("This account is disabled. If you think this is a mistake, contact the society's staff.");
    // A wrong password says nothing about the account being disabled.
    expect((await new ApiClient(app.url).signIn('student@example.ca', 'not the password')).status).toBe(401);
    // "Forgot password?" answers as ever, and nothing is made for a disabled account.
    const forgot = new ApiClient(app.url);
    await forgot.get('/api/auth/session');
    expect((await forgot.post('/api/auth/password-reset', { email: 'student@example.ca' })).status).toBe(202);
    expect(await app.db.query('SELECT id FROM password_resets WHERE user_id = $1', [people.student.id])).toEqual([]);

    expect((await staff.post(`/api/people/${people.student.id}/disabled`, { disabled: false })).body.person.disabled).toBe(false);
    expect((await new ApiClient(app.url).signIn('student@example.ca', PASSWORD)).status).toBe(200);
    const audit = await app.db.query<{ action: string; target_id: string; actor_id: string }>(
      "SELECT action, target_id, actor_id FROM audit_log WHERE action IN ('user.disable', 'user.enable') ORDER BY at, action",
    );
    expect(audit.map((a) => [a.action, a.target_id, a.actor_id])).toEqual([
      ['user.disable', people.student.id, people.staff.id],
      ['user.enable', people.student.id, people.staff.id],
    ]);
  });

  it('refuses one\'s own account, the last staff account that can sign in, a bad body and a member asking', async () => {
    const staff = await signedInAs(app.url, 'staff@example.ca');
    expect((await staff.post(`/api/people/${people.staff.id}/disabled`, { disabled: true })).status).toBe(409);
    expect((await staff.post(`/api/people/${people.lawyer.id}/disabled`, { disabled: 'yes' })).status).toBe(400);
    const member = await signedInAs(app.url, 'lawyer@example.ca');
    expect((await member.post(`/api/people/${people.volunteer.id}/disabled`, { disabled: true })).status).toBe(403);
  });
});

describe('sessions end', () => {
  it('a password reset from the command line ends every session of that person; their socket is closed at its next check', async () => {
    const a = await signedInAs(app.url, 'volunteer@example.ca');
    const b = await signedInAs(app.url, 'volunteer@example.ca');
    const socket = await socketOf(a);
    const outcome = await runAdminCommand(['user:password', '--email', 'volunteer@example.ca', '--password', 'a brand new passphrase'], {
      db: app.db,
      config: loadConfig({ NODE_ENV: 'test' }),
      clock: app.clock,
    });
    expect(outcome.failure).toBeNull();
    expect(outcome.lines[0]).toBe('Password changed for volunteer@example.ca; every session of theirs has ended');
    for (const c of [a, b]) expect((await c.get('/api/auth/session')).body.user).toBeNull();
    expect(await app.db.query("SELECT actor_id, target_id FROM audit_log WHERE action = 'user.sessions_revoked'")).toEqual([{ actor_id: null, target_id: people.volunteer.id }]);
    // Closed by the sweep within SESSION_RECHECK_SECONDS, or refused at its next command, whichever comes first.
    await closed(socket);
  });

  it('however active, a session ends seven days after sign-in', async () => {
    const start = app.clock.now();
    const c = await signedInAs(app.url, 'lawyer@example.ca');
    // Active every ten hours (the idle expiry is twelve), for a week and a bit.
    for (let hours = 10; hours < 7 * 24; hours += 10) {
      app.clock.set(new Date(start.getTime() + hours * 3600_000));
      expect((await c.get('/api/auth/session')).body.user?.email, `after ${hours} hours`).toBe('lawyer@example.ca');
    }
    app.clock.set(new Date(start.getTime() + (7 * 24 + 1) * 3600_000));
    expect((await c.get('/api/auth/session')).body.user).toBeNull();
    app.clock.set(start);
  });

  it('the socket session check fails closed: when the store cannot answer, the command is refused, not run', async () => {
    const c = await signedInAs(app.url, 'staff@example.ca');
    const socket = await socketOf(c);
    await app.db.query('ALTER TABLE auth_sessions RENAME TO auth_sessions_away');
    try {
      await expect
        .poll(async () => {
          const ack = await command(socket, 'hand:raise', {});
          return ack.ok ? 'ran' : ack.code;
        })
        .toBe('SERVICE_UNAVAILABLE');
      expect(socket.connected).toBe(true);
    } finally {
      await app.db.query('ALTER TABLE auth_sessions_away RENAME TO auth_sessions');
    }
  });
});
