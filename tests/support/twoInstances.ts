import { inject } from 'vitest';
import { connectRedis, type RedisClient } from '../../server/src/redis';
import { openDb, type Db } from '../../server/src/store/db';
import { ApiClient } from './httpClient';
import { agreeToPledge } from './pledge';
import { recordReadiness } from './readiness';
import { redisDump } from './redisDump';
import { connectSocket, type ClientSocket } from './sockets';
import { startTestApp, type TestApp } from './testApp';
import { PASSWORD } from './users';
import type { MemberKind, PublicUser, Role } from '../../shared/schemas/auth';

/**
 * Two app instances in this process on the real clock, sharing one store and a real Redis (live state, the
 * Socket.IO streams adapter, the relay, rate limits), each with its own Redis connections, as two servers behind a
 * load balancer would be.
 */
export interface TwoInstances {
  a: TestApp;
  b: TestApp;
  db: Db;
  /** A Redis connection of the test's own, to look at what the instances left there. */
  redis: RedisClient;
  /** A new account, having agreed to the pledge, signed in over HTTP, with a socket on instance `on`. */
  person(on: 'a' | 'b', role: Role, firstName: string, memberKind?: MemberKind | null): Promise<{ user: PublicUser; http: ApiClient; socket: ClientSocket; cookie: string }>;
  /** Another socket for a signed-in person, on an instance. */
  socketOn(on: 'a' | 'b', cookie: string): Promise<ClientSocket>;
  /** Every key and value in Redis, streams included, as text. */
  redisDump(): Promise<string>;
  close(): Promise<void>;
}

let seq = 0;

export async function startTwoInstances(env: Record<string, string> = {}): Promise<TwoInstances> {
  const url = inject('redisUrl');
  const db = await openDb({ memory: true });
  const [ra, rb, redis] = await Promise.all([connectRedis(url), connectRedis(url), connectRedis(url)]);
  const a = await startTestApp({ db, redis: ra, env, now: 'real' });
  const b = await startTestApp({ db, redis: rb, env, now: 'real' });
  const sockets: ClientSocket[] = [];
  const apps = { a, b };
  const socketOn = async (on: 'a' | 'b', cookie: string) => {
    const s = await connectSocket(apps[on].url, cookie);
    sockets.push(s);
    return s;
  };
  return {
    a,
    b,
    db,
    redis,
    socketOn,
    async person(on, role, firstName, memberKind = role === 'member' ? 'lawyer' : null) {
      const email = `${firstName.toLowerCase()}-${process.pid}-${++seq}-${Date.now()}@example.ca`;
      const user = (await a.services.auth.createUser({ email, firstName, role, memberKind, password: PASSWORD }))!;
      await agreeToPledge(a, user.id);
      // Volunteers here are current (training and undertaking on record), as the red mug and host rights need.
      if (role === 'volunteer') await recordReadiness(a, user.id);
      const http = new ApiClient(apps[on].url);
      const res = await http.signIn(email, PASSWORD);
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
      const cookie = http.cookie('rm_sid')!;
      return { user, http, cookie, socket: await socketOn(on, cookie) };
    },
    redisDump: () => redisDump(redis),
    async close() {
      sockets.forEach((s) => s.disconnect());
      await a.close();
      await b.close();
      for (const r of [ra, rb, redis]) r.destroy();
      await db.close();
    },
  };
}
