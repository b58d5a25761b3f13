import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, type Ack } from '../../shared/errors';
import { COMMAND_PAYLOADS, COMMANDS, parseCommand } from '../../shared/schemas/live';
import { ApiClient } from '../support/httpClient';
import { assertPrototypeClean, extraArgs, FUZZ_RUNS, hostilePayload } from '../support/hostile';
import { openCircleNow } from '../support/openCircles';
import { listRoutes } from '../support/routes';
import { connectSocket, expectOk, raw, type ClientSocket } from '../support/sockets';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD } from '../support/users';

/**
 * Property-based fuzzing of every socket command and every JSON route with hostile payloads: every case is
 * answered with a typed error, nothing crashes or rejects unhandled, and the circle's state does not move.
 * FUZZ_RUNS cases per command and route (small in the suite; `npm run fuzz` runs 10,000). Payloads carry hostile
 * command ids too; whether the server would accept one is judged as the server does (`parseCommand`, with the
 * command's schema from the shared `COMMAND_PAYLOADS`, the same map the server validates with).
 */
let app: TestApp;
let sessionId: string;
let host: ClientSocket;
let member: ClientSocket;
let memberIdentity: string;
const problems: unknown[] = [];
const onProblem = (e: unknown) => problems.push(e);
const timeout = Math.max(30_000, FUZZ_RUNS * 40);

beforeAll(async () => {
  process.on('unhandledRejection', onProblem);
  process.on('uncaughtException', onProblem);
  // Budgets would answer most cases with TOO_MANY_REQUESTS; fuzzing is about what lies behind them.
  app = await startTestApp({ now: new Date().toISOString(), commandLimiter: { take: async () => true } });
  await createPeople(app);
  sessionId = await openCircleNow(app.db, 'fuzz', 'Fuzzing');
  const signIn = async (email: string) => {
    const http = new ApiClient(app.url);
    await http.signIn(email, PASSWORD);
    return connectSocket(app.url, http.cookie('rm_sid'));
  };
  host = await signIn('staff@example.ca');
  member = await signIn('lawyer@example.ca');
  expectOk(await raw(host, 'circle:join', { sessionId, displayName: 'Hosting Sasha' }));
  memberIdentity = (expectOk(await raw(member, 'circle:join', { sessionId, displayName: 'Lee' })) as { you: { identity: string } }).you.identity;
  expectOk(await raw(member, 'hand:raise', {}));
  expectOk(await raw(host, 'topic:pivot', { topic: 'Where the circle stands' }));
});
afterAll(async () => {
  host?.disconnect();
  member?.disconnect();
  await app?.close();
  process.off('unhandledRejection', onProblem);
  process.off('uncaughtException', onProblem);
});

async function circleState() {
  const live = app.services.live;
  return {
    topic: await live.topic(sessionId, null),
    hands: await live.hands(sessionId),
    locked: await live.isLocked(sessionId),
    ended: await live.isEnded(sessionId),
    micBlocked: [...(await live.micBlocked(sessionId))],
    memberRemoved: await live.isRemoved(sessionId, memberIdentity),
  };
}

/** Frames past the server's 64 KB limit close the connection rather than answer (tested in liveCircle.test.ts). */
const fitsInFrame = (...args: unknown[]) => (JSON.stringify(args) ?? '').length < 60_000;

function expectTypedError(ack: Ack<unknown>) {
  expect(ack).toMatchObject({ ok: false });
  if (ack.ok) return;
  expect(ERROR_CODES).toContain(ack.code);
  expect(typeof ack.message).toBe('string');
}

describe('socket commands', () => {
  it('every command in the shared map is answered by the server, through its schema', async () => {
    // A key no strict payload schema has: each command must get as far as validating it (not UNKNOWN_EVENT).
    for (const event of COMMANDS) expect(await raw(host, event, { notAField: true }), event).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });

  it.each([...COMMANDS])(
    '%s: hostile payloads from the host get a typed error and leave the circle as it was',
    async (event) => {
      const before = await circleState();
      await fc.assert(
        fc.asyncProperty(hostilePayload, extraArgs, async (payload, extra) => {
          // Only payloads the command would refuse: a valid one may rightly change the circle.
          fc.pre(!parseCommand(COMMAND_PAYLOADS[event], payload === undefined ? {} : payload).success);
          fc.pre(fitsInFrame(payload, ...extra));
          expect(host.connected, 'the socket was closed by an earlier case').toBe(true);
          const ack = await raw(host, event, payload, ...extra);
          expectTypedError(ack);
        }),
        { numRuns: FUZZ_RUNS },
      );
      expect(host.connected && member.connected).toBe(true);
      expect(await circleState()).toEqual(before);
      assertPrototypeClean();
      expect(problems).toEqual([]);
    },
    timeout,
  );

  it('unknown events, missing acks and non-function acks are answered or ignored, never fatal', async () => {
    const before = await circleState();
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), hostilePayload, async (event, payload) => {
        fc.pre(!(COMMANDS as readonly string[]).includes(event) && !['connect', 'disconnect', 'disconnecting', 'error', 'newListener', 'removeListener'].includes(event));
        fc.pre(fitsInFrame(payload));
        expectTypedError(await raw(host, event, payload));
        // No ack at all, or something that is not a function where the ack would be.
        const emit = host.emit.bind(host) as unknown as (event: string, ...args: unknown[]) => void;
        // (Only payloads those commands refuse: a valid one without an ack would rightly act.)
        if (!parseCommand(COMMAND_PAYLOADS['hand:lowerAll'], payload ?? {}).success) emit('hand:lowerAll', payload);
        if (!parseCommand(COMMAND_PAYLOADS['topic:pivot'], payload ?? {}).success) emit('topic:pivot', payload, 'not-a-function');
      }),
      { numRuns: FUZZ_RUNS },
    );
    // The socket still answers, and nothing moved.
    expectTypedError(await raw(host, 'no:such-command', {}));
    expect(await circleState()).toEqual(before);
    expect(problems).toEqual([]);
  }, timeout);
});

describe('JSON routes', () => {
  // Sign-out would end the fuzzing session, and sign-in is throttled by design (both tested on their own).
  const skip = new Set(['POST /api/auth/logout', 'POST /api/auth/login']);

  it('every state-changing route answers hostile bodies with a typed 4xx, never a 5xx', async () => {
    const staff = new ApiClient(app.url);
    await staff.signIn('staff@example.ca', PASSWORD);
    const routes = listRoutes(app.express).filter((r) => r.method !== 'GET' && !skip.has(`${r.method} ${r.path}`));
    expect(routes.length).toBeGreaterThan(20);
    const fill = (p: string) => p.replace(':sessionId', sessionId).replace(':seriesId', 'fuzz').replace(/:id\b/, '00000000-0000-4000-8000-000000000000');
    for (const r of routes) {
      await fc.assert(
        fc.asyncProperty(hostilePayload, fc.boolean(), async (payload, asText) => {
          const res = await staff.request(r.method, fill(r.path), asText ? { raw: typeof payload === 'string' ? payload : `${JSON.stringify(payload) ?? ''}}` } : { json: payload ?? null });
          if (res.status >= 200 && res.status < 300) return; // valid by chance (e.g. rotating a feed takes no body)
          expect(res.status, `${r.path} → ${res.status}`).toBeLessThan(500);
          expect(ERROR_CODES).toContain(res.body?.code);
        }),
        { numRuns: Math.max(10, Math.round(FUZZ_RUNS / 10)) },
      );
    }
    assertPrototypeClean();
    expect(problems).toEqual([]);
  }, timeout * 3);
});
