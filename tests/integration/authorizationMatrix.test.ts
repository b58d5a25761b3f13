import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents } from '../../shared/events';
import { ROLES, type MemberKind, type Role } from '../../shared/schemas/auth';
import { COMMANDS } from '../../shared/schemas/live';
import type { SessionHostIds } from '../../server/src/live/hostPolicy';
import { ApiClient } from '../support/httpClient';
import { openCircleNow } from '../support/openCircles';
import { agreeToPledge } from '../support/pledge';
import { recordReadiness } from '../support/readiness';
import { listRoutes, type RouteEntry } from '../support/routes';
import { connectSocket, expectOk, raw, type ClientSocket } from '../support/sockets';
import { startTestApp, type TestApp } from '../support/testApp';
import { PASSWORD } from '../support/users';

/**
 * Who may do what, for every HTTP route and every Socket.IO command the app has. The lists come from the app
 * (Express's router stack and the shared COMMANDS), so a route or command added without an entry here fails this test.
 * "Allowed" means never refused as 401/403 (a 400 for an empty body or a 404 for a made-up id is fine);
 * "denied" means exactly 401 for anonymous and 403 for everyone else: zero unexpected successes.
 */
const ACTORS = ['anonymous', 'lawyer', 'student', 'volunteer', 'hostHere', 'hostElsewhere', 'staff', 'auditor'] as const;
type Actor = (typeof ACTORS)[number];

/** Who gets past authorization. `nobody` is for routes that need something other than a session (a signature). */
type Audience =
  | 'anyone'
  | 'signedIn'
  | 'members'
  | 'volunteers'
  | 'volunteersThemselves'
  | 'assignedHost'
  | 'hostOrStaff'
  | 'staff'
  | 'auditReaders'
  | 'nobody';
const ALLOWED: Record<Audience, Actor[]> = {
  anyone: [...ACTORS],
  /** Everyone signed in who takes part. Auditors do not: they are refused everything but the audit log. */
  signedIn: ['lawyer', 'student', 'volunteer', 'hostHere', 'hostElsewhere', 'staff'],
  members: ['lawyer', 'student', 'staff'],
  volunteers: ['volunteer', 'hostHere', 'hostElsewhere', 'staff'],
  /** A volunteer's own peer-support profile and matches: staff do not act as a volunteer. */
  volunteersThemselves: ['volunteer', 'hostHere', 'hostElsewhere'],
  /** Only the volunteer the schedule names for that session. */
  assignedHost: ['hostHere'],
  /** The volunteer the schedule names for that session (host or backup), and staff. */
  hostOrStaff: ['hostHere', 'staff'],
  staff: ['staff'],
  /** The audit log (issue #7): staff, and auditors, who read nothing else. */
  auditReaders: ['staff', 'auditor'],
  nobody: [],
};

const HTTP: Record<string, Audience> = {
  'GET /healthz': 'anyone',
  'GET /readyz': 'anyone',
  'GET /api/help': 'anyone', // the way to help must not wait for an account
  'POST /api/livekit/webhook': 'nobody', // only with a valid LiveKit signature (webhook tests)
  'GET /api/auth/session': 'anyone',
  'POST /api/auth/login': 'anyone',
  'POST /api/auth/logout': 'anyone',
  'PUT /api/auth/locale': 'anyone', // a signed-out choice of language goes in a cookie; the empty body is a 400
  'POST /api/auth/invites': 'staff',
  'GET /api/auth/invites': 'staff',
  'POST /api/auth/invites/:id/revoke': 'staff', // the matrix's ids are not invite references: a 400 for staff
  'POST /api/auth/accept-invite': 'anyone', // needs an unguessable invite token
  'GET /api/auth/invites/:token': 'anyone', // says only whether that unguessable token still works
  'POST /api/auth/password-reset': 'anyone', // the same answer whether or not an account uses the address
  'GET /api/auth/password-reset/:token': 'anyone', // says only whether that unguessable token still works
  'POST /api/auth/password-reset/complete': 'anyone', // needs an unguessable reset token
  'GET /api/auth/password-resets': 'staff',
  'POST /api/auth/password-resets': 'staff',
  'GET /api/inbox': 'staff',
  'GET /api/inbox/count': 'staff',
  'GET /api/circles/next': 'signedIn',
  'GET /api/circles/sessions/:sessionId': 'signedIn',
  'POST /api/circles/sessions/:sessionId/join': 'signedIn', // never an auditor: no LiveKit token
  'GET /api/circles/pledge': 'signedIn', // never an auditor: they join no circle
  'POST /api/circles/pledge': 'signedIn',
  'POST /api/matching/requests': 'members',
  'GET /api/matching/requests/mine': 'members',
  'GET /api/matching/queue': 'staff',
  'GET /api/matching/requests/:id': 'staff',
  'GET /api/matching/requests/:id/suggestions': 'staff',
  'POST /api/matching/requests/:id/proposals': 'staff',
  'POST /api/matching/matches/:id/close': 'staff',
  'GET /api/matching/stats': 'staff',
  'GET /api/matching/profile': 'volunteersThemselves',
  'POST /api/matching/profile': 'volunteersThemselves',
  'GET /api/matching/matches/mine': 'volunteersThemselves',
  'POST /api/matching/matches/:id/accept': 'volunteersThemselves',
  'POST /api/matching/matches/:id/decline': 'volunteersThemselves',
  'POST /api/matching/matches/:id/room': 'signedIn', // and then only the two people in that match
  'GET /api/matching/notices': 'signedIn',
  'GET /api/scheduling/feeds/:file': 'anyone', // the file name is an unguessable secret
  'GET /api/scheduling/series/:seriesId/feed.ics': 'anyone', // public schedule, no names
  'GET /api/scheduling/sessions': 'signedIn',
  'GET /api/scheduling/sessions/:sessionId/calendar.ics': 'signedIn',
  'GET /api/scheduling/series': 'signedIn',
  'GET /api/scheduling/assignments': 'volunteers',
  'POST /api/scheduling/sessions/:sessionId/decline': 'assignedHost',
  'GET /api/scheduling/feed': 'signedIn',
  'POST /api/scheduling/feed/rotate': 'signedIn',
  'POST /api/scheduling/feed/revoke': 'signedIn',
  'POST /api/scheduling/series': 'staff',
  'POST /api/scheduling/series/:seriesId': 'staff',
  'POST /api/scheduling/series/:seriesId/topics': 'staff',
  'POST /api/scheduling/popups': 'staff',
  'POST /api/scheduling/sessions/:sessionId/topic': 'staff',
  'POST /api/scheduling/sessions/:sessionId/hosts': 'staff',
  'POST /api/scheduling/sessions/:sessionId/change': 'staff',
  'GET /api/scheduling/volunteers': 'staff',
  'GET /api/scheduling/topics': 'staff',
  'POST /api/scheduling/topics': 'staff',
  'POST /api/scheduling/topics/:id/delete': 'staff',
  'GET /api/media/status': 'anyone', // only whether audio/video is up
  'GET /api/headcounts': 'volunteers', // each sees only the in-person sessions they host or back up; staff all
  'POST /api/headcounts/:sessionId': 'hostOrStaff', // refused before the body is read; the matrix's circle is online: 409
  'GET /api/reports/attendance': 'staff',
  'GET /api/reports/milestones': 'staff',
  'GET /api/reports/attendance.csv': 'staff', // the matrix's empty query is a 400 for staff: no period
  'GET /api/reports/outcomes.csv': 'staff',
  'GET /api/reports/outcomes': 'staff',
  'GET /api/reports/outcomes/history': 'staff',
  'POST /api/reports/outcomes/history': 'staff', // the matrix's empty body is a 400 for staff: no year is entered
  'GET /api/reports/audit': 'auditReaders',
  'GET /api/reports/audit.csv': 'auditReaders',
  'GET /api/people': 'staff',
  'POST /api/people/:id/unlock-sign-in': 'staff',
  'POST /api/people/:id/disabled': 'staff', // the matrix's empty body is a 400 for staff: nobody is disabled here
  'PATCH /api/people/:id/role': 'staff', // the matrix's empty body is a 400 for staff: nobody's role changes here
  'GET /api/reminders': 'signedIn', // one's own reminder choices only
  'POST /api/reminders/:list': 'signedIn', // one's own; the matrix's ':list' is no list: a 400 once past the role check
  'GET /api/reminders/counts': 'staff', // how many on each list, suppressed; never who
  'POST /unsubscribe/:token': 'anyone', // RFC 8058 one-click: the signed token is the credential (a 400 for a bad one)
  'GET /api/people/readiness': 'staff',
  'GET /api/people/me/readiness': 'volunteersThemselves',
  'POST /api/people/:id/readiness': 'staff', // the matrix's empty body is a 400 for staff: nothing is recorded here
};

/** Socket commands: everyone signed in who takes part (never an auditor), the host of this circle (and staff), or staff. */
type SocketAudience = 'participants' | 'host' | 'staff';
const SOCKET: Record<(typeof COMMANDS)[number], SocketAudience> = {
  'circle:join': 'participants',
  'circle:leave': 'participants',
  'circle:lock': 'host',
  'circle:end': 'host',
  'topic:pivot': 'host',
  'hand:raise': 'participants',
  'hand:lower': 'participants',
  'hand:callNext': 'host',
  'hand:lowerAll': 'host',
  'chat:send': 'participants',
  'chat:remove': 'host',
  'reaction:send': 'participants',
  'moderation:mute': 'host',
  'moderation:blockMic': 'host',
  'moderation:cameraOff': 'host',
  'moderation:remove': 'host',
  'support:request': 'participants',
  'support:list': 'staff',
  'support:handle': 'staff',
  // Only someone in this circle now gets its media key; being refused is FORBIDDEN only for auditors (never in).
  'e2ee:key': 'participants',
  // Knocking is for someone who may attend (here already in, so told so); answering a knock is for hosts.
  'circle:knock': 'participants',
  'knock:withdraw': 'participants',
  'knock:admit': 'host',
  'knock:decline': 'host',
  'host:handOver': 'host',
};
const SOCKET_ALLOWED: Record<SocketAudience, Actor[]> = {
  participants: ['lawyer', 'student', 'volunteer', 'hostHere', 'hostElsewhere', 'staff'],
  host: ['hostHere', 'staff'],
  staff: ['staff'],
};

const EMAILS: Record<Exclude<Actor, 'anonymous'>, { email: string; role: Role; kind: MemberKind | null }> = {
  lawyer: { email: 'lawyer@example.ca', role: 'member', kind: 'lawyer' },
  student: { email: 'student@example.ca', role: 'member', kind: 'articling_student' },
  volunteer: { email: 'volunteer@example.ca', role: 'volunteer', kind: null },
  hostHere: { email: 'host.here@example.ca', role: 'volunteer', kind: null },
  hostElsewhere: { email: 'host.elsewhere@example.ca', role: 'volunteer', kind: null },
  staff: { email: 'staff@example.ca', role: 'staff', kind: null },
  auditor: { email: 'auditor@example.ca', role: 'auditor', kind: null },
};

let app: TestApp;
const ids = new Map<Actor, string>();
let otherCircle = '';
// The host of "this" circle hosts every circle but one; the host elsewhere hosts only that one.
const hostIds: SessionHostIds = async (sessionId) => ({
  hostId: (sessionId === otherCircle ? ids.get('hostElsewhere') : ids.get('hostHere')) ?? null,
  backupId: null,
});
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  app = await startTestApp({ now: new Date().toISOString(), hostIds, commandLimiter: { take: async () => true } });
  for (const [actor, p] of Object.entries(EMAILS)) {
    const u = await app.services.auth.createUser({ email: p.email, firstName: actor, role: p.role, memberKind: p.kind, password: PASSWORD });
    ids.set(actor as Actor, u!.id);
  }
  const target = await app.services.auth.createUser({ email: 'target@example.ca', firstName: 'Tess', role: 'member', memberKind: 'lawyer', password: PASSWORD });
  // The matrix is about roles: everyone who may join a circle agreed to the pledge (the auditor has none to give).
  await agreeToPledge(app, target!.id, ...[...ids].filter(([actor]) => EMAILS[actor as keyof typeof EMAILS].role !== 'auditor').map(([, id]) => id));
  // …and its volunteers are current (their training and confidentiality undertaking on record).
  await recordReadiness(app, ...[...ids].filter(([actor]) => EMAILS[actor as keyof typeof EMAILS].role === 'volunteer').map(([, id]) => id));
  otherCircle = await openCircleNow(app.db, 'elsewhere', 'Elsewhere');
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await app?.close();
});

async function client(actor: Actor | 'target'): Promise<ApiClient> {
  const http = new ApiClient(app.url);
  if (actor === 'anonymous') await http.get('/api/auth/session');
  else expect((await http.signIn(actor === 'target' ? 'target@example.ca' : EMAILS[actor].email, PASSWORD)).status).toBe(200);
  return http;
}

it('has an actor for every role, so a new role cannot go unchecked', () => {
  expect([...new Set(Object.values(EMAILS).map((e) => e.role))].sort()).toEqual([...ROLES].sort());
});

describe('HTTP', () => {
  let sessionId: string;
  let routes: RouteEntry[];
  beforeAll(async () => {
    sessionId = await openCircleNow(app.db, 'matrix-http', 'HTTP');
    routes = listRoutes(app.express);
    await reassign();
  });
  const reassign = async () => {
    const staff = await client('staff');
    expect((await staff.post(`/api/scheduling/sessions/${sessionId}/hosts`, { hostId: ids.get('hostHere'), backupId: null })).status).toBe(200);
  };
  const key = (r: RouteEntry) => `${r.method} ${r.path}`;

  it('every route the app serves has an entry, and every entry is a route', () => {
    const served = routes.map(key).filter((k) => !k.startsWith('GET /^')); // the client's catch-all shell
    expect(served.filter((k) => !(k in HTTP))).toEqual([]);
    expect(Object.keys(HTTP).filter((k) => !served.includes(k))).toEqual([]);
  });

  it.each(ACTORS)('%s gets exactly what the matrix allows', async (actor) => {
    const http = await client(actor);
    const fill = (path: string) =>
      path
        .replace(':sessionId', sessionId)
        .replace(':seriesId', 'matrix-http')
        .replace(':file', `${'0'.repeat(43)}.ics`)
        .replace(':id', randomUUID());
    const unexpected: string[] = [];
    // Sign-out last, so it does not end the session the other requests rely on.
    const ordered = [...routes.filter((r) => key(r) in HTTP)].sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));
    for (const r of ordered) {
      const allowed = ALLOWED[HTTP[key(r)]!].includes(actor);
      // With LiveKit off here, an unsigned webhook is a 404; with LiveKit on it is a 401 (webhook tests).
      const res = await http.request(r.method, fill(r.path), r.method === 'GET' ? {} : { json: {} });
      // The assigned host's decline really declines: assign them again for the next actor.
      if (res.status === 200 && r.path.endsWith('/decline') && r.path.includes('scheduling')) await reassign();
      if (res.status >= 500) unexpected.push(`${key(r)}: ${res.status}`);
      else if (allowed && (res.status === 401 || res.status === 403)) unexpected.push(`${key(r)}: refused ${res.status}`);
      else if (!allowed && res.status !== (actor === 'anonymous' ? 401 : 403) && !(HTTP[key(r)] === 'nobody' && [401, 404].includes(res.status))) {
        unexpected.push(`${key(r)}: ${res.status} instead of a refusal`);
      }
    }
    expect(unexpected).toEqual([]);
  });
});

describe('Socket.IO', () => {
  it('every command has an entry', () => {
    expect(Object.keys(SOCKET).sort()).toEqual([...COMMANDS].sort());
  });

  it('one namespace, and a connected socket listens to the commands (one dispatcher) and nothing else', async () => {
    expect([...(app.io as unknown as { _nsps: Map<string, unknown> })._nsps.keys()]).toEqual(['/']);
    const socket = await connectSocket(app.url, (await client('lawyer')).cookie('rm_sid'));
    sockets.push(socket);
    const server = [...app.io.of('/').sockets.values()].find((s) => s.id === socket.id)!;
    // Every command arrives through the one catch-all listener, which refuses anything not in COMMANDS; a handler
    // registered for an event of its own would bypass this matrix, so there must be none.
    expect(server.listenersAny()).toHaveLength(1);
    // Only Socket.IO's own lifecycle events besides it.
    expect(server.eventNames().filter((e) => e !== 'disconnect' && e !== 'error')).toEqual([]);
  });

  it('anonymous sockets are refused at the handshake, before any command', async () => {
    await expect(connectSocket(app.url, undefined)).rejects.toThrow(/UNAUTHENTICATED/);
  });

  const signedIn = ACTORS.filter((a): a is Exclude<Actor, 'anonymous'> => a !== 'anonymous');
  const cases = COMMANDS.flatMap((event) => signedIn.map((actor) => [event, actor] as const));

  it.each(cases)('%s by %s', async (event, actor) => {
    // A fresh circle per case, so one allowed "end" or "remove" does not change the next case.
    const sessionId = await openCircleNow(app.db, `m-${event.replace(':', '-')}-${actor}`.toLowerCase(), 'Matrix');
    const target = await connectSocket(app.url, (await client('target')).cookie('rm_sid'));
    const socket = await connectSocket(app.url, (await client(actor)).cookie('rm_sid'));
    sockets.push(target, socket);
    const targetIdentity = expectOk(await raw(target, 'circle:join', { sessionId, displayName: 'Tess' }) as never as Awaited<ReturnType<typeof join>>).you.identity;
    if (event !== 'circle:join') {
      // An auditor is never admitted; the command that follows must still be refused on its own.
      const joined = await join(socket, sessionId);
      if (actor === 'auditor') expect(joined).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      else expectOk(joined);
    }
    const payloads: { [E in (typeof COMMANDS)[number]]: Parameters<ClientToServerEvents[E]>[0] } = {
      'circle:join': { sessionId, displayName: 'Someone' },
      'circle:leave': {},
      'circle:lock': { locked: true },
      'circle:end': {},
      'topic:pivot': { topic: 'A new topic' },
      'hand:raise': {},
      'hand:lower': {},
      'hand:callNext': {},
      'hand:lowerAll': {},
      'chat:send': { text: 'hello' },
      'chat:remove': { messageId: randomUUID() },
      'reaction:send': { reaction: 'clap' } as never,
      'moderation:mute': { identity: targetIdentity },
      'moderation:blockMic': { identity: targetIdentity, blocked: true },
      'moderation:cameraOff': { identity: targetIdentity },
      'moderation:remove': { identity: targetIdentity },
      'support:request': {},
      'support:list': {},
      'support:handle': { id: randomUUID() },
      'e2ee:key': {},
      'circle:knock': { sessionId, displayName: 'Someone' },
      'knock:withdraw': {},
      'knock:admit': { identity: targetIdentity },
      'knock:decline': { identity: targetIdentity },
      'host:handOver': { identity: targetIdentity },
    };
    // With a command id, as the web client sends: a refusal must stay a refusal on the way through the dedupe store.
    const ack = await raw(socket, event, { ...payloads[event], commandId: randomUUID() });
    const allowed = SOCKET_ALLOWED[SOCKET[event]].includes(actor);
    if (allowed) {
      // Allowed commands may still fail for other reasons (no LiveKit here, a made-up id), never as a refusal.
      if (!ack.ok) expect(['FORBIDDEN', 'UNAUTHENTICATED', 'VALIDATION_FAILED', 'INTERNAL']).not.toContain(ack.code);
    } else {
      expect(ack).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    target.disconnect();
    socket.disconnect();
  });
});

function join(socket: ClientSocket, sessionId: string) {
  return raw(socket, 'circle:join', { sessionId, displayName: 'Someone' }) as Promise<
    Parameters<Parameters<ClientToServerEvents['circle:join']>[1]>[0]
  >;
}
