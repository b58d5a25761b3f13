import { beforeAll, describe, expect, it } from 'vitest';
import { roomNameFor } from '../../server/src/livekit/identities';
import { expectAccessible } from '../support/axe';
import { enterCircleThroughUi, signInThroughUi } from '../support/circlePages';
import { e2eSetup } from '../support/e2e';
import { ApiClient } from '../support/httpClient';
import { joinLivekitAlone } from '../support/livekitPage';
import { openCircleNow } from '../support/openCircles';
import { TEST_SECRET } from '../support/testApp';
import { PASSWORD } from '../support/users';

/**
 * Moderation reaches everyone LiveKit has in the circle (issue #17, item 4): someone who took a LiveKit token from
 * the join route and never opened the circle's page (so never its live socket) is listed for the host — as a guest
 * "not connected to the circle's chat" — and the host can remove them, from LiveKit and for good.
 */
const e2e = e2eSetup({ livekit: 'webhooks' });
let sessionId: string;

beforeAll(async () => {
  sessionId = await openCircleNow(e2e.app.db, 'media-only', 'Only in the media');
});

describe('someone in LiveKit without the live circle', () => {
  it('is listed for the host as not connected to the chat, and the host removes them from LiveKit for good', async () => {
    const host = await e2e.open();
    await signInThroughUi(host, e2e.app.url, 'staff@example.ca', 'Only in the media');
    await enterCircleThroughUi(host, sessionId, 'Sasha', { media: false });
    await host.getByRole('heading', { name: /People here/ }).waitFor();

    // Sam takes a token from the join route and connects with livekit-client alone: no page, no socket.
    const http = new ApiClient(e2e.app.url);
    expect((await http.signIn('student@example.ca', PASSWORD)).status).toBe(200);
    const joined = await http.post(`/api/circles/sessions/${sessionId}/join`, { displayName: 'Sam' });
    const { serverUrl, token } = joined.body.media as { serverUrl: string; token: string };
    const sam = await e2e.open();
    await joinLivekitAlone(sam, e2e.app.url, { serverUrl, token });

    const people = host.getByRole('list', { name: 'People in the circle' });
    const guest = people.getByRole('listitem').filter({ hasText: "Not connected to the circle's chat" });
    await guest.waitFor({ timeout: 30_000 });
    expect(await guest.textContent()).toContain('Guest');
    await expectAccessible(host, 'the host sees someone in LiveKit only');

    await guest.getByRole('button', { name: 'Remove Guest' }).click();
    await guest.getByRole('button', { name: 'Confirm removing Guest' }).click();
    const rooms = e2e.app.media.roomService()!;
    const room = roomNameFor(TEST_SECRET, sessionId);
    await expect.poll(async () => (await rooms.listParticipants(room)).map((p) => p.attributes.role).sort(), { timeout: 15_000 }).toEqual(['staff']);
    await guest.waitFor({ state: 'detached', timeout: 15_000 });
    // And for good: the join route gives Sam no new token.
    const again = await http.post(`/api/circles/sessions/${sessionId}/join`, { displayName: 'Sam' });
    expect(again.status).toBe(403);
    expect(again.body.code).toBe('REMOVED');
  });
});

describe('an account disabled while it is in LiveKit without the live circle', () => {
  it('is taken out of the circle\'s LiveKit room at once', async () => {
    const circle = await openCircleNow(e2e.app.db, 'media-only-disabled', 'Disabled in the media');
    const http = new ApiClient(e2e.app.url);
    expect((await http.signIn('lawyer@example.ca', PASSWORD)).status).toBe(200);
    const joined = await http.post(`/api/circles/sessions/${circle}/join`, { displayName: 'Lee' });
    const { serverUrl, token } = joined.body.media as { serverUrl: string; token: string };
    await joinLivekitAlone(await e2e.open(), e2e.app.url, { serverUrl, token });
    const rooms = e2e.app.media.roomService()!;
    const room = roomNameFor(TEST_SECRET, circle);
    await expect.poll(async () => (await rooms.listParticipants(room)).length, { timeout: 15_000 }).toBe(1);

    const staff = new ApiClient(e2e.app.url);
    expect((await staff.signIn('staff@example.ca', PASSWORD)).status).toBe(200);
    expect((await staff.post(`/api/people/${e2e.people.lawyer.id}/disabled`, { disabled: true })).status).toBe(200);
    await expect.poll(async () => (await rooms.listParticipants(room)).length, { timeout: 15_000 }).toBe(0);
  });
});
