import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLivekitBinary, startLocalLivekit, type LocalLivekit } from '../../server/src/livekit/localLivekit';
import { createMedia } from '../../server/src/livekit/media';
import { inboundBytes, launchBrowser, type TestBrowser } from '../support/browser';
import { openCircleNow } from '../support/openCircles';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople } from '../support/users';
import { enterCircleThroughUi, signInThroughUi } from '../support/circlePages';
import type { Page } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '../..');
const artifacts = path.join(root, 'test-results', 'e2e');

let livekit: LocalLivekit;
let app: TestApp;
let sessionId: string;
const browsers: TestBrowser[] = [];

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  const bin = findLivekitBinary(process.env.LIVEKIT_BIN);
  if (!bin) throw new Error('livekit-server is needed: run infra/provision.sh (npm test does)');
  livekit = await startLocalLivekit({ bin });
  app = await startTestApp({
    media: createMedia(livekit.connection),
    now: 'real',
    clientDir: path.join(root, 'client/dist'),
  });
  await createPeople(app);
  sessionId = await openCircleNow(app.db, 'e2e', 'Returning from leave');
});

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await app?.close();
  await livekit?.stop();
});

async function open(): Promise<Page> {
  const b = await launchBrowser();
  browsers.push(b);
  return b.page;
}

const signIn = (page: Page, email: string) => signInThroughUi(page, app.url, email, 'Returning from leave');
const enterCircle = (page: Page, displayName: string) => enterCircleThroughUi(page, sessionId, displayName);

describe('a member meets a red-mug volunteer in the Monday circle', () => {
  it('both see and hear each other, and only the volunteer wears the red mug', async () => {
    const [member, volunteer] = await Promise.all([open(), open()]);
    await Promise.all([signIn(member, 'lawyer@example.ca'), signIn(volunteer, 'volunteer@example.ca')]);
    await Promise.all([enterCircle(member, 'Lee'), enterCircle(volunteer, 'Val')]);

    for (const page of [member, volunteer]) {
      await expect.poll(() => page.getByTestId('participant-tile').count(), { timeout: 30_000 }).toBe(2);
    }

    // Real media: bytes arriving on both audio and video, and still growing.
    for (const page of [member, volunteer]) {
      await expect
        .poll(() => inboundBytes(page), { timeout: 30_000 })
        .toSatisfy((b: { audio: number; video: number }) => b.audio > 0 && b.video > 0);
      const before = await inboundBytes(page);
      await expect
        .poll(() => inboundBytes(page), { timeout: 15_000 })
        .toSatisfy((b: { audio: number; video: number }) => b.audio > before.audio && b.video > before.video);
    }

    // The member sees the badge on the volunteer's tile, not on their own.
    const remote = member.locator('[data-testid="participant-tile"][data-local="false"]');
    const local = member.locator('[data-testid="participant-tile"][data-local="true"]');
    await expect.poll(() => remote.getByTestId('red-mug-badge').count()).toBe(1);
    expect(await local.getByTestId('red-mug-badge').count()).toBe(0);
    expect(await remote.textContent()).toContain('Val');
    expect(await remote.getByTestId('red-mug-badge').textContent()).toMatch(/Red mug volunteer/i);
    // And the volunteer sees no badge on the member.
    const memberTileForVolunteer = volunteer.locator('[data-testid="participant-tile"][data-local="false"]');
    expect(await memberTileForVolunteer.getByTestId('red-mug-badge').count()).toBe(0);
    // The participant list shows the same.
    const list = member.getByRole('list', { name: 'People in the circle' });
    expect(await list.getByText('Val').count()).toBeGreaterThan(0);
    expect(await list.getByTestId('red-mug-badge').count()).toBe(1);

    await member.screenshot({ path: path.join(artifacts, 'circle-member.png') });

    await member.getByRole('button', { name: 'Leave' }).click();
    await member.waitForURL(`${app.url}/`);
    await expect.poll(() => volunteer.getByTestId('participant-tile').count(), { timeout: 30_000 }).toBe(1);
  });

  it('with LiveKit stopped, the circle page says plainly that audio and video are unavailable', async () => {
    await livekit.halt();
    try {
      const page = await open();
      await signIn(page, 'student@example.ca');
      await enterCircleThroughUi(page, sessionId, 'Sam', { media: false });
      const alert = page.getByRole('alert').filter({ hasText: 'Audio and video are unavailable' });
      await alert.waitFor({ timeout: 20_000 });
      expect(await page.getByText('Returning from leave').count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(artifacts, 'circle-no-media.png') });
    } finally {
      await livekit.restart();
    }
  });
});
