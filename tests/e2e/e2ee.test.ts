import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { participantIdentity, roomNameFor } from '../../server/src/livekit/identities';
import { framesDecoded, inboundBytes } from '../support/browser';
import { enterCircleThroughUi, signInThroughUi } from '../support/circlePages';
import { e2eSetup } from '../support/e2e';
import { GCM } from '../support/livekit';
import { ApiClient } from '../support/httpClient';
import { joinLivekitAlone } from '../support/livekitPage';
import { openCircleNow } from '../support/openCircles';
import { TEST_SECRET } from '../support/testApp';
import { PASSWORD } from '../support/users';

const e2e = e2eSetup({ livekit: 'media' });
let sessionId: string;

beforeAll(async () => {
  sessionId = await openCircleNow(e2e.app.db, 'e2ee', 'Keeping confidences');
});

const signIn = (page: Page, email: string) => signInThroughUi(page, e2e.app.url, email, 'Keeping confidences');

/** Audio and video bytes arrive, and video frames are decoded, and all of it keeps growing. */
async function seesAndHears(page: Page) {
  await expect.poll(() => inboundBytes(page), { timeout: 30_000 }).toSatisfy((b: { audio: number; video: number }) => b.audio > 0 && b.video > 0);
  await expect.poll(() => framesDecoded(page), { timeout: 30_000 }).toBeGreaterThan(0);
  // Growth is judged against the last sample: when someone leaves, their receivers' stats drop out of the totals
  // (which then fall), so the baseline moves down with them rather than asking the others to make up the loss.
  let bytes = await inboundBytes(page);
  let frames = await framesDecoded(page);
  await expect
    .poll(
      async () => {
        const now = await inboundBytes(page);
        const grew = now.audio > bytes.audio && now.video > bytes.video;
        if (now.audio < bytes.audio || now.video < bytes.video) bytes = now;
        return grew;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  await expect
    .poll(
      async () => {
        const now = await framesDecoded(page);
        const grew = now > frames;
        if (now < frames) frames = now;
        return grew;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
}

const mark = (page: Page) => page.getByTestId('e2ee-mark');

describe('circle media is end-to-end encrypted', () => {
  it('people in the circle see and hear each other; LiveKit, a token without the key and a removed person do not', async () => {
    const [host, member, volunteer] = await Promise.all([e2e.open(), e2e.open(), e2e.open()]);
    await Promise.all([signIn(host, 'staff@example.ca'), signIn(member, 'lawyer@example.ca'), signIn(volunteer, 'volunteer@example.ca')]);
    await Promise.all([
      enterCircleThroughUi(host, sessionId, 'Sasha'),
      enterCircleThroughUi(member, sessionId, 'Lee'),
      enterCircleThroughUi(volunteer, sessionId, 'Val'),
    ]);
    for (const page of [host, member, volunteer]) {
      await expect.poll(() => page.getByTestId('participant-tile').count(), { timeout: 30_000 }).toBe(3);
    }
    for (const page of [host, member, volunteer]) await seesAndHears(page);
    for (const page of [host, member, volunteer]) {
      await mark(page).waitFor({ timeout: 15_000 });
      expect(await mark(page).getAttribute('data-epoch')).toBe('0');
    }
    await e2e.screenshot(host, 'e2ee-circle.png');

    // On LiveKit's side, every published track is encrypted (AES-GCM): the media server relays what it cannot read.
    const rooms = e2e.app.media.roomService()!;
    const participants = await rooms.listParticipants(roomNameFor(TEST_SECRET, sessionId));
    const tracks = participants.flatMap((p) => p.tracks);
    expect(participants).toHaveLength(3);
    expect(tracks.length).toBeGreaterThanOrEqual(6);
    for (const t of tracks) expect(t.encryption, `${t.type} track`).toBe(GCM);

    // Someone with a valid token from our join route, but never given the key: packets arrive, no frame decodes.
    const intruder = await e2e.open();
    const http = new ApiClient(e2e.app.url);
    expect((await http.signIn('student@example.ca', PASSWORD)).status).toBe(200);
    const joined = await http.post(`/api/circles/sessions/${sessionId}/join`, { displayName: 'Sam' });
    expect(joined.status).toBe(200);
    const { serverUrl, token } = joined.body.media as { serverUrl: string; token: string };
    await joinLivekitAlone(intruder, e2e.app.url, { serverUrl, token }, { e2eeKey: randomBytes(32).toString('base64') });
    await expect.poll(() => inboundBytes(intruder), { timeout: 30_000 }).toSatisfy((b: { audio: number; video: number }) => b.video > 0);
    const seen = await inboundBytes(intruder);
    await expect.poll(() => inboundBytes(intruder), { timeout: 15_000 }).toSatisfy((b: { audio: number; video: number }) => b.video > seen.video);
    expect(await framesDecoded(intruder)).toBe(0);
    await intruder.close();

    // The host removes Lee: the key moves on, the people still there get it at once and keep seeing each other.
    const lee = await host.getByTestId('participant-tile').filter({ hasText: 'Lee' }).count();
    expect(lee).toBe(1);
    await host.getByRole('button', { name: 'Remove Lee' }).click();
    await host.getByRole('button', { name: 'Confirm removing Lee' }).click();
    await member.getByRole('alert').filter({ hasText: 'removed you' }).waitFor();
    for (const page of [host, volunteer]) {
      await expect.poll(() => mark(page).getAttribute('data-epoch'), { timeout: 15_000 }).toBe('1');
      await expect.poll(() => page.getByTestId('participant-tile').count(), { timeout: 30_000 }).toBe(2);
    }
    for (const page of [host, volunteer]) await seesAndHears(page);
  });

  it('a browser that cannot encrypt is told before it tries, and takes part in text only, never in LiveKit', async () => {
    const [host, student] = await Promise.all([e2e.open(), e2e.open()]);
    // A browser without insertable streams or script transforms: livekit-client cannot encrypt there.
    await student.addInitScript(() => {
      delete (window as unknown as { RTCRtpScriptTransform?: unknown }).RTCRtpScriptTransform;
      delete (RTCRtpSender.prototype as unknown as { createEncodedStreams?: unknown }).createEncodedStreams;
    });
    await Promise.all([signIn(host, 'staff@example.ca'), signIn(student, 'student@example.ca')]);
    await enterCircleThroughUi(host, sessionId, 'Sasha');

    // Said on the pre-join page, before they try.
    await student.getByRole('button', { name: 'Join the circle' }).click();
    await student.getByTestId('e2ee-unsupported').getByText('cannot encrypt them end to end').waitFor();
    await student.getByLabel('Display name').fill('Sam');
    await student.getByRole('button', { name: 'Enter the circle' }).click();
    await student.waitForURL(new RegExp(`/circles/${sessionId}$`));
    await student.getByRole('alert').filter({ hasText: 'You can still follow the circle here in text' }).waitFor();
    // Nothing to try again: the browser, not the connection, is the reason.
    expect(await student.getByRole('button', { name: 'Try again' }).count()).toBe(0);

    // In the live circle by text: the host sees Sam arrive and reads what Sam writes.
    await host.getByRole('list', { name: 'People in the circle' }).getByText('Sam').waitFor();
    const line = `text only ${randomBytes(4).toString('hex')}`;
    await student.getByLabel('Message').fill(line);
    await student.getByRole('button', { name: 'Send' }).click();
    await host.getByRole('list', { name: 'Messages' }).getByText(line).waitFor();
    await e2e.screenshot(student, 'e2ee-unsupported.png');

    // No media at all: the page opened no peer connection, and LiveKit never saw Sam.
    expect(await student.evaluate(() => (window as unknown as { __peerConnections: unknown[] }).__peerConnections.length)).toBe(0);
    const rooms = e2e.app.media.roomService()!;
    const identities = async () => (await rooms.listParticipants(roomNameFor(TEST_SECRET, sessionId))).map((p) => p.identity);
    await expect.poll(identities, { timeout: 30_000 }).toContain(participantIdentity(TEST_SECRET, e2e.people.staff.id, sessionId));
    expect(await identities()).not.toContain(participantIdentity(TEST_SECRET, e2e.people.student.id, sessionId));
  });
});

