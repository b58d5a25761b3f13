import { randomBytes } from 'node:crypto';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { findLivekitBinary, startLocalLivekit, type LocalLivekit } from '../../server/src/livekit/localLivekit';
import type { MediaConnection } from '../../server/src/livekit/media';
import { freeUdpPort } from '../../server/src/net';
import { connectRedis, type RedisClient } from '../../server/src/redis';
import { startTempServer, type TempServer } from './tempServers';

/** How many UDP ports each node may use for ICE (one per peer connection): plenty for a test's few browsers. */
const RTC_PORTS_PER_NODE = 20;

export interface ClusterNode {
  /** 0, 1, …: the order the nodes were started in. */
  index: number;
  livekit: LocalLivekit;
  /** Its node id in LiveKit's Redis (`nodes`, `room_node_map`); a new one after each restart. */
  nodeId(): Promise<string>;
  /** Its ICE ports on 127.0.0.1 (`rtc.port_range_start/end`), where its media comes from. */
  rtcPorts: { start: number; end: number };
}

/**
 * Two (or more) livekit-server nodes on loopback in cluster mode: one Redis of the cluster's own (a real
 * redis-server on a free port, which the apps of the test may use for their live state too), the same key pair on
 * every node, each node with its own HTTP port and its own range of RTC ports. LiveKit's router keeps
 * `room_node_map` (room → node) and `nodes` (node → stats, refreshed every 2 s) in that Redis; a participant who
 * connects to another node than the room's has its signalling relayed there over Redis.
 */
export interface LivekitCluster {
  nodes: ClusterNode[];
  redis: TempServer;
  keys: { apiKey: string; apiSecret: string };
  /** How the app reaches LiveKit through `url` (a node's own, or a front's). */
  connection(url: string): MediaConnection;
  /** The node LiveKit's Redis says hosts `room`, if any. */
  nodeOfRoom(room: string): Promise<ClusterNode | null>;
  /** The node whose RTC port range holds `port`. */
  nodeOfPort(port: number): ClusterNode | null;
  stop(): Promise<void>;
}

export async function startLivekitCluster(opts: { nodes?: number; onLog?: (node: number, line: string) => void } = {}): Promise<LivekitCluster> {
  const bin = findLivekitBinary(process.env.LIVEKIT_BIN);
  if (!bin) throw new Error('livekit-server is needed: run infra/provision.sh (npm test does)');
  const count = opts.nodes ?? 2;
  const redis = startTempServer('redis');
  const keys = { apiKey: 'redmug-cluster', apiSecret: randomBytes(24).toString('base64url') };
  // Consecutive ranges from a port the OS had free; pion binds the first free port of a range for each connection.
  const base = Math.min(await freeUdpPort(), 65_535 - count * RTC_PORTS_PER_NODE);
  const nodes: ClusterNode[] = [];
  let rc: RedisClient;
  try {
    for (let index = 0; index < count; index++) {
      const rtcPorts = { start: base + index * RTC_PORTS_PER_NODE, end: base + (index + 1) * RTC_PORTS_PER_NODE - 1 };
      // The id is in the start-up line (info level); each start announces a new one.
      let id = resolvable<string>();
      let announced = false;
      const livekit = await startLocalLivekit({
        bin,
        keys,
        redisUrl: redis.url,
        rtcPortRange: rtcPorts,
        logLevel: 'info',
        onLog(line) {
          const started = /starting LiveKit server.*"nodeID": "([^"]+)"/.exec(line);
          if (started) {
            if (announced) id = resolvable<string>();
            announced = true;
            id.resolve(started[1]!);
          }
          opts.onLog?.(index, line);
        },
      });
      nodes.push({ index, livekit, rtcPorts, nodeId: () => id.promise });
    }
    rc = await connectRedis(redis.url);
  } catch (err) {
    await Promise.all(nodes.map((n) => n.livekit.stop()));
    redis.destroy();
    throw err;
  }
  return {
    nodes,
    redis,
    keys,
    connection: (url) => ({ url: url.replace(/^http/, 'ws'), ...keys }),
    async nodeOfRoom(room) {
      const id = await rc.hGet('room_node_map', room);
      if (!id) return null;
      for (const n of nodes) if ((await n.nodeId()) === id) return n;
      return null;
    },
    nodeOfPort: (port) => nodes.find((n) => port >= n.rtcPorts.start && port <= n.rtcPorts.end) ?? null,
    async stop() {
      rc.destroy();
      await Promise.all(nodes.map((n) => n.livekit.stop()));
      redis.destroy();
    },
  };
}

/**
 * A front for LiveKit's signalling, as nginx with `server a; server b backup;` would be: each new connection goes
 * to the first of `backends` that accepts it. So one LIVEKIT_URL keeps working when a node dies, and two app
 * instances can each prefer their own node.
 */
export interface LivekitFront {
  /** http://127.0.0.1:PORT (the app gives browsers its ws:// form). */
  url: string;
  close(): Promise<void>;
}

export async function startLivekitFront(backends: string[]): Promise<LivekitFront> {
  const targets = backends.map((u) => new URL(u));
  const open = new Set<net.Socket>();
  const connectFirst = (i: number, client: net.Socket) => {
    const t = targets[i];
    if (!t) return client.destroy();
    const upstream = net.connect(Number(t.port), t.hostname);
    upstream.once('error', () => {
      upstream.destroy();
      if (!client.destroyed) connectFirst(i + 1, client);
    });
    upstream.once('connect', () => {
      open.add(upstream);
      upstream.removeAllListeners('error');
      upstream.on('error', () => client.destroy());
      upstream.on('close', () => {
        open.delete(upstream);
        client.destroy();
      });
      client.on('close', () => upstream.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
  };
  const server = net.createServer((client) => {
    open.add(client);
    client.pause();
    client.on('error', () => undefined);
    client.on('close', () => open.delete(client));
    connectFirst(0, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const s of open) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function resolvable<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
