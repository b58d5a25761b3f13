import { io } from 'socket.io-client';
import { summarize } from './stats';

/**
 * The Monday-noon rush: `people` already signed-in members join within `windowMs` — the join request (LiveKit
 * token), the socket admission, and the first state snapshot. Join-to-ready is measured per person.
 */
export async function noonRush(opts: { url: string; cookies: string[]; circles: string[]; circleSize: number; windowMs: number }) {
  // Page load (not timed): each browser already holds its CSRF token before pressing Join.
  const csrf = await Promise.all(
    opts.cookies.map(async (c) => {
      const r = await fetch(`${opts.url}/api/auth/session`, { headers: { cookie: `rm_sid=${c}` } });
      const body = (await r.json()) as { csrfToken: string };
      const set = r.headers.getSetCookie().map((s) => s.split(';')[0]).join('; ');
      return { token: body.csrfToken, cookieHeader: `rm_sid=${c}; ${set}` };
    }),
  );
  const started = Date.now();
  const sockets: Array<ReturnType<typeof io>> = [];
  const failures: string[] = [];
  const httpTimes: number[] = [];
  const times = await Promise.all(
    opts.cookies.map(async (cookie, i) => {
      await new Promise((r) => setTimeout(r, started + (i * opts.windowMs) / opts.cookies.length - Date.now()));
      const sessionId = opts.circles[Math.floor(i / opts.circleSize)]!;
      const t0 = performance.now();
      const join = await fetch(`${opts.url}/api/circles/sessions/${sessionId}/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: csrf[i]!.cookieHeader, 'x-csrf-token': csrf[i]!.token, origin: opts.url },
        body: JSON.stringify({ displayName: 'Bench' }),
      });
      if (!join.ok) {
        failures.push(`join ${join.status}`);
        return null;
      }
      await join.json();
      httpTimes.push(performance.now() - t0);
      const socket = io(opts.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { origin: opts.url, cookie: `rm_sid=${cookie}` } });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      const ack = (await socket.timeout(30_000).emitWithAck('circle:join', { sessionId, displayName: 'Bench' })) as { ok: boolean };
      if (!ack.ok) {
        failures.push('circle:join refused');
        return null;
      }
      return performance.now() - t0;
    }),
  );
  sockets.forEach((s) => s.disconnect());
  return {
    people: opts.cookies.length,
    windowMs: opts.windowMs,
    joinToReadyMs: summarize(times.filter((t): t is number => t !== null)),
    /** The token request alone; the rest is the socket handshake, admission and first snapshot. */
    joinRequestMs: summarize(httpTimes),
    failures: failures.length,
  };
}

/** Sign-in throughput: real email-and-password sign-ins (argon2id verification), `concurrency` at a time. */
export async function signInThroughput(opts: { url: string; emails: string[]; password: string; concurrency: number }) {
  const queue = [...opts.emails];
  const t0 = performance.now();
  let ok = 0;
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      for (let email = queue.shift(); email; email = queue.shift()) {
        const s = await fetch(`${opts.url}/api/auth/session`);
        const { csrfToken } = (await s.json()) as { csrfToken: string };
        const cookie = s.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
        const r = await fetch(`${opts.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie, origin: opts.url },
          body: JSON.stringify({ email, password: opts.password }),
        });
        if (r.ok) ok++;
        await r.body?.cancel();
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { signIns: ok, seconds, perSecond: ok / seconds };
}
