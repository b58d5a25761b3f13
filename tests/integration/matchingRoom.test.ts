import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateRequestBody, PeerProfile } from '../../shared/schemas/matching';
import { createCircleKeys } from '../../server/src/livekit/circleKeys';
import type { LocalLivekit } from '../../server/src/livekit/localLivekit';
import { createMedia } from '../../server/src/livekit/media';
import { signedInAs } from '../support/httpClient';
import { startTestLivekit } from '../support/livekit';
import { startTestApp, TEST_E2EE_SECRET, type TestApp } from '../support/testApp';
import { createPeople, type People } from '../support/users';

let livekit: LocalLivekit;
let app: TestApp;
let people: People;
let matchId: string;

const signedIn = (email: string) => signedInAs(app.url, email);

beforeAll(async () => {
  livekit = await startTestLivekit();
  // Nothing here depends on the date, and livekit-server runs beside it on the real clock: so does the app.
  app = await startTestApp({ media: createMedia(livekit.connection), now: 'real' });
  people = await createPeople(app);
  const m = app.services.matching;
  await m.saveProfile(people.volunteer, PeerProfile.parse({ capacity: 1, available: true }));
  const { id } = await m.createRequest(people.lawyer, CreateRequestBody.parse({ category: 'family', contact: { method: 'email', email: 'l@example.ca' } }));
  matchId = (await m.propose(people.staff, id, people.volunteer.id)).id;
});
afterAll(async () => {
  await app?.close();
  await livekit?.stop();
});

describe("the matched pair's private video room", () => {
  it('opens only once the match is active', async () => {
    const res = await (await signedIn('lawyer@example.ca')).post(`/api/matching/matches/${matchId}/room`, { displayName: 'Lee' });
    expect(res.status).toBe(409);
    await app.services.matching.respond(people.volunteer, matchId, true);
  });

  it('admits the caller and the volunteer to the same room with opaque identities and the circle grants', async () => {
    const verifier = new TokenVerifier(livekit.connection.apiKey, livekit.connection.apiSecret);
    const claims = [];
    for (const [email, name] of [['lawyer@example.ca', 'Lee'], ['volunteer@example.ca', 'Val']] as const) {
      const res = await (await signedIn(email)).post(`/api/matching/matches/${matchId}/room`, { displayName: name });
      expect(res.status).toBe(200);
      expect(res.body.media.available).toBe(true);
      const c = await verifier.verify(res.body.media.token);
      expect(c.sub).toBe(res.body.identity);
      expect(c.sub).toMatch(/^p_[A-Za-z0-9_-]{22}$/);
      expect(c.video).toMatchObject({ roomJoin: true, roomAdmin: false, roomRecord: false, canUpdateOwnMetadata: false });
      expect(c.exp! - c.nbf!).toBeLessThanOrEqual(600);
      claims.push(c);
    }
    expect(claims[0]!.video?.room).toBe(claims[1]!.video?.room);
    expect(claims[0]!.video?.room).toMatch(/^r_/);
    expect(claims[0]!.video?.room).not.toContain(matchId);
    expect(claims[0]!.sub).not.toBe(claims[1]!.sub);
    expect(claims[1]!.attributes).toEqual({ role: 'volunteer', badge: 'red-mug' });
  });

  it("hands both of them the room's end-to-end key, kept by no cache, and in nothing LiveKit sees", async () => {
    const key = createCircleKeys(TEST_E2EE_SECRET).pairKeyFor(matchId).toString('base64url');
    for (const [email, name] of [['lawyer@example.ca', 'Lee'], ['volunteer@example.ca', 'Val']] as const) {
      const res = await (await signedIn(email)).post(`/api/matching/matches/${matchId}/room`, { displayName: name });
      expect(res.status).toBe(200);
      expect(res.body.e2ee).toEqual({ epoch: 0, key });
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(res.body.media.token).not.toContain(key);
      expect(JSON.stringify(await new TokenVerifier(livekit.connection.apiKey, livekit.connection.apiSecret).verify(res.body.media.token))).not.toContain(key);
    }
    // Not any circle's key, even for a session id spelled like the match.
    expect(createCircleKeys(TEST_E2EE_SECRET).keyFor(matchId, 0).toString('base64url')).not.toBe(key);
  });

  it.each([
    ['student@example.ca', 404],
    ['staff@example.ca', 404],
  ])('%s cannot get in (%i)', async (email, status) => {
    const res = await (await signedIn(email)).post(`/api/matching/matches/${matchId}/room`, { displayName: 'X' });
    expect(res.status).toBe(status);
  });

  it('needs a display name and a valid id', async () => {
    const c = await signedIn('lawyer@example.ca');
    expect((await c.post(`/api/matching/matches/${matchId}/room`, {})).status).toBe(400);
    expect((await c.post('/api/matching/matches/nope/room', { displayName: 'Lee' })).status).toBe(400);
  });
});
