import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/httpClient';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD } from '../support/users';

/** Issue #19: the language a person reads Red Mug in, chosen signed out (cookie) or signed in (account). */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await createPeople(app);
});
afterAll(async () => {
  await app?.close();
});

const put = (c: ApiClient, locale: string) => c.request('PUT', '/api/auth/locale', { json: { locale } });

describe('choosing a language', () => {
  it('signed out: the choice goes in the rm_locale cookie and the next session answer is French', async () => {
    const c = new ApiClient(app.url);
    await c.get('/api/auth/session');
    const res = await put(c, 'fr-CA');
    expect(res.status).toBe(200);
    expect(res.body.locale).toBe('fr-CA');
    expect(c.cookie('rm_locale')).toBe('fr-CA');
    const next = await c.get('/api/auth/session');
    expect(next.body.locale).toBe('fr-CA');
    expect(next.body.program.zoneLabel).toBe('heure de l’Alberta');
  });

  it('a French sign-in failure reads in French', async () => {
    const c = new ApiClient(app.url);
    await c.get('/api/auth/session');
    await put(c, 'fr-CA');
    const res = await c.post('/api/auth/login', { email: 'lawyer@example.ca', password: 'not the password' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Cette adresse courriel et ce mot de passe ne correspondent pas. Vérifiez-les et réessayez.' });
    // Without a choice, the same failure in English, word for word as before.
    const en = new ApiClient(app.url);
    await en.get('/api/auth/session');
    expect((await en.post('/api/auth/login', { email: 'lawyer@example.ca', password: 'not the password' })).body.message).toBe(
      'That email and password do not match. Check them and try again.',
    );
  });

  it('signed in: the choice is kept on the account, so a new sign-in elsewhere is French too', async () => {
    const here = new ApiClient(app.url);
    expect((await here.signIn('student@example.ca', PASSWORD)).body.locale).toBe('en-CA');
    const res = await put(here, 'fr-CA');
    expect(res.status).toBe(200);
    expect(res.body.user.locale).toBe('fr-CA');
    const elsewhere = new ApiClient(app.url);
    const signedIn = await elsewhere.signIn('student@example.ca', PASSWORD);
    expect(signedIn.body.locale).toBe('fr-CA');
    // And the server's refusals to that person are French.
    expect((await elsewhere.get('/api/people')).body.message).toBe('Votre compte ne permet pas de faire ceci. Demandez au personnel si vous croyez qu’il le devrait.');
  });

  it('a language not offered is refused with VALIDATION_FAILED', async () => {
    const c = new ApiClient(app.url);
    await c.get('/api/auth/session');
    const res = await put(c, 'de-DE');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(c.cookie('rm_locale')).toBeUndefined();
  });

  it('with no choice, Accept-Language decides: fr-CA,fr;q=0.9 gives fr-CA', async () => {
    const res = await fetch(`${app.url}/api/auth/session`, { headers: { 'accept-language': 'fr-CA,fr;q=0.9' } });
    expect((await res.json()).locale).toBe('fr-CA');
    const en = await fetch(`${app.url}/api/auth/session`, { headers: { 'accept-language': 'de-DE,en;q=0.5' } });
    expect((await en.json()).locale).toBe('en-CA');
  });
});
