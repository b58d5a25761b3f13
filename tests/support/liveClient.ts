import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import type { CircleSnapshot } from '../../shared/schemas/live';
import type { Ack } from '../../shared/errors';
import { createAuthService } from '../../server/src/auth/auth.service';
import { createLoginThrottle } from '../../server/src/auth/loginThrottle';
import { systemClock } from '../../server/src/clock';
import type { Db } from '../../server/src/store/db';
import { ApiClient } from './httpClient';
import type { ClientSocket } from './sockets';
import { PASSWORD } from './users';
import { agreeToPledge } from './pledge';

/**
 * A circle participant as the browser client behaves: reconnects by itself, and after a reconnection the server
 * could not recover, joins the circle again (as `useCircleLive` does). `back` resolves each time it is in again.
 */
export interface LiveClient {
  socket: ClientSocket;
  snapshot: CircleSnapshot;
  /** What this client believes now: from events, and from the snapshot of each fresh join. */
  view: { topic: string | null; trail: string[]; hands: string[]; locked: boolean };
  /** How many times it came back by recovery and by a fresh join. */
  returns: { recovered: number; rejoined: number };
  /** Resolves the next time the client is back in the circle after a drop, with the time it happened. */
  nextBack(): Promise<number>;
  close(): void;
}

export async function joinLive(url: string, sessionCookie: string, sessionId: string, displayName: string): Promise<LiveClient> {
  const socket: ClientSocket = io(url, {
    transports: ['websocket'],
    reconnection: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    randomizationFactor: 0,
    forceNew: true,
    extraHeaders: { origin: url, cookie: `rm_sid=${sessionCookie}` },
  });
  const join = () =>
    (socket.timeout(5_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<CircleSnapshot>> }).emitWithAck('circle:join', { sessionId, displayName });
  let waiters: Array<(at: number) => void> = [];
  const back = (at: number) => {
    const w = waiters;
    waiters = [];
    w.forEach((f) => f(at));
  };
  let first = true;
  let snapshot: CircleSnapshot | undefined;
  const view = { topic: null as string | null, trail: [] as string[], hands: [] as string[], locked: false };
  const returns = { recovered: 0, rejoined: 0 };
  const fromSnapshot = (s: CircleSnapshot) => {
    view.topic = s.topic.current;
    view.trail = s.topic.trail.map((t) => t.topic);
    view.hands = s.hands.map((h) => h.identity);
    view.locked = s.locked;
  };
  socket.on('topic:changed', (t) => {
    view.topic = t.current;
    view.trail = t.trail.map((e) => e.topic);
  });
  socket.on('hands:changed', ({ hands }) => (view.hands = hands.map((h) => h.identity)));
  socket.on('circle:lockChanged', ({ locked }) => (view.locked = locked));
  await new Promise<void>((resolve, reject) => {
    socket.on('connect', () => {
      if (first) {
        first = false;
        void join().then((a) => (a.ok ? ((snapshot = a.data), fromSnapshot(a.data), resolve()) : reject(new Error(a.code))), reject);
        return;
      }
      if (socket.recovered) {
        returns.recovered++;
        return back(Date.now());
      }
      let attempts = 0;
      const retry = (): void => {
        if (++attempts > 20) return;
        void join().then(
          (a) => {
            if (!a.ok) return retry();
            returns.rejoined++;
            fromSnapshot(a.data);
            back(Date.now());
          },
          () => retry(),
        );
      };
      retry();
    });
    socket.once('connect_error', (e) => first && reject(e));
  });
  return {
    socket,
    snapshot: snapshot!,
    view,
    returns,
    nextBack: () => new Promise<number>((resolve) => waiters.push(resolve)),
    close: () => socket.disconnect(),
  };
}

/**
 * Sends a command until it is acknowledged, as the client does over a flaky connection: a lost ack (timeout),
 * a dropped socket or a refusal while rejoining means waiting until the client is back and trying again. It is
 * one command throughout: every try carries the same command id, so a try after a lost ack is answered with the
 * first result rather than applied again.
 */
export async function reliably(client: LiveClient, event: string, payload: object, tries = 40): Promise<Ack<unknown>> {
  const sent = { ...payload, commandId: randomUUID() };
  for (let i = 0; i < tries; i++) {
    if (!client.socket.connected) await Promise.race([client.nextBack(), new Promise((r) => setTimeout(r, 3_000))]);
    const ack = await (client.socket.timeout(2_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<unknown>> })
      .emitWithAck(event, sent)
      .catch(() => null);
    if (ack && (ack.ok || !['NOT_IN_CIRCLE', 'SERVICE_UNAVAILABLE', 'TOO_MANY_REQUESTS', 'IN_PROGRESS'].includes(ack.code))) return ack;
    if (!ack || ack.code === 'NOT_IN_CIRCLE') await Promise.race([client.nextBack(), new Promise((r) => setTimeout(r, 500))]);
    else await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${event} was never acknowledged`);
}

/** A new account of `role` written straight to the store (agreed to the pledge), signed in over HTTP at `url`, and joined live there. */
export async function newLiveParticipant(db: Db, url: string, sessionId: string, name: string, role: 'member' | 'staff'): Promise<LiveClient> {
  const auth = createAuthService({ db, clock: systemClock, throttle: createLoginThrottle({ maxFailures: 50, blockMinutes: 1 }), sessionTtlHours: 1, inviteTtlDays: 1 });
  const user = await auth.createUser({ email: `${name}@example.ca`, firstName: name, role, memberKind: role === 'member' ? 'lawyer' : null, password: PASSWORD });
  await agreeToPledge({ db, clock: systemClock }, user!.id);
  const http = new ApiClient(url);
  const signedIn = await http.signIn(`${name}@example.ca`, PASSWORD);
  if (signedIn.status !== 200) throw new Error(`sign-in failed: ${signedIn.status}`);
  return joinLive(url, http.cookie('rm_sid')!, sessionId, name);
}
