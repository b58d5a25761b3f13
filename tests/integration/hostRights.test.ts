import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionHostIds } from '../../server/src/live/hostPolicy';
import { findLivekitBinary, startLocalLivekit, type LocalLivekit } from '../../server/src/livekit/localLivekit';
import { createMedia } from '../../server/src/livekit/media';
import { ApiClient } from '../support/httpClient';
import { openCircleNow } from '../support/openCircles';
import { agreeToPledge } from '../support/pledge';
import { recordReadiness } from '../support/readiness';
import { command, connectSocket, expectOk, next, type ClientSocket } from '../support/sockets';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD, type People } from '../support/users';

/** Host rights come from the roster and the role: a host of one circle is an ordinary participant in another. */
let livekit: LocalLivekit;
let app: TestApp;
let people: People;
let circleA: string;
let circleB: string;
const roster = new Map<string, { hostId: string | null; backupId: string | null }>();
const hostIds: SessionHostIds = async (id) => roster.get(id) ?? { hostId: null, backupId: null };
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  livekit = await startLocalLivekit({ bin: findLivekitBinary(process.env.LIVEKIT_BIN)! });
  app = await startTestApp({ media: createMedia(livekit.connection), now: new Date().toISOString(), hostIds });
  people = await createPeople(app);
  circleA = await openCircleNow(app.db, 'roster-a', 'A');
  circleB = await openCircleNow(app.db, 'roster-b', 'B');
  roster.set(circleA, { hostId: people.volunteer.id, backupId: null });
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await app.close();
  await livekit.stop();
});

async function join(email: string, sessionId: string) {
  const http = new ApiClient(app.url);
  await http.signIn(email, PASSWORD);
  const socket = await connectSocket(app.url, http.cookie('rm_sid'));
  sockets.push(socket);
  return { socket, snapshot: expectOk(await command(socket, 'circle:join', { sessionId, displayName: 'Someone' })) };
}

describe('host rights', () => {
  it.each([
    ['the assigned volunteer host, in their circle', 'volunteer@example.ca', () => circleA, true],
    ['the assigned volunteer host, in another circle', 'volunteer@example.ca', () => circleB, false],
    ['staff, in any circle', 'staff@example.ca', () => circleB, true],
    ['a lawyer', 'lawyer@example.ca', () => circleA, false],
    ['an articling student', 'student@example.ca', () => circleA, false],
  ])('%s: host = %s', async (_label, email, circle, expected) => {
    const { socket, snapshot } = await join(email, circle());
    expect(snapshot.you.isHost).toBe(expected);
    const ack = await command(socket, 'topic:pivot', { topic: `pivot by ${email}` });
    expect(ack.ok).toBe(expected);
    if (!ack.ok) expect(ack.code).toBe('FORBIDDEN');
  });

  it('a backup host has host rights too, and a roster change applies on the next join', async () => {
    roster.set(circleB, { hostId: null, backupId: people.volunteer.id });
    const { snapshot } = await join('volunteer@example.ca', circleB);
    expect(snapshot.you.isHost).toBe(true);
  });
});

describe('host rights follow the roster now, and hosts are moderated by staff only', () => {
  it('a host whom staff unassign loses host powers within seconds, without reconnecting, and the list says so', async () => {
    const circle = await openCircleNow(app.db, 'roster-c', 'C');
    roster.set(circle, { hostId: people.volunteer.id, backupId: null });
    const host = await join('volunteer@example.ca', circle);
    const watcher = await join('lawyer@example.ca', circle);
    expect(host.snapshot.you.isHost).toBe(true);
    expectOk(await command(host.socket, 'topic:pivot', { topic: 'Before the change' }));

    const demoted = next(watcher.socket, 'participants:changed', ({ participants }) =>
      participants.some((p) => p.identity === host.snapshot.you.identity && !p.isHost),
    );
    roster.set(circle, { hostId: null, backupId: null });
    // Asked once a second (a host's commands are rate-limited): refused as soon as the roster is read again.
    await expect
      .poll(
        async () => {
          const ack = await command(host.socket, 'topic:pivot', { topic: 'After the change' });
          return ack.ok ? 'ok' : `${ack.code}: ${ack.message}`;
        },
        { timeout: 15_000, interval: 1_000 },
      )
      .toBe('FORBIDDEN: Only the host of this circle can do that.');
    await demoted;
  });

  it('a backup host cannot mute or remove the host or staff; staff can', async () => {
    const circle = await openCircleNow(app.db, 'roster-d', 'D');
    const backup = await app.services.auth.createUser({ email: 'backup@example.ca', firstName: 'Bea', role: 'volunteer', memberKind: null, password: PASSWORD });
    await agreeToPledge(app, backup!.id);
    await recordReadiness(app, backup!.id);
    roster.set(circle, { hostId: people.volunteer.id, backupId: backup!.id });
    const host = await join('volunteer@example.ca', circle);
    const staff = await join('staff@example.ca', circle);
    const member = await join('lawyer@example.ca', circle);
    const bea = await join('backup@example.ca', circle);
    expect(bea.snapshot.you.isHost).toBe(true);

    for (const target of [host, staff]) {
      for (const event of ['moderation:mute', 'moderation:cameraOff', 'moderation:remove'] as const) {
        expect(await command(bea.socket, event, { identity: target.snapshot.you.identity }), event).toMatchObject({
          ok: false,
          code: 'FORBIDDEN',
          message: 'Only staff can do that to a host or a member of staff.',
        });
      }
      expect(await command(bea.socket, 'moderation:blockMic', { identity: target.snapshot.you.identity, blocked: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    // The backup still moderates members; staff moderate the host.
    expectOk(await command(bea.socket, 'moderation:mute', { identity: member.snapshot.you.identity }));
    expectOk(await command(staff.socket, 'moderation:mute', { identity: host.snapshot.you.identity }));
    expectOk(await command(staff.socket, 'moderation:remove', { identity: bea.snapshot.you.identity }));
  });
});
