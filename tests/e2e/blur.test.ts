import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { videoSharpness } from '../support/browser';
import { enterCircleThroughUi, signInThroughUi } from '../support/circlePages';
import { e2eSetup } from '../support/e2e';
import { checkerboardCamera } from '../support/fakeCamera';
import { openCircleNow } from '../support/openCircles';

/**
 * Background blur (issue #16), judged by what the others receive: Lee's camera films a checkerboard, so the
 * picture Sam's browser decodes is full of sharp edges until Lee blurs the background, and then it is not. The
 * model and its runtime come from our own server; nothing is asked of any other address.
 */
const e2e = e2eSetup({ livekit: 'media' });
let sessionId: string;
let camera: string;

beforeAll(async () => {
  sessionId = await openCircleNow(e2e.app.db, 'blur', 'Working from home');
  camera = checkerboardCamera(mkdtempSync(path.join(tmpdir(), 'redmug-camera-')));
});

const blurButton = (page: Page) => page.getByRole('button', { name: 'Blur background' });
const remoteTile = '[data-testid="participant-tile"][data-local="false"]';
const sharpness = async (page: Page, selector: string) => (await videoSharpness(page, selector)) ?? -1;

describe('background blur', () => {
  it('blurs what the others see, with every asset from our own server, and is remembered for the next circle', async () => {
    const lee = await e2e.open({ fakeVideo: camera });
    const sam = await e2e.open();
    const elsewhere: string[] = [];
    const blurAssets = new Set<string>();
    lee.context().on('request', (req) => {
      const url = new URL(req.url());
      if (url.protocol === 'blob:' || url.protocol === 'data:') return;
      if (url.hostname !== '127.0.0.1') elsewhere.push(req.url());
      if (url.origin === e2e.app.url && url.pathname.startsWith('/blur/')) blurAssets.add(url.pathname);
    });
    await Promise.all([
      signInThroughUi(lee, e2e.app.url, 'lawyer@example.ca', 'Working from home'),
      signInThroughUi(sam, e2e.app.url, 'student@example.ca', 'Working from home'),
    ]);
    await enterCircleThroughUi(lee, sessionId, 'Lee');
    await enterCircleThroughUi(sam, sessionId, 'Sam', { media: false });

    // Unblurred, Sam sees the checkerboard's edges.
    await expect.poll(() => sharpness(sam, remoteTile), { timeout: 30_000 }).toBeGreaterThan(20);
    const before = await sharpness(sam, remoteTile);

    // Lee blurs the background from the call's devices; Sam's picture goes soft.
    expect(await blurButton(lee).getAttribute('aria-pressed')).toBe('false');
    await blurButton(lee).click();
    await expect.poll(() => blurButton(lee).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => sharpness(sam, remoteTile), { timeout: 30_000 }).toBeLessThan(before / 5);
    await e2e.screenshot(sam, 'blur-seen-by-others.png');
    expect([...blurAssets].sort()).toEqual(
      expect.arrayContaining(['/blur/selfie_segmentation_landscape.tflite', '/blur/twilio-gaussian-blur-background-processor-pipeline-worker.js']),
    );

    // And back: off again, the edges return.
    await blurButton(lee).click();
    await expect.poll(() => sharpness(sam, remoteTile), { timeout: 30_000 }).toBeGreaterThan(before / 2);
    await blurButton(lee).click();
    await expect.poll(() => sharpness(sam, remoteTile), { timeout: 30_000 }).toBeLessThan(before / 5);

    // Next time, the pre-join page starts with blur on, and its preview is already blurred.
    await lee.getByRole('button', { name: 'Leave' }).click();
    await lee.getByRole('button', { name: 'Leave' }).waitFor({ state: 'detached' });
    await lee.goto(`${e2e.app.url}/circles/${sessionId}/join`);
    await lee.getByText('Nothing in a circle is recorded').waitFor();
    await expect.poll(() => blurButton(lee).getAttribute('aria-pressed')).toBe('true');
    await lee.getByRole('button', { name: 'Camera', exact: true }).click();
    await expect.poll(() => sharpness(lee, '.camera-preview'), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => sharpness(lee, '.camera-preview'), { timeout: 30_000 }).toBeLessThan(before / 5);
    await e2e.screenshot(lee, 'blur-prejoin.png');

    // The speaker test plays a chime to the end (Chromium plays it, headless too) and asks whether it was heard.
    await lee.getByRole('button', { name: 'Play a test sound' }).click();
    await lee.getByText('Did you hear a chime?').waitFor({ timeout: 15_000 });

    expect(elsewhere).toEqual([]);
  });
});
