import { randomBytes } from 'node:crypto';
import { recordReadiness } from '../support/readiness';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAuthService } from '../../server/src/auth/auth.service';
import { createLoginThrottle } from '../../server/src/auth/loginThrottle';
import { systemClock } from '../../server/src/clock';
import type { LocalLivekit } from '../../server/src/livekit/localLivekit';
import { connectRedis, type RedisClient } from '../../server/src/redis';
import { openDb, type Db } from '../../server/src/store/db';
import { startAppProcess, type AppProcess } from '../support/appProcess';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { ApiClient } from '../support/httpClient';
import { startTestLivekit } from '../support/livekit';
import { openCircleNow } from '../support/openCircles';
import { agreeToPledge } from '../support/pledge';
import { freshPostgresDatabase } from '../support/postgres';
import { collect, command, connectSocket, expectOk, next, type ClientSocket } from '../support/sockets';
import { startTempServer, type TempServer } from '../support/tempServers';
import { TEST_SECRET } from '../support/testApp';
import { PASSWORD } from '../support/users';

/**
 * The confidentiality scan (issue #15): a whole circle on two app processes sharing PostgreSQL and a Redis that
 * persists everything (append-only file, fsync always, uncompressed snapshots), with LiveKit and two Chromium
 * participants; then every Redis key and value (streams entry by entry, base64 blobs decoded), Redis' files on
 * disk, the apps' logs, LiveKit's (debug) logs and every webhook body are searched for the people's emails, first
 * names and display names, the topics and the chat. What may appear instead is listed in SECURITY.md
 * ("Confidentiality: what is kept where"); account ids, for one, only in Redis (the adapter's per-person rooms
 * and recovery sessions), never at LiveKit.
 *
 * Also: a data message from a LiveKit client we did not write (livekit-client driven directly, with a token from
 * our join route) never reaches anyone, while a control participant whose token allows data gets through.
 */
const root = path.resolve(import.meta.dirname, '../..');
const tag = randomBytes(4).toString('hex');

let redisServer: TempServer;
let redis: RedisClient;
let db: Db;
let procs: AppProcess[];
let livekit: LocalLivekit;
let hooks: Server;
let hooksUrl: string;
let browser: TestBrowser;
const livekitLog: string[] = [];
const webhookBodies: string[] = [];
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  redisServer = startTempServer('redis', { REDIS_PERSIST: '1' });
  redis = await connectRedis(redisServer.url);
  const databaseUrl = await freshPostgresDatabase();
  db = await openDb({ databaseUrl });
  // Receives LiveKit's webhooks (kept for the scan) and hands them to an app; serves a blank page and livekit-client.
  let appUrl = '';
  hooks = createServer((req, res) => {
    if (req.method === 'GET') {
      if (req.url === '/lk.js') {
        res.setHeader('content-type', 'text/javascript');
        return res.end(readFileSync(path.join(root, 'node_modules/livekit-client/dist/livekit-client.umd.js')));
      }
      res.setHeader('content-type', 'text/html');
      return res.end('<!doctype html><title>another client</title>');
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      webhookBodies.push(body);
      void fetch(`${appUrl}/api/livekit/webhook`, {
        method: 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? 'application/webhook+json', authorization: req.headers.authorization ?? '' },
        body,
      })
        .then(async (r) => (await r.body?.cancel(), res.writeHead(r.status).end()))
        .catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
  hooksUrl = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}`;
  livekit = await startTestLivekit({ webhookUrl: `${hooksUrl}/webhook`, logLevel: 'debug', onLog: (l) => livekitLog.push(l) });
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisServer.url,
    SESSION_SECRET: TEST_SECRET,
    LIVEKIT_URL: livekit.connection.url,
    LIVEKIT_API_KEY: livekit.connection.apiKey,
    LIVEKIT_API_SECRET: livekit.connection.apiSecret,
    LOG_LEVEL: 'debug',
  };
  procs = await Promise.all([startAppProcess(env), startAppProcess(env)]);
  appUrl = procs[0]!.url;
  browser = await launchBrowser();
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await browser?.close();
  await Promise.all((procs ?? []).map((p) => p.stop()));
  await livekit?.stop();
  await new Promise<void>((resolve) => (hooks ? hooks.close(() => resolve()) : resolve()));
  redis?.destroy();
  await db?.close();
  redisServer?.destroy();
});

interface Person {
  email: string;
  firstName: string;
  displayName: string;
  accountId: string;
  http: ApiClient;
  socket: ClientSocket;
  identity: string;
}

const auth = () => createAuthService({ db, clock: systemClock, throttle: createLoginThrottle({ maxFailures: 50, blockMinutes: 1 }), sessionTtlHours: 1, inviteTtlDays: 1 });

let nth = 0;
/** Someone with distinctive words for a name, signed in on the next instance, joined to the circle by socket. */
async function joined(sessionId: string, role: 'member' | 'volunteer' | 'staff', first: string, display: string): Promise<Person> {
  const email = `zk.${first.toLowerCase()}.${tag}@lawfirm.example`;
  const firstName = `${first}${tag}`;
  const displayName = display === '=' ? firstName : `${display}${tag}`;
  const user = await auth().createUser({ email, firstName, role, memberKind: role === 'member' ? 'lawyer' : null, password: PASSWORD });
  // The pledge is about something else: these people agreed to it just now.
  await agreeToPledge({ db, clock: systemClock }, user.id);
  if (role === 'volunteer') await recordReadiness({ db, clock: systemClock }, user.id);
  const url = procs[nth++ % procs.length]!.url;
  const http = new ApiClient(url);
  expect((await http.signIn(email, PASSWORD)).status).toBe(200);
  const socket = await connectSocket(url, http.cookie('rm_sid'));
  sockets.push(socket);
  // The opaque hand queue announced on joining gives this connection a point to resume from.
  const resumable = next(socket, 'hands:changed');
  const snapshot = expectOk(await command(socket, 'circle:join', { sessionId, displayName }));
  await resumable;
  return { email, firstName, displayName, accountId: user.id, http, socket, identity: snapshot.you.identity };
}

const tokenOf = async (p: Person, sessionId: string): Promise<{ url: string; token: string }> => {
  const res = await p.http.post(`/api/circles/sessions/${sessionId}/join`, { displayName: p.displayName });
  expect(res.status).toBe(200);
  expect(res.body.media.available).toBe(true);
  return { url: res.body.media.serverUrl, token: res.body.media.token };
};
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown> & { video: Record<string, unknown> };

/** Every base64 run in a text, decoded (recovery sessions and binary stream entries are base64 msgpack). */
function withDecoded(text: string): string {
  const decoded = (text.match(/[A-Za-z0-9+/_-]{16,}={0,2}/g) ?? []).map((run) => Buffer.from(run, run.includes('-') || run.includes('_') ? 'base64url' : 'base64').toString('latin1'));
  return [text, ...decoded].join('\n');
}

/** Every key with its value as text (base64 runs decoded), so a finding names the key it is in. */
async function redisText(): Promise<{ keys: string[]; entries: Array<[string, string]> }> {
  const keys = await redis.keys('*');
  const entries: Array<[string, string]> = [];
  for (const key of keys) {
    const out: string[] = [key];
    const type = await redis.type(key);
    if (type === 'string') out.push((await redis.get(key)) ?? '');
    else if (type === 'hash') out.push(...Object.entries(await redis.hGetAll(key)).flat());
    else if (type === 'set') out.push(...(await redis.sMembers(key)));
    else if (type === 'zset') out.push(...(await redis.zRange(key, 0, -1)));
    else if (type === 'list') out.push(...(await redis.lRange(key, 0, -1)));
    else if (type === 'stream') for (const e of await redis.xRange(key, '-', '+')) out.push(e.id, ...Object.entries(e.message).flat());
    entries.push([key, withDecoded(out.join('\n'))]);
  }
  return { keys, entries };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

it('a circle on two instances leaves no name, email, topic or chat in Redis (keys, streams, AOF, RDB), the logs, LiveKit or its webhooks', async () => {
  const sessionId = await openCircleNow(db, `zk-${tag}`, `Preset topic Lanternfish ${tag}`);
  const host = await joined(sessionId, 'staff', 'Hostiana', 'Harbourlight');
  const volunteer = await joined(sessionId, 'volunteer', 'Velmorra', '=');
  const member = await joined(sessionId, 'member', 'Marisol', 'Quillon');
  const removed = await joined(sessionId, 'member', 'Rowanthe', 'Rookwood');
  const people = [host, volunteer, member, removed];
  const staffWatcher = await joined(sessionId, 'staff', 'Stellaris', '=');
  people.push(staffWatcher);
  const topics = [`Returning after burnout Marigold ${tag}`, `Billing targets Periwinkle ${tag}`];
  const chats = [`I told my articling principal Xanthippe ${tag}`, `the regulator letter Obsidian ${tag}`];

  // Media: two people in LiveKit with tokens from our join route, through livekit-client in Chromium.
  const sender = await tokenOf(member, sessionId);
  const receiver = await tokenOf(volunteer, sessionId);
  for (const { token } of [sender, receiver]) {
    const claims = claimsOf(token);
    expect(claims.name).toBeUndefined();
    expect(claims.video.canPublishData).toBe(false);
  }
  // A control participant whose token (made here, not by our app) allows data, to show the check can see data.
  const control = new AccessToken(livekit.connection.apiKey, livekit.connection.apiSecret, { identity: `control-${tag}` });
  control.addGrant({ room: claimsOf(sender.token).video.room as string, roomJoin: true, canPublish: false, canSubscribe: true, canPublishData: true });
  await browser.page.goto(hooksUrl);
  await browser.page.addScriptTag({ url: '/lk.js' });
  const data = await browser.page.evaluate(
    async ({ url, senderToken, receiverToken, controlToken, marker }) => {
      const { Room, RoomEvent } = (window as unknown as { LivekitClient: typeof import('livekit-client') }).LivekitClient;
      const got: string[] = [];
      const rooms = [new Room(), new Room(), new Room()] as const;
      const [s, r, c] = rooms;
      r.on(RoomEvent.DataReceived, (payload: Uint8Array) => got.push(new TextDecoder().decode(payload)));
      await r.connect(url, receiverToken);
      await s.connect(url, senderToken);
      await c.connect(url, controlToken);
      const timeout = (ms: number) => new Promise<string>((resolve) => setTimeout(() => resolve('timed out'), ms));
      const published = await Promise.race([
        s.localParticipant.publishData(new TextEncoder().encode(`refused ${marker}`), { reliable: true }).then(
          () => 'sent',
          (e: unknown) => `rejected: ${String(e)}`,
        ),
        timeout(10_000),
      ]);
      await s.localParticipant.publishData(new TextEncoder().encode(`lossy ${marker}`), { reliable: false }).catch(() => undefined);
      await c.localParticipant.publishData(new TextEncoder().encode(`control ${marker}`), { reliable: true });
      const deadline = Date.now() + 10_000;
      while (!got.some((g) => g.startsWith('control')) && Date.now() < deadline) await timeout(100);
      await timeout(1_500); // anything the sender managed to send, sent before the control line, has arrived by now
      await Promise.all(rooms.map((room) => room.disconnect()));
      return { got, published };
    },
    { url: sender.url, senderToken: sender.token, receiverToken: receiver.token, controlToken: await control.toJwt(), marker: tag },
  );
  expect(data.got).toContain(`control ${tag}`);
  expect(data.got.filter((g) => !g.startsWith('control'))).toEqual([]);

  // The circle: pivots, hands, chat, reactions, a support request, a removal, a leave, a drop that recovers.
  for (const topic of topics) expectOk(await command(host.socket, 'topic:pivot', { topic }));
  expectOk(await command(member.socket, 'hand:raise', {}));
  expectOk(await command(removed.socket, 'hand:raise', {}));
  expectOk(await command(host.socket, 'hand:callNext', {}));
  expectOk(await command(member.socket, 'hand:lower', {}));
  const heard = next(volunteer.socket, 'chat:received', (m) => m.text === chats[1]);
  for (const text of chats) expectOk(await command(member.socket, 'chat:send', { text }));
  await heard;
  expectOk(await command(volunteer.socket, 'reaction:send', { reaction: 'heart' }));
  const staffHears = next(staffWatcher.socket, 'support:requested');
  expectOk(await command(member.socket, 'support:request', {}));
  expect(await staffHears).toMatchObject({ firstName: member.firstName, email: member.email });
  expectOk(await command(host.socket, 'moderation:remove', { identity: removed.identity }));

  // A dropped connection that comes back by recovery and hears what it missed (the topic is sent afresh).
  const watcherSees = next(host.socket, 'participants:changed', ({ participants }) => !participants.some((p) => p.identity === member.identity));
  member.socket.io.engine.close();
  await watcherSees;
  const lateTopic = `Late pivot Hollyhock ${tag}`;
  topics.push(lateTopic);
  expectOk(await command(host.socket, 'topic:pivot', { topic: lateTopic }));
  const missedTopic = collect(member.socket, 'topic:changed');
  // Back in the list, by name, for the others: the list is relayed again when a connection recovers.
  const named = next(host.socket, 'participants:changed', ({ participants }) => participants.some((p) => p.identity === member.identity && p.displayName === member.displayName));
  const back = new Promise<void>((resolve) => member.socket.once('connect', () => resolve()));
  member.socket.connect();
  await back;
  expect(member.socket.recovered).toBe(true);
  await expect.poll(() => missedTopic.some((t) => t.current === lateTopic), { timeout: 5_000 }).toBe(true);
  await named;
  expectOk(await command(member.socket, 'hand:raise', {}));

  expectOk(await command(volunteer.socket, 'circle:leave', {}));
  // A mistyped password: the throttle counts it in Redis, under a keyed hash of the email and the address.
  expect((await new ApiClient(procs[1]!.url).signIn(member.email, 'not the password')).status).toBe(401);
  // One more connection drops and stays away, so its recovery session is in Redis when we look.
  const stillAway = next(host.socket, 'participants:changed', ({ participants }) => !participants.some((p) => p.identity === staffWatcher.identity));
  staffWatcher.socket.io.engine.close();
  await stillAway;
  // Let LiveKit's webhooks for the Chromium participants leaving arrive, then persist everything Redis has.
  await expect.poll(() => webhookBodies.filter((b) => b.includes('participant_left')).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  await redis.sendCommand(['SAVE']);

  // What must never appear anywhere in what we search.
  const secrets: string[] = [...people.flatMap((p) => [p.email, p.firstName, p.displayName]), ...topics, ...chats, `Preset topic Lanternfish ${tag}`];
  const { keys, entries } = await redisText();
  const files = filesUnder(redisServer.dir).filter((f) => /\.(aof|rdb)$/.test(f));
  expect(files.some((f) => f.endsWith('.aof'))).toBe(true);
  expect(files.some((f) => f.endsWith('.rdb'))).toBe(true);
  const places: Array<[string, string]> = [
    ...entries.map(([key, value]): [string, string] => [`redis key ${key}`, value]),
    ...files.map((f): [string, string] => [`redis file ${path.basename(f)}`, withDecoded(readFileSync(f).toString('latin1'))]),
    ['app logs', procs.map((p) => p.output.join('')).join('\n')],
    ['LiveKit logs', livekitLog.join('\n')],
    ['webhook bodies', webhookBodies.join('\n')],
  ];
  const found = places.flatMap(([where, haystack]) => secrets.filter((s) => haystack.includes(s)).map((s) => `${where}: ${s}`));
  expect(found).toEqual([]);
  // Nothing was scanned in vain: the circle did reach every place searched.
  expect(keys.some((k) => k.startsWith('sio:session:'))).toBe(true);
  expect(places.some(([where, haystack]) => where.endsWith('.aof') && haystack.includes('sio:session:'))).toBe(true);
  expect(keys).toContain('socket.io');
  expect(livekitLog.some((l) => l.includes(member.identity) || l.includes(volunteer.identity))).toBe(true);
  expect(webhookBodies.some((b) => b.includes('participant_joined'))).toBe(true);

  // Account ids: only where SECURITY.md allows them (Redis: the adapter's per-person rooms and recovery sessions),
  // never at LiveKit; the rate-limit and throttle keys are keyed hashes.
  const ids = people.map((p) => p.accountId);
  for (const [where, haystack] of places.slice(-2)) expect(ids.filter((id) => haystack.includes(id)), where).toEqual([]);
  expect(keys.filter((k) => ids.some((id) => k.includes(id)))).toEqual([]);
  expect(keys.filter((k) => k.startsWith('rm:rl:') || k.startsWith('rm:login'))).not.toEqual([]);
});
