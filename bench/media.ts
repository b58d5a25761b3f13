import path from 'node:path';
import type { Page } from 'playwright-core';
import { findLivekitBinary, startLocalLivekit } from '../server/src/livekit/localLivekit';
import { createMedia } from '../server/src/livekit/media';
import { launchBrowser } from '../tests/support/browser';
import { openCircleNow } from '../tests/support/openCircles';
import { startTestApp } from '../tests/support/testApp';
import { createPeople, PASSWORD } from '../tests/support/users';
import { ROOT } from './servers';
import { summarize } from './stats';

async function signIn(page: Page, url: string, email: string) {
  await page.goto(`${url}/signin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Join the circle' }).waitFor();
}

/** From home to a pre-join page with the camera on, ready to press "Enter the circle". */
async function toPreJoin(page: Page, url: string) {
  await page.goto(`${url}/`);
  await page.getByRole('button', { name: 'Join the circle' }).click();
  await page.getByRole('button', { name: 'Camera', exact: true }).click();
  await page.locator('video').first().waitFor();
}

/**
 * Time from pressing "Enter the circle" to the first decoded frame of the other person's video, with real
 * livekit-server and two Chromium processes; `runs` times, as the person leaves and enters again. This is the
 * whole encrypted path: the key over the live socket first, then LiveKit, then a frame decrypted and decoded.
 */
export async function firstRemoteFrame(runs: number) {
  const bin = findLivekitBinary(process.env.LIVEKIT_BIN);
  if (!bin) throw new Error('livekit-server not found: run infra/livekit/ensure-livekit.sh');
  const livekit = await startLocalLivekit({ bin });
  // Chromium and livekit-server read the real clock, so the app does too, with a circle open now.
  const app = await startTestApp({ media: createMedia(livekit.connection), now: 'real', clientDir: path.join(ROOT, 'client/dist') });
  const [a, b] = await Promise.all([launchBrowser(), launchBrowser()]);
  try {
    const SESSION = await openCircleNow(app.db, 'bench-media', 'First frames');
    await createPeople(app);
    await Promise.all([signIn(a.page, app.url, 'lawyer@example.ca'), signIn(b.page, app.url, 'volunteer@example.ca')]);
    await toPreJoin(b.page, app.url);
    await b.page.getByRole('button', { name: 'Enter the circle' }).click();
    await b.page.waitForURL(new RegExp(`/circles/${SESSION}$`));
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      await toPreJoin(a.page, app.url);
      const t0 = await a.page.evaluate(() => performance.now());
      await a.page.getByRole('button', { name: 'Enter the circle' }).click();
      await a.page.waitForFunction(
        () =>
          [...document.querySelectorAll<HTMLVideoElement>('[data-testid="participant-tile"][data-local="false"] video')].some(
            (v) => v.readyState >= 2 && v.videoWidth > 0,
          ),
        undefined,
        { timeout: 30_000, polling: 'raf' },
      );
      times.push((await a.page.evaluate(() => performance.now())) - t0);
      await a.page.getByRole('button', { name: 'Leave' }).click();
      await a.page.waitForURL(`${app.url}/`);
    }
    return { runs, firstRemoteFrameMs: summarize(times), samplesMs: times };
  } finally {
    await Promise.all([a.close(), b.close()]);
    await app.close();
    await livekit.stop();
  }
}
