import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createMedia } from '../../server/src/livekit/media';
import { connectRedis, type RedisClient } from '../../server/src/redis';
import { openDb, type Db } from '../../server/src/store/db';
import { launchBrowser, type BrowserOptions, type TestBrowser } from './browser';
import { ARTIFACTS } from './e2e';
import { startLivekitCluster, startLivekitFront, type LivekitCluster, type LivekitFront } from './livekitCluster';
import { startTestApp, type TestApp } from './testApp';
import { createPeople, type People } from './users';

const root = path.resolve(import.meta.dirname, '../..');

export interface ClusterWorld {
  cluster: LivekitCluster;
  /** Two app instances sharing one store and the cluster's Redis (live state, the Socket.IO adapter). */
  apps: [TestApp, TestApp];
  db: Db;
  people: People;
  /** The LiveKit URL each app hands out (`apps[i]` → `livekitUrls[i]`), http:// form. */
  livekitUrls: [string, string];
  open(opts?: BrowserOptions): Promise<Page>;
  screenshot(page: Page, name: string): Promise<void>;
}

/**
 * A LiveKit cluster of two nodes on loopback and two app instances in front of it, as a deployment with a node
 * per host would be; set up in beforeAll, torn down in afterAll. App `i` hands out node `i`'s URL: directly
 * (`'direct'`: whoever joins through app 0 signals through node 0, through app 1 through node 1), or through a front
 * that prefers node `i` and falls back to the other (`'failover'`: one URL that outlives a node).
 */
export function clusterSetup(opts: { livekitUrls: 'direct' | 'failover'; onLivekitLog?: (node: number, line: string) => void }): ClusterWorld {
  const browsers: TestBrowser[] = [];
  const fronts: LivekitFront[] = [];
  const redisClients: RedisClient[] = [];
  const world = {
    async open(o: BrowserOptions = {}) {
      const b = await launchBrowser(o);
      browsers.push(b);
      return b.page;
    },
    async screenshot(page: Page, name: string) {
      await page.screenshot({ path: path.join(ARTIFACTS, name) });
    },
  } as ClusterWorld;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    world.cluster = await startLivekitCluster({ onLog: opts.onLivekitLog });
    const [n0, n1] = world.cluster.nodes.map((n) => n.livekit.connection.url.replace(/^ws/, 'http')) as [string, string];
    if (opts.livekitUrls === 'failover') {
      fronts.push(await startLivekitFront([n0, n1]), await startLivekitFront([n1, n0]));
      world.livekitUrls = [fronts[0]!.url, fronts[1]!.url];
    } else {
      world.livekitUrls = [n0, n1];
    }
    world.db = await openDb({ memory: true });
    const apps: TestApp[] = [];
    for (const url of world.livekitUrls) {
      const redis = await connectRedis(world.cluster.redis.url);
      redisClients.push(redis);
      apps.push(
        await startTestApp({
          db: world.db,
          redis,
          now: 'real',
          clientDir: path.join(root, 'client/dist'),
          // A short probe cache, so an app notices a node's death (or a front's fallback) as a person would.
          media: createMedia(world.cluster.connection(url), { cacheMs: 200 }),
        }),
      );
    }
    world.apps = apps as [TestApp, TestApp];
    world.people = await createPeople(world.apps[0]);
  });
  afterAll(async () => {
    await Promise.all(browsers.splice(0).map((b) => b.close()));
    for (const app of world.apps ?? []) await app.close();
    for (const r of redisClients) r.destroy();
    await Promise.all(fronts.map((f) => f.close()));
    await world.db?.close();
    await world.cluster?.stop();
  });
  return world;
}
