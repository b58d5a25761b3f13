import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedulingRepository, WEEKLY_DEFAULTS } from '../../server/src/scheduling/scheduling.repository';
import { openCircleNow } from '../support/openCircles';
import { collect, command, expectOk, next, type ClientSocket } from '../support/sockets';
import { startTwoInstances, type TwoInstances } from '../support/twoInstances';

/**
 * Knocking at a locked circle (issue #18, item 4), on two instances sharing Redis: the person knocking is on one,
 * the host on the other. Every host sees the knock with the name; only a host answers; the person hears the
 * answer alone, can give up, and the knock ends with the circle, the host's leaving or the person's connection.
 * The name is never in Redis in clear (keys, values, streams) nor in a log.
 */
let t: TwoInstances;
beforeAll(async () => {
  t = await startTwoInstances();
});
afterAll(() => t?.close());

const uid = () => randomBytes(3).toString('hex');

/** A circle open now, hosted by staff on instance A (and locked unless said otherwise); a member in it on B. */
async function lockedCircle(opts: { locked?: boolean } = {}) {
  const sessionId = await openCircleNow(t.db, `knock-${uid()}`, 'Knocking');
  const host = await t.person('a', 'staff', 'Sasha');
  const hostSnap = expectOk(await command(host.socket, 'circle:join', { sessionId, displayName: 'Sasha' }));
  const member = await t.person('b', 'member', 'Mo');
  expectOk(await command(member.socket, 'circle:join', { sessionId, displayName: 'Mo' }));
  if (opts.locked !== false) expectOk(await command(host.socket, 'circle:lock', { locked: true }));
  return { sessionId, host, hostSnap, member };
}

/** Someone outside the circle, on instance B, who knocks as `name`; resolves once the host has seen it. */
async function knocks(sessionId: string, hostSocket: ClientSocket, name: string) {
  const p = await t.person('b', 'member', 'Kit');
  const seen = next(hostSocket, 'knock:received', (k) => k.displayName === name);
  expect(await command(p.socket, 'circle:join', { sessionId, displayName: name })).toMatchObject({ ok: false, code: 'CIRCLE_LOCKED' });
  expectOk(await command(p.socket, 'circle:knock', { sessionId, displayName: name }));
  const knock = await seen;
  return { ...p, identity: knock.identity, knock };
}

describe('knocking at a locked circle', () => {
  it('the host on the other instance sees the name and lets them in; they join; members hear nothing of it', async () => {
    const { sessionId, host, member } = await lockedCircle();
    const memberKnocks = collect(member.socket, 'knock:received');
    const kit = await knocks(sessionId, host.socket, 'Kit Knocker');
    expect(kit.knock).toMatchObject({ displayName: 'Kit Knocker' });
    const answered = next(kit.socket, 'knock:answered');
    const ended = next(host.socket, 'knock:ended', (k) => k.identity === kit.identity);
    expectOk(await command(host.socket, 'knock:admit', { identity: kit.identity }));
    expect(await answered).toMatchObject({ outcome: 'admitted' });
    await ended;
    // Let in once: the locked doors open to them, on the socket and over HTTP alike.
    const snap = expectOk(await command(kit.socket, 'circle:join', { sessionId, displayName: 'Kit Knocker' }));
    expect(snap.you.identity).toBe(kit.identity);
    expect(snap.knocks).toEqual([]);
    // A host who joins later sees no knock left; a second answer to the same knock finds it gone.
    expect(await command(host.socket, 'knock:admit', { identity: kit.identity })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(memberKnocks).toEqual([]);
  });

  it('a host joining while someone waits sees the knock in their snapshot, and every host hears the knocks', async () => {
    const { sessionId, host } = await lockedCircle();
    const kit = await knocks(sessionId, host.socket, 'Kit Waiting');
    const second = await t.person('b', 'staff', 'Sam');
    const snap = expectOk(await command(second.socket, 'circle:join', { sessionId, displayName: 'Sam' }));
    expect(snap.knocks).toEqual([expect.objectContaining({ identity: kit.identity, displayName: 'Kit Waiting' })]);
    const other = next(second.socket, 'knock:received', (k) => k.displayName === 'Kit Again');
    const again = await t.person('a', 'member', 'Kai');
    expectOk(await command(again.socket, 'circle:knock', { sessionId, displayName: 'Kit Again' }));
    await other;
  });

  it('declined: a kind message with what to do next, and the doors stay closed', async () => {
    const { sessionId, host } = await lockedCircle();
    const kit = await knocks(sessionId, host.socket, 'Kit Declined');
    const answered = next(kit.socket, 'knock:answered');
    expectOk(await command(host.socket, 'knock:decline', { identity: kit.identity }));
    const answer = await answered;
    expect(answer.outcome).toBe('declined');
    expect(answer.message).toMatch(/next circle/);
    expect(answer.message).toMatch(/matched peer support/);
    expect(await command(kit.socket, 'circle:join', { sessionId, displayName: 'Kit Declined' })).toMatchObject({ ok: false, code: 'CIRCLE_LOCKED' });
  });

  it('withdrawn: giving up takes the knock out of the hosts\' view, and it can no longer be admitted', async () => {
    const { sessionId, host } = await lockedCircle();
    const kit = await knocks(sessionId, host.socket, 'Kit Gives Up');
    const ended = next(host.socket, 'knock:ended', (k) => k.identity === kit.identity);
    expectOk(await command(kit.socket, 'knock:withdraw', {}));
    await ended;
    expect(await command(host.socket, 'knock:admit', { identity: kit.identity })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await command(kit.socket, 'circle:join', { sessionId, displayName: 'Kit Gives Up' })).toMatchObject({ ok: false, code: 'CIRCLE_LOCKED' });
  });

  it('ends when the person disconnects, when the last host leaves, and when the circle ends; opening the circle lets them in', async () => {
    const { sessionId, host } = await lockedCircle();
    const gone = await knocks(sessionId, host.socket, 'Kit Drops');
    const ended = next(host.socket, 'knock:ended', (k) => k.identity === gone.identity);
    gone.socket.disconnect();
    await ended;

    // The host leaves: nobody is left to answer.
    const lonely = await knocks(sessionId, host.socket, 'Kit Alone');
    const noHost = next(lonely.socket, 'knock:answered');
    expectOk(await command(host.socket, 'circle:leave', {}));
    expect(await noHost).toMatchObject({ outcome: 'ended', message: expect.stringMatching(/No host is in the circle/) });
    // And with no host there, a knock is refused at once rather than left unanswered.
    expect(await command(lonely.socket, 'circle:knock', { sessionId, displayName: 'Kit Alone' })).toMatchObject({ ok: false, code: 'CONFLICT' });

    // Back: unlocking lets in whoever is knocking.
    expectOk(await command(host.socket, 'circle:join', { sessionId, displayName: 'Sasha' }));
    const opener = await knocks(sessionId, host.socket, 'Kit Opens');
    const opened = next(opener.socket, 'knock:answered');
    expectOk(await command(host.socket, 'circle:lock', { locked: false }));
    expect(await opened).toMatchObject({ outcome: 'admitted' });
    expectOk(await command(opener.socket, 'circle:join', { sessionId, displayName: 'Kit Opens' }));

    // Ended: the knocker hears so.
    expectOk(await command(host.socket, 'circle:lock', { locked: true }));
    const last = await knocks(sessionId, host.socket, 'Kit Late');
    const over = next(last.socket, 'knock:answered');
    expectOk(await command(host.socket, 'circle:end', {}));
    expect(await over).toMatchObject({ outcome: 'ended', message: expect.stringMatching(/ended/) });
  });

  it('only a host of that circle answers, and only knocks that wait', async () => {
    const { sessionId, host, member } = await lockedCircle();
    const kit = await knocks(sessionId, host.socket, 'Kit Authz');
    // A member in the circle, and a volunteer (no host anywhere) in it, are refused.
    expect(await command(member.socket, 'knock:admit', { identity: kit.identity })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await command(member.socket, 'knock:decline', { identity: kit.identity })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // Staff in another circle host that one, not this: the knock is not theirs to find.
    const elsewhere = await openCircleNow(t.db, `knock-other-${uid()}`, 'Other');
    const otherHost = await t.person('a', 'staff', 'Oda');
    expectOk(await command(otherHost.socket, 'circle:join', { sessionId: elsewhere, displayName: 'Oda' }));
    expect(await command(otherHost.socket, 'knock:admit', { identity: kit.identity })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // Someone outside every circle cannot answer either.
    expect(await command(kit.socket, 'knock:admit', { identity: kit.identity })).toMatchObject({ ok: false, code: 'NOT_IN_CIRCLE' });
    // Not a waiting knock: a made-up identity, and a badly formed one.
    expect(await command(host.socket, 'knock:admit', { identity: `p_${'A'.repeat(22)}` })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await command(host.socket, 'knock:admit', { identity: 'nobody' } as never)).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    // Still waiting after all that: the host lets them in.
    const answered = next(kit.socket, 'knock:answered');
    expectOk(await command(host.socket, 'knock:admit', { identity: kit.identity }));
    expect(await answered).toMatchObject({ outcome: 'admitted' });
  });

  it('is refused at an open circle, an ended one, one the person may not attend, and with a name the join would refuse', async () => {
    const open = await lockedCircle({ locked: false });
    const p = await t.person('b', 'member', 'Pat');
    expect(await command(p.socket, 'circle:knock', { sessionId: open.sessionId, displayName: 'Pat' })).toMatchObject({ ok: false, code: 'CONFLICT' });

    // An articling-students circle: a lawyer may not attend it, so they may not knock either (as if it were not there).
    const students = `knock-students-${uid()}`;
    const sessionId = await openCircleNow(t.db, students, 'Students');
    await schedulingRepository(t.db).updateSeries(students, { audience: 'articling_students' }, open.host.user.id);
    const host = await t.person('a', 'staff', 'Sol');
    expectOk(await command(host.socket, 'circle:join', { sessionId, displayName: 'Sol' }));
    expectOk(await command(host.socket, 'circle:lock', { locked: true }));
    expect(await command(p.socket, 'circle:knock', { sessionId, displayName: 'Pat' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const student = await t.person('b', 'member', 'Stu', 'articling_student');
    const seen = next(host.socket, 'knock:received');
    expectOk(await command(student.socket, 'circle:knock', { sessionId, displayName: 'Stu' }));
    await seen;
    expect(await command(student.socket, 'circle:knock', { sessionId, displayName: 'Red Mug' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await command(student.socket, 'circle:knock', { sessionId: 'no-such_2026-01-05', displayName: 'Stu' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    expectOk(await command(host.socket, 'circle:end', {}));
    expect(await command(student.socket, 'circle:knock', { sessionId, displayName: 'Stu' })).toMatchObject({ ok: false, code: 'CIRCLE_ENDED' });
    expect(WEEKLY_DEFAULTS.audience).toBe('everyone');
  });

  it('is rate limited per person, across instances', async () => {
    const { sessionId, host } = await lockedCircle();
    const p = await t.person('b', 'member', 'Rae');
    const onA = await t.socketOn('a', p.cookie);
    const acks = [];
    for (let i = 0; i < 4; i++) acks.push(await command(i % 2 ? onA : p.socket, 'circle:knock', { sessionId, displayName: 'Rae' }));
    expect(acks.every((a) => a.ok)).toBe(true);
    const refused = await command(onA, 'circle:knock', { sessionId, displayName: 'Rae' });
    expect(refused).toMatchObject({ ok: false, code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/ten minutes/) });
    // Someone else is not held back by it.
    await knocks(sessionId, host.socket, 'Kit Unaffected');
  });

  it('never puts the name in Redis in clear (keys, values, the adapter\'s stream) nor in a log', async () => {
    const marker = `Zed${randomBytes(4).toString('hex')}`;
    const { sessionId, host } = await lockedCircle();
    const kit = await knocks(sessionId, host.socket, marker);
    // Waiting (the knock kept in the live state), then admitted and in the circle (the name in its list).
    expect(await t.redisDump()).not.toContain(marker);
    const answered = next(kit.socket, 'knock:answered');
    expectOk(await command(host.socket, 'knock:admit', { identity: kit.identity }));
    await answered;
    expectOk(await command(kit.socket, 'circle:join', { sessionId, displayName: marker }));
    const dump = await t.redisDump();
    expect(dump).not.toContain(marker);
    expect(dump).not.toContain(Buffer.from(marker).toString('base64').slice(0, 8));
    expect([...t.a.logLines, ...t.b.logLines].join('\n')).not.toContain(marker);
    const rows = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'circle.knock_admit' AND target_id = $1`, [sessionId]);
    expect(rows[0]!.n).toBe(1);
  });
});
