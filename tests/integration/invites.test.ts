import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signedInAs } from '../support/httpClient';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople } from '../support/users';

/** Staff list the invites not yet used and revoke one, whose link stops working at once (issue #17, item 3). */
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await createPeople(app);
});
afterAll(() => app.close());

describe('pending invites', () => {
  it('staff list them (never their links), revoke one (audited), and its link no longer works', async () => {
    const staff = await signedInAs(app.url, 'staff@example.ca');
    const forVal = await staff.post('/api/auth/invites', { role: 'volunteer', email: 'val.new@example.ca' });
    const forAnyone = await staff.post('/api/auth/invites', { role: 'member', memberKind: 'articling_student' });
    const list = await staff.get('/api/auth/invites');
    expect(list.status).toBe(200);
    expect(list.body.invites).toHaveLength(2);
    expect(list.body.invites).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'volunteer', memberKind: null, email: 'val.new@example.ca', createdByName: 'Sasha' }),
        expect.objectContaining({ role: 'member', memberKind: 'articling_student', email: null, createdByName: 'Sasha' }),
      ]),
    );
    const text = JSON.stringify(list.body);
    for (const secret of [forVal.body.token, forAnyone.body.token]) expect(text).not.toContain(secret);

    const target = (list.body.invites as Array<{ id: string; email: string | null }>).find((i) => i.email === 'val.new@example.ca')!;
    expect((await staff.post(`/api/auth/invites/${target.id}/revoke`)).status).toBe(200);
    expect((await new ApiClient(app.url).get(`/api/auth/invites/${forVal.body.token}`)).body).toEqual({ usable: false });
    const newcomer = new ApiClient(app.url);
    await newcomer.get('/api/auth/session');
    const accepted = await newcomer.post('/api/auth/accept-invite', { token: forVal.body.token, email: 'val.new@example.ca', firstName: 'Val', password: 'a long enough passphrase' });
    expect(accepted.status).toBeGreaterThanOrEqual(400);
    expect(accepted.body.code).toBe('INVITE_INVALID');
    expect((await staff.get('/api/auth/invites')).body.invites).toHaveLength(1);
    expect(await app.db.query("SELECT target_type, target_id FROM audit_log WHERE action = 'invite.revoke'")).toEqual([{ target_type: 'invite', target_id: target.id }]);

    // Again: already gone; a malformed reference; a member asking.
    expect((await staff.post(`/api/auth/invites/${target.id}/revoke`)).status).toBe(404);
    expect((await staff.post('/api/auth/invites/not-a-reference/revoke')).status).toBe(400);
    const member = await signedInAs(app.url, 'lawyer@example.ca');
    expect((await member.get('/api/auth/invites')).status).toBe(403);
    expect((await member.post(`/api/auth/invites/${target.id}/revoke`)).status).toBe(403);
  });
});
