import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const lkDist = path.resolve(import.meta.dirname, '../../node_modules/livekit-client/dist');

/**
 * `page` joins a LiveKit room with livekit-client alone — no app page, no live socket — as a client we did not
 * write would: livekit-client is served by the test at the app's origin (where the CSP lets pages reach
 * LiveKit), not by the app. With `e2eeKey` (base64), it encrypts with that key. The Room is `window.room`.
 */
export async function joinLivekitAlone(page: Page, appUrl: string, media: { serverUrl: string; token: string }, opts: { e2eeKey?: string } = {}): Promise<void> {
  const base = `${appUrl}/__lk-probe`;
  await page.route(`${base}/**`, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: readFileSync(path.join(lkDist, new URL(route.request().url()).pathname.split('/').pop()!)) }),
  );
  await page.goto(`${appUrl}/signin`);
  await page.addScriptTag({ url: `${base}/livekit-client.umd.js` });
  await page.evaluate(
    async ({ serverUrl, token, key, workerUrl }) => {
      const LK = (window as unknown as { LivekitClient: typeof import('livekit-client') }).LivekitClient;
      let room: InstanceType<typeof LK.Room>;
      if (key) {
        const keyProvider = new LK.ExternalE2EEKeyProvider();
        await keyProvider.setKey(Uint8Array.from(atob(key), (c) => c.charCodeAt(0)).buffer);
        room = new LK.Room({ e2ee: { keyProvider, worker: new Worker(workerUrl) } });
        await room.setE2EEEnabled(true);
      } else {
        room = new LK.Room();
      }
      await room.connect(serverUrl, token);
      (window as unknown as { room: unknown }).room = room;
    },
    { ...media, key: opts.e2eeKey ?? null, workerUrl: `${base}/livekit-client.e2ee.worker.js` },
  );
}
