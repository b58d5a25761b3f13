import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../shared/i18n/locales';
import { systemClock } from '../../server/src/clock';
import type { Db } from '../../server/src/store/db';
import { ApiClient } from '../support/httpClient';
import { openCircleNow } from '../support/openCircles';
import { agreeToPledge } from '../support/pledge';
import { recordReadiness } from '../support/readiness';
import { command, connectSocket, expectOk, next, raw, type ClientSocket } from '../support/sockets';
import { startTestApp, type TestApp } from '../support/testApp';
import { startTwoInstances } from '../support/twoInstances';
import { PASSWORD } from '../support/users';

/**
 * Issue #19: everything the live circle says leaves in each listener's language. One circle with people reading
 * English and French: their refusals, the notices the whole circle hears, and a change of language made over HTTP
 * while the socket is open. Run on one instance (memory adapter) and on two sharing Redis, where the socket of the
 * person who changes language is on the other instance than their HTTP request.
 */
interface Topology {
  apps: TestApp[];
  db: Db;
  close(): Promise<void>;
}

const topologies: Array<[string, () => Promise<Topology>]> = [
  [
    'one instance',
    async () => {
      const app = await startTestApp({ now: 'real' });
      return { apps: [app], db: app.db, close: () => app.close() };
    },
  ],
  [
    'two instances on Redis',
    async () => {
      const two = await startTwoInstances();
      return { apps: [two.a, two.b], db: two.db, close: () => two.close() };
    },
  ],
];

describe.each(topologies)('the live circle in each person’s language, on %s', (_name, makeTopology) => {
  let t: Topology;
  let circle: string;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    t = await makeTopology();
    circle = await openCircleNow(t.db, `two-languages-${randomBytes(3).toString('hex')}`, 'Talking in two languages');
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t?.close();
  });

  const setLocale = (http: ApiClient, locale: Locale) => http.request('PUT', '/api/auth/locale', { json: { locale } });

  /**
   * Someone signed in over HTTP on the first instance, having chosen `locale` there (else none: English), with a
   * socket on instance `socketOn` (the last one there is, with fewer), joined to the circle under `name`.
   */
  async function joined(role: 'member' | 'volunteer' | 'staff', name: string, socketOn: number, locale?: Locale) {
    const email = `${role}-${randomBytes(4).toString('hex')}@example.ca`;
    const user = await t.apps[0]!.services.auth.createUser({ email, firstName: name, role, memberKind: role === 'member' ? 'lawyer' : null, password: PASSWORD });
    await agreeToPledge({ db: t.db, clock: systemClock }, user!.id);
    if (role === 'volunteer') await recordReadiness({ db: t.db, clock: systemClock }, user!.id);
    const http = new ApiClient(t.apps[0]!.url);
    expect((await http.signIn(email, PASSWORD)).status).toBe(200);
    if (locale) expect((await setLocale(http, locale)).status).toBe(200);
    const socket = await connectSocket(t.apps[Math.min(socketOn, t.apps.length - 1)]!.url, http.cookie('rm_sid'));
    sockets.push(socket);
    const snapshot = expectOk(await command(socket, 'circle:join', { sessionId: circle, displayName: name }));
    return { http, socket, snapshot, identity: snapshot.you.identity };
  }

  let host: Awaited<ReturnType<typeof joined>>;
  let lee: Awaited<ReturnType<typeof joined>>;
  let elise: Awaited<ReturnType<typeof joined>>;
  let val: Awaited<ReturnType<typeof joined>>;
  beforeAll(async () => {
    // Staff first: with staff in the circle, nobody takes over hosting by themselves.
    host = await joined('staff', 'Sasha', 0);
    lee = await joined('member', 'Lee', 1);
    elise = await joined('member', 'Élise', 0, 'fr-CA');
    val = await joined('volunteer', 'Val', 1);
  });

  it('each person’s failing command is answered in their own language', async () => {
    expect(await command(lee.socket, 'circle:lock', { locked: true })).toEqual({ ok: false, code: 'FORBIDDEN', message: 'Only the host of this circle can do that.' });
    expect(await command(elise.socket, 'circle:lock', { locked: true })).toEqual({ ok: false, code: 'FORBIDDEN', message: 'Seul l’animateur de ce cercle peut faire cela.' });

    // A schema's own message, put in the person's words with the field it is about.
    const long = { text: 'x'.repeat(501) };
    expect(await command(lee.socket, 'chat:send', long)).toEqual({ ok: false, code: 'VALIDATION_FAILED', message: 'text: Keep messages under 500 characters' });
    expect(await command(elise.socket, 'chat:send', long)).toEqual({
      ok: false,
      code: 'VALIDATION_FAILED',
      message: 'text : Les messages doivent compter moins de 500 caractères',
    });
    // zod's own words, in the locale it parsed in, when the payload is not even an object.
    expect(await raw(lee.socket, 'chat:send', 'hello')).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: expect.stringMatching(/^Invalid input/) });
    expect(await raw(elise.socket, 'chat:send', 'bonjour')).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: expect.stringMatching(/^Entrée invalide/) });

    expect(await raw(lee.socket, 'circle:dance', {})).toEqual({ ok: false, code: 'UNKNOWN_EVENT', message: 'There is no command called "circle:dance".' });
    expect(await raw(elise.socket, 'circle:dance', {})).toEqual({ ok: false, code: 'UNKNOWN_EVENT', message: 'Il n’existe aucune commande appelée « circle:dance ».' });
  });

  it('a notice to the whole circle reaches each socket in its person’s language', async () => {
    const heard = [lee, elise, val].map((p) => next(p.socket, 'host:changed', (e) => e.identity === val.identity));
    expectOk(await command(host.socket, 'host:handOver', { identity: val.identity }));
    const [toLee, toElise, toVal] = await Promise.all(heard);
    expect(toLee!.message).toBe('Val is now hosting.');
    expect(toElise!.message).toBe('Val anime maintenant le cercle.');
    expect(toVal!.message).toBe('Val is now hosting.');
  });

  it('a language chosen with PUT /api/auth/locale reaches the socket already open: its next ack, and the next notice', async () => {
    const lock = { locked: true };
    expect(await command(lee.socket, 'circle:lock', lock)).toMatchObject({ ok: false, message: 'Only the host of this circle can do that.' });
    // Over HTTP on the first instance; Lee's socket is on the other one when there are two.
    const res = await setLocale(lee.http, 'fr-CA');
    expect(res.status).toBe(200);
    expect(res.body.user.locale).toBe('fr-CA');
    expect(await command(lee.socket, 'circle:lock', lock)).toEqual({ ok: false, code: 'FORBIDDEN', message: 'Seul l’animateur de ce cercle peut faire cela.' });

    // The circle's notice that it ended: French for Lee now and for Élise, English for Val, on whichever instance.
    const ended = [lee, elise, val].map((p) => next(p.socket, 'circle:ended'));
    expectOk(await command(host.socket, 'circle:end', {}));
    const [toLee, toElise, toVal] = await Promise.all(ended);
    expect(toLee!.message).toBe('L’animateur a mis fin à ce cercle. Merci de votre présence.');
    expect(toElise!.message).toBe('L’animateur a mis fin à ce cercle. Merci de votre présence.');
    expect(toVal!.message).toBe('The host has ended this circle. Thank you for coming.');

    // And back to English: the next refusal is English again.
    expect((await setLocale(lee.http, 'en-CA')).status).toBe(200);
    expect(await command(lee.socket, 'hand:raise', {})).toEqual({ ok: false, code: 'NOT_IN_CIRCLE', message: 'You are not in a circle right now. Join the circle first.' });
    expect(await command(elise.socket, 'hand:raise', {})).toEqual({
      ok: false,
      code: 'NOT_IN_CIRCLE',
      message: 'Vous n’êtes dans aucun cercle en ce moment. Joignez-vous d’abord au cercle.',
    });
  });
});
