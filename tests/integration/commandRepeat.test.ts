import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { emitCommand, newCommandId } from '../../client/src/api/emitCommand';
import { createAuthService } from '../../server/src/auth/auth.service';
import { createLoginThrottle } from '../../server/src/auth/loginThrottle';
import { systemClock } from '../../server/src/clock';
import { connectRedis } from '../../server/src/redis';
import { openDb, type Db } from '../../server/src/store/db';
import type { Ack } from '../../shared/errors';
import type { ClientToServerEvents } from '../../shared/events';
import { startAppProcess, type AppProcess } from '../support/appProcess';
import { ApiClient } from '../support/httpClient';
import { openCircleNow } from '../support/openCircles';
import { agreeToPledge } from '../support/pledge';
import { freshPostgresDatabase } from '../support/postgres';
import { collect, command, connectSocket, expectOk, next, raw, type ClientSocket } from '../support/sockets';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy';
import { startTestApp, TEST_SECRET } from '../support/testApp';
import { PASSWORD } from '../support/users';

/**
 * A command retried after its ack was lost applies once (issue #12): every command the web client sends carries
 * a client-made id, `emitCommand` sends it again with the same id when the answer is lost, and the server answers
 * the repeat with the first result. The ack is lost on the wire: a TCP proxy stops passing the app's replies, the
 * server acts (another participant, connected around the proxy, sees it), the proxy cuts the connection, and the
 * client comes back by itself. Run on one instance (memory) and on two processes sharing Redis, where the client
 * comes back through the proxy to the other process.
 */
interface Topology {
  urls: string[];
  db: Db;
  /** Every key of the dedupe store in Redis with its value; on one instance the store is in memory. */
  dedupeDump?: () => Promise<Array<[string, string]>>;
  close(): Promise<void>;
}

const topologies: Array<[string, () => Promise<Topology>]> = [
  [
    'one instance',
    async () => {
      const app = await startTestApp({ now: new Date().toISOString() });
      return { urls: [app.url], db: app.db, close: () => app.close() };
    },
  ],
  [
    'two processes on Redis',
    async () => {
      const databaseUrl = await freshPostgresDatabase();
      const db = await openDb({ databaseUrl });
      const redis = await connectRedis(inject('redisUrl'));
      const env = { DATABASE_URL: databaseUrl, REDIS_URL: inject('redisUrl'), SESSION_SECRET: TEST_SECRET };
      const procs: AppProcess[] = await Promise.all([startAppProcess(env), startAppProcess(env)]);
      return {
        urls: procs.map((p) => p.url),
        db,
        async dedupeDump() {
          const keys = await redis.keys('rm:cmd:*');
          return Promise.all(keys.map(async (k) => [k, (await redis.get(k)) ?? ''] as [string, string]));
        },
        async close() {
          await Promise.all(procs.map((p) => p.stop()));
          redis.destroy();
          await db.close();
        },
      };
    },
  ],
];

type Event = keyof ClientToServerEvents;

describe.each(topologies)('repeated commands on %s', (_name, makeTopology) => {
  let t: Topology;
  let proxy: TcpProxy;
  let sessionId: string;
  const sockets: ClientSocket[] = [];
  let nth = 0;

  beforeAll(async () => {
    t = await makeTopology();
    proxy = await startTcpProxy(t.urls);
    sessionId = await openCircleNow(t.db, `repeat-${randomBytes(3).toString('hex')}`, 'Preset topic');
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await proxy?.close();
    await t?.close();
  });

  /** A new person of a role, signed in over HTTP (around the proxy). */
  async function person(role: 'member' | 'staff') {
    const name = `${role.slice(0, 3)}-${randomBytes(3).toString('hex')}`;
    const email = `${name}@example.ca`;
    const auth = createAuthService({ db: t.db, clock: systemClock, throttle: createLoginThrottle({ maxFailures: 50, blockMinutes: 1 }), sessionTtlHours: 1, inviteTtlDays: 1 });
    const user = await auth.createUser({ email, firstName: name, role, memberKind: role === 'member' ? 'lawyer' : null, password: PASSWORD });
    await agreeToPledge({ db: t.db, clock: systemClock }, user!.id);
    const http = new ApiClient(t.urls[0]!);
    expect((await http.signIn(email, PASSWORD)).status).toBe(200);
    const cookie = http.cookie('rm_sid');
    return {
      name,
      email,
      userId: user!.id,
      /** A socket straight to an instance (round-robin), which nothing on the wire disturbs. */
      async direct() {
        const s = await connectSocket(t.urls[nth++ % t.urls.length]!, cookie);
        sockets.push(s);
        return s;
      },
      /** A socket through the proxy that comes back by itself after a drop, as the browser's does. */
      async proxied() {
        const s = await connectSocket(proxy.url, cookie, { reconnect: true });
        sockets.push(s);
        return s;
      },
    };
  }
  async function join(socket: ClientSocket, displayName: string) {
    return expectOk(await command(socket, 'circle:join', { sessionId, displayName })).you.identity;
  }
  /** A participant connected around the proxy, who sees what the circle sees. */
  async function observer() {
    const p = await person('member');
    const socket = await p.direct();
    await join(socket, p.name);
    return socket;
  }

  /** Every `event` command the socket really sent (retries included), with the payload it carried. */
  function sent(socket: ClientSocket, event: Event): Array<Record<string, unknown>> {
    const seen: Array<Record<string, unknown>> = [];
    socket.onAnyOutgoing((e: string, payload: Record<string, unknown>) => void (e === event && seen.push(payload)));
    return seen;
  }

  /**
   * Sends a command with the web client's `emitCommand` while every reply through the proxy is lost; once
   * `applied` shows that the server acted, cuts the connection. `emitCommand` sends the command again with the
   * same id when the socket is back (recovered); resolves with that second answer.
   */
  async function withLostAck<E extends Event>(socket: ClientSocket, event: E, payload: Parameters<ClientToServerEvents[E]>[0], applied: Promise<unknown>) {
    const out = sent(socket, event);
    proxy.loseReplies();
    const answer = emitCommand(socket, event, payload);
    await applied;
    const back = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    expect(proxy.dropAll()).toBeGreaterThan(0);
    await back;
    expect(socket.recovered).toBe(true);
    const ack = await answer;
    // The command went out twice, with one id: the second time is the retry the server answered.
    expect(out).toHaveLength(2);
    expect(out[1]).toEqual(out[0]);
    expect(typeof out[0]!.commandId).toBe('string');
    return ack;
  }

  it('a pivot whose ack is lost on the wire shows once in the topic trail', async () => {
    const host = await person('staff');
    const hostSocket = await host.proxied();
    await join(hostSocket, host.name);
    const watcher = await observer();
    const heard = collect(watcher, 'topic:changed');
    const topic = `Returning from leave ${randomBytes(3).toString('hex')}`;

    const ack = await withLostAck(hostSocket, 'topic:pivot', { topic }, next(watcher, 'topic:changed', (s) => s.current === topic));
    expect(expectOk(ack).current).toBe(topic);

    // Anything the retry had broadcast would reach the watcher before the host's next pivot does.
    const after = next(watcher, 'topic:changed', (s) => s.current === 'After');
    const state = expectOk(await command(hostSocket, 'topic:pivot', { topic: 'After' }));
    await after;
    expect(heard.filter((s) => s.current === topic)).toHaveLength(1);
    expect(state.trail.map((e) => e.topic).filter((x) => x === topic)).toHaveLength(1);
  });

  it('a raised hand whose ack is lost is in the queue once, announced once', async () => {
    const member = await person('member');
    const socket = await member.proxied();
    const identity = await join(socket, member.name);
    const watcher = await observer();
    const heard = collect(watcher, 'hands:changed');

    const ack = await withLostAck(socket, 'hand:raise', {}, next(watcher, 'hands:changed', (h) => h.hands.some((e) => e.identity === identity)));
    expect(expectOk(ack).filter((h) => h.identity === identity)).toHaveLength(1);

    const lowered = next(watcher, 'hands:changed', (h) => !h.hands.some((e) => e.identity === identity));
    expectOk(await command(socket, 'hand:lower', {}));
    await lowered;
    expect(heard.filter((h) => h.hands.some((e) => e.identity === identity))).toHaveLength(1);
  });

  it('calling on the next hand, ack lost, calls one person, not two', async () => {
    const host = await person('staff');
    const hostSocket = await host.proxied();
    await join(hostSocket, host.name);
    const watcher = await observer();
    const [first, second] = await Promise.all([person('member'), person('member')]);
    const firstSocket = await first.direct();
    const secondSocket = await second.direct();
    const firstId = await join(firstSocket, first.name);
    const secondId = await join(secondSocket, second.name);
    expectOk(await command(firstSocket, 'hand:raise', {}));
    expectOk(await command(secondSocket, 'hand:raise', {}));
    // Only the person called is told.
    const called = collect(firstSocket, 'hand:called');
    const elsewhere = [...collect(secondSocket, 'hand:called'), ...collect(watcher, 'hand:called')];

    const ack = await withLostAck(hostSocket, 'hand:callNext', {}, next(firstSocket, 'hand:called', (c) => c.identity === firstId));
    expect(expectOk(ack)).toEqual({ called: firstId });
    // The second person is still waiting: a second application would have called them.
    expect(expectOk(await command(watcher, 'hand:lower', {})).map((h) => h.identity)).toEqual([secondId]);

    const cleared = next(watcher, 'hands:changed', (h) => h.hands.length === 0);
    expectOk(await command(hostSocket, 'hand:lowerAll', {}));
    await cleared;
    expect(called.map((c) => c.identity)).toEqual([firstId]);
    expect(elsewhere).toEqual([]);
  });

  it('a chat line whose ack is lost reaches the others once', async () => {
    const member = await person('member');
    const socket = await member.proxied();
    await join(socket, member.name);
    const watcher = await observer();
    const heard = collect(watcher, 'chat:received');
    const text = `Thank you all ${randomBytes(3).toString('hex')}`;

    const arrived = next(watcher, 'chat:received', (m) => m.text === text);
    const ack = await withLostAck(socket, 'chat:send', { text }, arrived);
    expect(expectOk(ack)).toEqual({ id: (await arrived).id });

    // Lines from one connection arrive in order: the next one proves a repeat would have arrived by now.
    const after = next(watcher, 'chat:received', (m) => m.text === 'after');
    expectOk(await command(socket, 'chat:send', { text: 'after' }));
    await after;
    expect(heard.filter((m) => m.text === text)).toHaveLength(1);
  });

  it('a retry on a new connection (not recovered) is answered once too: ids belong to the person', async () => {
    const member = await person('member');
    const one = await member.direct();
    await join(one, member.name);
    const watcher = await observer();
    const heard = collect(watcher, 'chat:received');
    const commandId = newCommandId();
    const first = expectOk(await command(one, 'chat:send', { text: 'once', commandId }));
    one.disconnect();
    const two = await member.direct();
    await join(two, member.name);
    expect(expectOk(await command(two, 'chat:send', { text: 'once', commandId }))).toEqual(first);
    const after = next(watcher, 'chat:received', (m) => m.text === 'after');
    expectOk(await command(two, 'chat:send', { text: 'after' }));
    await after;
    expect(heard.filter((m) => m.text === 'once')).toHaveLength(1);
  });

  it('the same id from someone else is their own command, applied for them', async () => {
    const [a, b] = await Promise.all([person('member'), person('member')]);
    const [sa, sb] = [await a.direct(), await b.direct()];
    await join(sa, a.name);
    await join(sb, b.name);
    const watcher = await observer();
    const commandId = newCommandId();
    const both = [next(watcher, 'chat:received', (m) => m.text === 'from a'), next(watcher, 'chat:received', (m) => m.text === 'from b')];
    const acks = [expectOk(await command(sa, 'chat:send', { text: 'from a', commandId })), expectOk(await command(sb, 'chat:send', { text: 'from b', commandId }))];
    const lines = await Promise.all(both);
    expect(acks).toEqual(lines.map((m) => ({ id: m.id })));
    expect(acks[0]!.id).not.toBe(acks[1]!.id);
  });

  it('a command that was refused is not remembered: the same id applies once it can', async () => {
    const member = await person('member');
    const socket = await member.direct();
    const watcher = await observer();
    const heard = collect(watcher, 'chat:received');
    const commandId = newCommandId();
    // Sent before (re)joining, as a retry can be after a reconnection the server could not recover.
    expect(await command(socket, 'chat:send', { text: 'hello again', commandId })).toMatchObject({ ok: false, code: 'NOT_IN_CIRCLE' });
    await join(socket, member.name);
    const arrived = next(watcher, 'chat:received', (m) => m.text === 'hello again');
    expectOk(await command(socket, 'chat:send', { text: 'hello again', commandId }));
    await arrived;
    expect(await command(socket, 'chat:send', { text: 'hello again', commandId })).toMatchObject({ ok: true });
    const after = next(watcher, 'chat:received', (m) => m.text === 'after');
    expectOk(await command(socket, 'chat:send', { text: 'after' }));
    await after;
    expect(heard.filter((m) => m.text === 'hello again')).toHaveLength(1);
  });

  it('one id sent at once on two connections of one person (two instances when shared) applies once', async () => {
    const member = await person('member');
    const [one, two] = [await member.direct(), await member.direct()];
    await join(one, member.name);
    await join(two, member.name);
    const watcher = await observer();
    const heard = collect(watcher, 'chat:received');
    const commandId = newCommandId();
    const acks = (await Promise.all(
      [one, two, one, two].map((s) => command(s, 'chat:send', { text: 'at once', commandId })),
    )) as Array<Ack<{ id: string }>>;
    const answered = acks.filter((a) => a.ok).map((a) => (a.ok ? a.data.id : ''));
    // Each answer is the first result, or "still going through" if it came while the first was running.
    expect(answered.length).toBeGreaterThan(0);
    expect(new Set(answered).size).toBe(1);
    for (const a of acks) if (!a.ok) expect(a.code).toBe('IN_PROGRESS');
    const after = next(watcher, 'chat:received', (m) => m.text === 'after');
    expectOk(await command(one, 'chat:send', { text: 'after' }));
    await after;
    // Lines reach the watcher from either instance; the repeats were answered before these acks, so any stray
    // line was published before "after" on its own instance. One more round from the other connection settles it.
    const after2 = next(watcher, 'chat:received', (m) => m.text === 'after 2');
    expectOk(await command(two, 'chat:send', { text: 'after 2' }));
    await after2;
    expect(heard.filter((m) => m.text === 'at once').map((m) => m.id)).toEqual([answered[0]]);
  });

  it('an id used for another command is refused with CONFLICT and applies nothing', async () => {
    const member = await person('member');
    const socket = await member.direct();
    const identity = await join(socket, member.name);
    const watcher = await observer();
    const commandId = newCommandId();
    expectOk(await command(socket, 'chat:send', { text: 'first use', commandId }));
    expect(await command(socket, 'hand:raise', { commandId })).toMatchObject({ ok: false, code: 'CONFLICT' });
    // The queue as it stands (the watcher's own hand was never up): the raise did not apply.
    expect(expectOk(await command(watcher, 'hand:lower', {})).map((h) => h.identity)).not.toContain(identity);
  });

  it('hostile command ids are refused with a typed ack, and nothing happens', async () => {
    const host = await person('staff');
    const socket = await host.direct();
    await join(socket, host.name);
    const watcher = await observer();
    const heard = collect(watcher, 'topic:changed');
    const hostile: unknown[] = [
      '',
      'abc', // too short
      'x'.repeat(65),
      'has a space in it.....',
      '../../../../etc/passwd',
      '<script>alert(1)</script>',
      'abcdefgh:ijklmnopqrst', // the Redis key separator
      'abcdefghijklmnop*',
      'ééééééééééééééééé',
      1234567890123456,
      null,
      { $gt: '' },
      ['abcdefghijklmnopqrst'],
    ];
    for (const commandId of hostile) {
      const ack = await raw(socket, 'topic:pivot', { topic: 'Should not apply', commandId });
      expect(ack, JSON.stringify(commandId)).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
      expect(!ack.ok && ack.message).toMatch(/^commandId: /);
    }
    const after = next(watcher, 'topic:changed', (s) => s.current === 'After');
    const state = expectOk(await command(socket, 'topic:pivot', { topic: 'After' }));
    await after;
    expect(heard.map((s) => s.current)).toEqual(['After']);
    expect([...state.trail.map((e) => e.topic), state.current]).not.toContain('Should not apply');
  });

  it('what is kept for repeats holds only opaque ids: no chat, no topic, no name, email or account id', async (ctx) => {
    if (!t.dedupeDump) ctx.skip(); // one instance keeps it in memory
    const host = await person('staff');
    const member = await person('member');
    const [hostSocket, memberSocket] = [await host.direct(), await member.direct()];
    await join(hostSocket, host.name);
    const memberIdentity = await join(memberSocket, member.name);
    const chat = `confidential-${randomBytes(8).toString('hex')}`;
    const topic = `typed-topic-${randomBytes(8).toString('hex')}`;
    expectOk(await emitCommand(memberSocket, 'chat:send', { text: chat }));
    expectOk(await emitCommand(hostSocket, 'topic:pivot', { topic }));
    const commandId = newCommandId();
    const removed = expectOk(await command(hostSocket, 'moderation:remove', { identity: memberIdentity, commandId }));
    expect(removed.message).toContain(member.name);
    // Its repeat is told afresh (the name is never kept) and applies nothing again.
    expect(expectOk(await command(hostSocket, 'moderation:remove', { identity: memberIdentity, commandId })).message).toMatch(/has been removed/);

    const dump = await t.dedupeDump!();
    expect(dump.length).toBeGreaterThanOrEqual(3);
    for (const [key] of dump) expect(key).toMatch(/^rm:cmd:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]{16,64}$/);
    const everything = JSON.stringify(dump);
    for (const secret of [chat, topic, host.name, member.name, host.email, member.email, host.userId, member.userId]) {
      expect(everything).not.toContain(secret);
    }
  });
});
