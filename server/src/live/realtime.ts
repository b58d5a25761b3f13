import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { parse as parseCookie } from 'cookie';
import { Server } from 'socket.io';
import type { AuthService } from '../auth/auth.service';
import { closeRedis, connectAdapterClient, type RedisClient } from '../redis';
import type { PublicUser } from '../../../shared/schemas/auth';
import { startJobs, type Job } from '../jobs';
import { createLocalRelay, createRedisRelay, hasWords, inWords, RelayForgettingAdapter, type Relay, type RelayEvent } from './relay';
import { STAFF_ROOM, type IO, type LiveDeps, type LiveSocket } from './liveContext';
import { createLiveCommands } from './liveCommands';
import { currentVolunteers } from '../people/readiness';
import { Locale as LocaleSchema, type Locale } from '../../../shared/i18n/locales';
import { LOCALE_COOKIE } from '../i18n/i18n';
import { emitLocalized, emitLocalizedHere, joinLocale, localeOfSocket, localeRoom } from './localeRooms';

/** How often each instance checks whether a volunteer in a circle has lapsed by the calendar (dates lapse at midnight). */
export const READINESS_CHECK_MS = 60_000;

export interface RealtimeOptions {
  auth: AuthService;
  sessionCookie: string;
  /** The one origin browsers may open sockets from, given the Host the request came to. */
  allowedOrigin: (host: string | undefined, secure: boolean) => string;
  redis?: RedisClient;
  /**
   * Where the adapter's stream, recovery sessions and the relay go, when not to `redis`: a Redis without
   * persistence, since nothing there needs to outlive a restart (SECURITY.md).
   */
  bus?: RedisClient;
  /** How often an open socket's session is checked again, on its next command and by a background sweep. */
  recheckMs?: number;
  deps: Omit<LiveDeps, 'io' | 'relay' | 'accountOf' | 'liveAvailable' | 'sessionCheck' | 'localeOf'>;
}

export interface Realtime {
  io: IO;
  /** Disconnects every socket of one person on every instance at once (sign-out, account removal). */
  disconnectUser(userId: string): void;
  /** Sends a circle's participant list again (someone came into or left its LiveKit room). */
  announceParticipants(sessionId: string): Promise<void>;
  /** An account disabled: out of every LiveKit room its sockets are in, then every socket closed (all instances). */
  removeUser(userId: string): Promise<void>;
  /**
   * A volunteer's readiness may have changed (staff recorded or withdrew a date): the circles they are in, on every
   * instance, get their list again and LiveKit their badge attribute, at once.
   */
  readinessChanged(userId: string): Promise<void>;
  /**
   * The job that notices a readiness lapsing by the calendar: this instance's volunteers in circles whose red mug
   * no longer matches their readiness are updated as `readinessChanged` does.
   */
  readinessJob(): Job;
  /**
   * A person chose another language: their sockets on every instance hear acks and notices in it from now on.
   * Resolves once every instance has moved them (or after the adapter's wait for one that does not answer).
   */
  setLocale(userId: string, locale: Locale): Promise<void>;
  close(): Promise<void>;
}

/** Each socket joins its person's room, so a sign-out can reach all their sockets across instances. */
export const userRoom = (userId: string) => `user:${userId}`;

/** The instances' own event (Redis pub/sub, answered by each): move one person's sockets there to a locale's room. */
const LOCALE_CHANGED = 'locale:changed' as const;

/**
 * How long a dropped connection can come back and catch up on what it missed (connection-state recovery). A
 * client retries a command whose ack was lost within it, so applied commands are remembered as long.
 */
export const RECOVERY_WINDOW_MS = 2 * 60_000;

/** The Socket.IO stream (the adapter's default name), trimmed by age as well as by count. */
const STREAM = 'socket.io';
/** How often the stream is trimmed to the recovery window. */
const TRIM_EVERY_MS = 15_000;

/**
 * Trims the adapter's stream to the recovery window: a broadcast older than that can no longer be replayed to
 * anyone (the adapter's own `maxLen` bounds it by count only, which in a quiet hour is days). An offset trimmed away
 * means that connection joins afresh instead of recovering, which the client does by itself.
 */
export function streamTrimJob(redis: RedisClient, windowMs = RECOVERY_WINDOW_MS): Job {
  return {
    name: 'socketio.stream_trim',
    everyMs: TRIM_EVERY_MS,
    run: () => redis.xTrim(STREAM, 'MINID', `${Date.now() - windowMs}-0`),
  };
}

/** How many sockets' sessions one sweep query checks. */
const SWEEP_BATCH = 500;

/** Socket.IO for the live circle: signed-in sockets from our own origin only, Redis-shared when configured. */
export async function attachRealtime(httpServer: HttpServer, o: RealtimeOptions): Promise<Realtime> {
  const bus = o.redis ? (o.bus ?? o.redis) : undefined;
  const adapterClient = bus ? await connectAdapterClient(bus) : undefined;
  const io: IO = new Server(httpServer, {
    // Commands are small; a frame far past the largest valid one is refused before it is parsed.
    maxHttpBufferSize: 64 * 1024,
    connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: false },
    serveClient: false,
    adapter: adapterClient ? createAdapter(adapterClient, { streamName: STREAM }) : RelayForgettingAdapter,
  });
  const trimming = adapterClient ? startJobs([streamTrimJob(adapterClient)], o.deps.log) : undefined;

  // The account stays on this instance: `socket.data`, which recovery stores and look-ups carry across instances,
  // holds the account id and role only. A recovered socket passes the middleware again, which sets it afresh.
  const accounts = new WeakMap<LiveSocket, PublicUser>();
  const accountOf = (socket: LiveSocket): PublicUser => {
    const account = accounts.get(socket);
    if (!account) throw new Error('socket without an account');
    return account;
  };

  // The session token stays on this instance (never in socket.data, which travels through the adapter); a WeakMap
  // keyed by the socket forgets it with the socket.
  const sessionTokens = new WeakMap<LiveSocket, { token: string | undefined; checkedAt: number }>();
  const recheckMs = o.recheckMs ?? 30_000;
  /**
   * Which of these sockets still belong to a valid session of their own user (one query for all of them); those
   * are marked checked now. The per-command check and the background sweep both ask this.
   */
  const stillSignedIn = async (sockets: LiveSocket[]): Promise<Set<LiveSocket>> => {
    const tokens = sockets.map((s) => sessionTokens.get(s)?.token).filter((t): t is string => t !== undefined);
    const owners = await o.auth.sessionOwners(tokens);
    const now = Date.now();
    const ok = new Set<LiveSocket>();
    for (const socket of sockets) {
      const entry = sessionTokens.get(socket);
      if (entry?.token === undefined || owners.get(entry.token) !== socket.data.user.id) continue;
      entry.checkedAt = now;
      ok.add(socket);
    }
    return ok;
  };
  /** A long-lived socket re-checks its session before a command at most every recheckMs. */
  const sessionCheck = async (socket: LiveSocket): Promise<boolean> => {
    const entry = sessionTokens.get(socket);
    if (entry && Date.now() - entry.checkedAt < recheckMs) return true;
    return (await stillSignedIn([socket])).has(socket);
  };

  // The language each socket speaks until it joins its locale room on connection (a refusal here is in it too).
  const handshakeLocale = new WeakMap<LiveSocket, Locale>();
  const i18n = o.deps.i18n;
  io.use(async (socket, next) => {
    const cookies = parseCookie(socket.handshake.headers.cookie ?? '');
    const acceptLanguage = socket.handshake.headers['accept-language'];
    let t = i18n.t(i18n.resolve({ cookie: cookies[LOCALE_COOKIE], acceptLanguage }));
    try {
      const origin = socket.handshake.headers.origin;
      if (origin !== undefined && origin !== o.allowedOrigin(socket.handshake.headers.host, socket.handshake.secure)) {
        return next(Object.assign(new Error('FORBIDDEN'), { data: { code: 'FORBIDDEN', message: t('live.socket.otherSite') } }));
      }
      const token = cookies[o.sessionCookie];
      const user = await o.auth.userForSession(token);
      if (!user) {
        return next(Object.assign(new Error('UNAUTHENTICATED'), { data: { code: 'UNAUTHENTICATED', message: t('live.socket.signIn') } }));
      }
      const locale = i18n.resolve({ account: user.locale, cookie: cookies[LOCALE_COOKIE], acceptLanguage });
      handshakeLocale.set(socket, locale);
      t = i18n.t(locale);
      socket.data.user = { id: user.id, role: user.role };
      accounts.set(socket, user);
      sessionTokens.set(socket, { token, checkedAt: Date.now() });
      // Back with its rooms after a dropped connection: let back into the circle only if it may still be there.
      // With the live state unreachable (Redis away) it cannot be asked now; it is asked again once connected,
      // and meanwhile nothing of the circle's is broadcast either.
      if (socket.recovered) await commands.readmit(socket).catch(() => undefined);
      next();
    } catch {
      next(Object.assign(new Error('INTERNAL'), { data: { code: 'INTERNAL', message: t('live.socket.tryAgain') } }));
    }
  });

  const localeOf = (socket: LiveSocket) => localeOfSocket(socket, handshakeLocale.get(socket) ?? i18n.defaultLocale);
  const emitLocal = (to: string | string[], e: RelayEvent) => {
    // Words ("Guest", "… is now hosting.") in each listener's language: one local emit per language present.
    // CAUTION: local emits only (io.local), which the adapter neither stores nor sends on: names stay off it.
    if (hasWords(e)) return emitLocalizedHere(i18n, io.of('/'), localeOf, to, e.event, (t, locale) => inWords(e, t, locale) as never);
    // Each variant pairs an event with its own payload; the local emit takes them as a pair.
    (io.local.to(to).emit as (event: string, payload: unknown) => boolean)(e.event, e.payload);
  };
  /** For hosts only: this instance's sockets in the room whose person has host rights in that session now. */
  const deliverToHosts = async (e: RelayEvent & { hostsOf: string }) => {
    const ids = [...(io.of('/').adapter.rooms.get(e.room) ?? [])];
    if (ids.length === 0) return;
    const users = ids.flatMap((id) => {
      const s = io.of('/').sockets.get(id);
      return s ? [{ id, user: s.data.user }] : [];
    });
    const hostNow = await o.deps.admission.hostCheck(e.hostsOf, users.map((u) => u.user));
    const hosts = users.filter((u) => hostNow(u.user)).map((u) => u.id);
    if (hosts.length > 0) emitLocal(hosts, e);
  };
  const deliver = (e: RelayEvent) => {
    if (e.hostsOf !== undefined) void deliverToHosts({ ...e, hostsOf: e.hostsOf }).catch(() => undefined);
    else emitLocal(e.room, e);
  };
  const relay: Relay = bus ? await createRedisRelay(bus, deliver) : createLocalRelay(deliver);

  // Redis down: tell this instance's sockets at once (a local emit needs no Redis), refuse commands with a typed
  // code instead of letting them hang, and say when it is back. Audio and video (LiveKit) are not affected.
  let liveAvailable = !o.redis || o.redis.isReady;
  const setAvailable = (available: boolean) => {
    if (available === liveAvailable) return;
    liveAvailable = available;
    if (available) io.local.emit('live:restored');
    else emitLocalized(i18n, io.local, 'live:degraded', (t) => ({ message: t('live.degraded') }));
  };
  // node-redis says 'error' when the connection drops (and on each failed attempt to reconnect), 'ready' when it
  // is back, 'end' when closed; whichever it says, readiness is the truth.
  const REDIS_STATE_EVENTS = ['ready', 'error', 'end'] as const;
  const onRedisState = () => setAvailable(o.redis!.isReady);
  for (const event of REDIS_STATE_EVENTS) o.redis?.on(event, onRedisState);

  // A session that was signed out or expired elsewhere gets a typed UNAUTHENTICATED ack and the socket is closed.
  const commands = createLiveCommands({ ...o.deps, io, relay, accountOf, liveAvailable: () => liveAvailable, sessionCheck, localeOf });
  /** This instance's sockets of one person, into the room of `locale` and out of the others, at once. */
  const localeHere = (userId: string, locale: Locale) => {
    const theirs = io.local.in(userRoom(userId));
    theirs.socketsLeave(i18n.offered.filter((l) => l !== locale).map(localeRoom));
    theirs.socketsJoin(localeRoom(locale));
  };
  if (bus) {
    io.on(LOCALE_CHANGED, (userId, locale, done) => {
      // Another instance's word, still checked: a bad value moves nobody.
      const l = LocaleSchema.safeParse(locale);
      if (typeof userId === 'string' && l.success) localeHere(userId, l.data);
      if (typeof done === 'function') done();
    });
  }
  io.on('connection', (socket) => {
    // The handshake's answer wins over a recovered room: the account is read afresh at every (re)connection.
    joinLocale(socket, handshakeLocale.get(socket) ?? i18n.defaultLocale);
    if (!liveAvailable) socket.emit('live:degraded', { message: i18n.t(localeOf(socket))('live.degraded') });
    void socket.join(userRoom(socket.data.user.id));
    if (socket.data.user.role === 'staff') void socket.join(STAFF_ROOM);
    commands.attach(socket);
  });

  // Idle sockets are swept too, so an expired session stops receiving the circle's broadcasts. The sweep keeps
  // every socket checked within half the recheck interval, so a command almost never waits for a check of its own
  // (one query per command, and the burst of them when everyone connected at once, is what the sweep saves). It
  // wakes often and checks a share of the sockets each time, the longest unchecked first, so the queries are spread
  // over the interval however many sockets connected together.
  const sweepEveryMs = Math.min(1_000, recheckMs / 2);
  const dueAfterMs = recheckMs / 2;
  const checkedAt = (s: LiveSocket) => sessionTokens.get(s)?.checkedAt ?? 0;
  const sweepOnce = async () => {
    const now = Date.now();
    const open = [...io.of('/').sockets.values()];
    const due = open.filter((s) => now - checkedAt(s) >= dueAfterMs);
    const share = Math.ceil((open.length * sweepEveryMs) / dueAfterMs);
    const chosen = due.length > share ? due.sort((a, b) => checkedAt(a) - checkedAt(b)).slice(0, share) : due;
    for (let i = 0; i < chosen.length; i += SWEEP_BATCH) {
      const batch = chosen.slice(i, i + SWEEP_BATCH);
      const ok = await stillSignedIn(batch);
      for (const socket of batch) if (!ok.has(socket)) socket.disconnect(true);
    }
  };
  let sweeping = false;
  const sweep = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    void sweepOnce()
      .catch(() => undefined)
      .finally(() => (sweeping = false));
  }, sweepEveryMs);
  sweep.unref();

  // What this instance last made LiveKit and the lists show for a volunteer in a circle, so the readiness job acts
  // on a change only (a lapse by the calendar), not every minute. Ids only, in memory.
  const badgeShown = new Map<string, boolean>();
  /** Sets the badge in LiveKit (every room of theirs) and sends the lists of these circles and those rooms again. */
  const applyBadge = async (userId: string, sessions: Set<string>, known?: boolean): Promise<void> => {
    const redMug = known ?? (await currentVolunteers(o.deps.db, [userId], o.deps.clock.now())).has(userId);
    o.deps.admission.forgetHostRights(userId);
    const rooms = await o.deps.moderation.setBadgeEverywhere(userId, redMug, (room) => o.deps.admission.sessionOfRoom(room));
    for (const sessionId of new Set([...sessions, ...rooms])) {
      badgeShown.set(`${userId}\u0000${sessionId}`, redMug);
      await commands.announceParticipants(sessionId);
    }
  };

  return {
    io,
    async setLocale(userId, locale) {
      localeHere(userId, locale);
      // The other instances answer once they have moved theirs, so the next command there is in the new language
      // too. Not `io.in(room).socketsJoin`: through the streams adapter that lands elsewhere (and even here) only
      // after its round trip to Redis, which the answer to the change does not wait for.
      if (bus) {
        await io.serverSideEmitWithAck(LOCALE_CHANGED, userId, locale).catch(() => o.deps.log.warn('live.locale_not_everywhere', {}));
      }
    },
    disconnectUser(userId) {
      io.in(userRoom(userId)).disconnectSockets(true);
    },
    announceParticipants: (sessionId) => commands.announceParticipants(sessionId),
    async removeUser(userId) {
      const sockets = await io.in(userRoom(userId)).fetchSockets();
      const circles = new Map(sockets.flatMap((s) => (s.data.circle ? [[s.data.circle.identity, s.data.circle.sessionId] as const] : [])));
      await Promise.all([...circles].map(([identity, sessionId]) => o.deps.moderation.remove(sessionId, identity)));
      io.in(userRoom(userId)).disconnectSockets(true);
    },
    async readinessChanged(userId) {
      const sockets = await io.in(userRoom(userId)).fetchSockets();
      const inCircles = new Set(sockets.flatMap((s) => (s.data.circle ? [s.data.circle.sessionId] : [])));
      await applyBadge(userId, inCircles);
    },
    readinessJob: () => ({
      name: 'volunteers.readiness_badges',
      everyMs: READINESS_CHECK_MS,
      async run() {
        // This instance's volunteers in circles; every instance runs the job for its own sockets.
        const byUser = new Map<string, Set<string>>();
        for (const s of io.of('/').sockets.values()) {
          if (s.data.user.role !== 'volunteer' || !s.data.circle) continue;
          const set = byUser.get(s.data.user.id) ?? new Set<string>();
          set.add(s.data.circle.sessionId);
          byUser.set(s.data.user.id, set);
        }
        const current = await currentVolunteers(o.deps.db, [...byUser.keys()], o.deps.clock.now());
        for (const [userId, sessions] of byUser) {
          const redMug = current.has(userId);
          const changed = [...sessions].filter((sessionId) => badgeShown.get(`${userId}\u0000${sessionId}`) !== redMug);
          if (changed.length > 0) await applyBadge(userId, new Set(changed), redMug);
        }
        // Forget those who left: the map holds this instance's current circles only.
        for (const key of badgeShown.keys()) {
          const [userId, sessionId] = key.split('\u0000');
          if (!byUser.get(userId!)?.has(sessionId!)) badgeShown.delete(key);
        }
      },
    }),
    async close() {
      clearInterval(sweep);
      commands.close();
      trimming?.stop();
      for (const event of REDIS_STATE_EVENTS) o.redis?.off(event, onRedisState);
      await relay.close();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      if (adapterClient) await closeRedis(adapterClient);
    },
  };
}
