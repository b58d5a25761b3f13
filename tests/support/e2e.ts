import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { LocalLivekit } from '../../server/src/livekit/localLivekit';
import { createMedia } from '../../server/src/livekit/media';
import { connectRedis, type RedisClient } from '../../server/src/redis';
import { launchBrowser, type BrowserOptions, type TestBrowser } from './browser';
import { startTestLivekit } from './livekit';
import { startTestApp, type TestApp } from './testApp';
import { createPeople, type People } from './users';

const root = path.resolve(import.meta.dirname, '../..');
/** Screenshots the end-to-end tests keep (README: test-results/e2e/). */
export const ARTIFACTS = path.join(root, 'test-results', 'e2e');

export interface E2e {
  app: TestApp;
  people: People;
  /** The file's livekit-server, when it asked for one. */
  livekit: LocalLivekit;
  /** The app's Redis, emptied first, when the file gave a Redis URL. */
  redis: RedisClient;
  /** A fresh Chromium (its own empty profile), closed with the file. */
  open(opts?: BrowserOptions): Promise<Page>;
  /** The same, with its context, for tests that grant permissions or open more pages. */
  browser(opts?: BrowserOptions): Promise<TestBrowser>;
  /** Keeps a screenshot under test-results/e2e/. */
  screenshot(page: Page, name: string, opts?: { fullPage?: boolean }): Promise<void>;
}

/**
 * What every end-to-end file sets up, in its beforeAll and afterAll: the real app serving the built client on the
 * real clock (Chromium and LiveKit read the same one), the four people of `createPeople`, optionally a real
 * livekit-server (`'media'`, or `'webhooks'` to have its webhooks reach the app too), live state in an emptied Redis
 * when given its URL, and the browsers it opened, closed afterwards. Call it at the top of a file or of a describe; read the fields inside tests.
 */
export function e2eSetup(
  opts: { livekit?: 'none' | 'media' | 'webhooks'; env?: Record<string, string>; redisUrl?: string; publicUrlIsSelf?: boolean } = {},
): E2e {
  const mode = opts.livekit ?? 'none';
  const browsers: TestBrowser[] = [];
  const world = {
    async browser(o: BrowserOptions = {}) {
      const b = await launchBrowser(o);
      browsers.push(b);
      return b;
    },
    async open(o: BrowserOptions = {}) {
      return (await world.browser(o)).page;
    },
    async screenshot(page: Page, name: string, o: { fullPage?: boolean } = {}) {
      await page.screenshot({ path: path.join(ARTIFACTS, name), ...o });
    },
  } as E2e;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    if (opts.redisUrl) {
      world.redis = await connectRedis(opts.redisUrl);
      await world.redis.flushAll();
    }
    // With webhooks, the app first (LiveKit needs its URL), then LiveKit, then the app learns where LiveKit is.
    if (mode === 'media') world.livekit = await startTestLivekit();
    world.app = await startTestApp({
      now: 'real',
      clientDir: path.join(root, 'client/dist'),
      media: createMedia(mode === 'media' ? world.livekit.connection : null),
      env: opts.env,
      redis: world.redis,
      publicUrlIsSelf: opts.publicUrlIsSelf,
    });
    if (mode === 'webhooks') {
      world.livekit = await startTestLivekit({ webhookUrl: `${world.app.url}/api/livekit/webhook` });
      world.app.media.setConnection(world.livekit.connection);
    }
    world.people = await createPeople(world.app);
  });
  afterAll(async () => {
    await Promise.all(browsers.splice(0).map((b) => b.close()));
    await world.app?.close();
    await world.livekit?.stop();
    world.redis?.destroy();
  });
  return world;
}
