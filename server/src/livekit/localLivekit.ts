import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { APP_ROOT } from '../appRoot';
import { freeTcpPort, freeUdpPort } from '../net';
import type { MediaConnection } from './media';

/**
 * Runs a livekit-server child process bound to 127.0.0.1 only, on free ports, for development and tests.
 * CAUTION: development keys and a loopback-only network: not a production deployment (see infra/).
 */
export interface LocalLivekit {
  connection: MediaConnection;
  ports: { http: number; udp: number; unusedStun: number };
  stop(): Promise<void>;
  /** Stops the process but keeps its config, so `restart` brings it back on the same ports and keys. */
  halt(): Promise<void>;
  restart(): Promise<void>;
  /** Kills the process outright (SIGKILL: no draining, nothing unregistered), as a crashed host would; `restart` brings it back. */
  kill(): Promise<void>;
}

const REPO_ROOT = APP_ROOT;

/**
 * The livekit-server binary: LIVEKIT_BIN (set by `npm start`/`npm test` from infra/livekit/ensure-livekit.sh,
 * which also looks on PATH), else the repo's git-ignored .tools/ folder.
 */
export function findLivekitBinary(explicit?: string): string | null {
  const candidates = [explicit, path.join(REPO_ROOT, '.tools', 'server')].filter((p): p is string => Boolean(p));
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      // try the next
    }
  }
  return null;
}

/**
 * Loopback-only LiveKit: one UDP mux port on 127.0.0.1 (or, for a node of a test cluster, a range of ports), no
 * ICE/TCP (its listener would ignore bind_addresses), a loopback candidate (or ICE has nothing to pair with), and
 * STUN pointed at an unused loopback port so neither side looks up public STUN servers. (It must not be the media
 * port: Chromium drops everything from a STUN server's address as a STUN reply.)
 */
export function livekitConfigYaml(o: {
  ports: { http: number; udp: number; unusedStun: number };
  apiKey: string;
  apiSecret: string;
  webhookUrl?: string;
  logLevel?: 'debug' | 'info' | 'warn';
  /** Cluster mode: nodes sharing this Redis (`host:port`) find each other and route rooms through it. */
  redis?: { address: string; username?: string; password?: string };
  /** ICE on one UDP port per connection from this range (on 127.0.0.1), instead of the one mux port `ports.udp`. */
  rtcPortRange?: { start: number; end: number };
}): string {
  const udp = o.rtcPortRange
    ? [`  port_range_start: ${o.rtcPortRange.start}`, `  port_range_end: ${o.rtcPortRange.end}`]
    : [`  udp_port: ${o.ports.udp}`];
  const redis = o.redis
    ? [
        'redis:',
        `  address: ${o.redis.address}`,
        ...(o.redis.username ? [`  username: ${o.redis.username}`] : []),
        ...(o.redis.password ? [`  password: ${o.redis.password}`] : []),
      ]
    : [];
  return [
    `port: ${o.ports.http}`,
    'bind_addresses:',
    '  - 127.0.0.1',
    'rtc:',
    ...udp,
    '  tcp_port: 0',
    '  node_ip: 127.0.0.1',
    '  use_external_ip: false',
    '  enable_loopback_candidate: true',
    '  interfaces:',
    '    includes: [lo]',
    '  ips:',
    '    includes: [127.0.0.1/32]',
    '  stun_servers:',
    `    - 127.0.0.1:${o.ports.unusedStun}`,
    ...redis,
    'keys:',
    `  ${o.apiKey}: ${o.apiSecret}`,
    ...(o.webhookUrl ? ['webhook:', `  api_key: ${o.apiKey}`, '  urls:', `    - ${o.webhookUrl}`] : []),
    'room:',
    '  auto_create: true',
    '  empty_timeout: 60',
    'logging:',
    `  level: ${o.logLevel ?? 'warn'}`,
    '  pion_level: error',
    '',
  ].join('\n');
}

export async function startLocalLivekit(opts: {
  bin: string;
  webhookUrl?: string;
  /** livekit-server's log level; `warn` by default (tests that search its logs ask for `debug`). */
  logLevel?: 'debug' | 'info' | 'warn';
  /** Receives livekit-server's own log lines (they hold no chat; identities are opaque). */
  onLog?: (line: string) => void;
  readyTimeoutMs?: number;
  /** Cluster mode: a `redis://[user:password@]host:port` that every node of the cluster shares. */
  redisUrl?: string;
  /** The key pair, which every node of a cluster must share (a token from the app is good on any node); a fresh secret otherwise. */
  keys?: { apiKey: string; apiSecret: string };
  rtcPortRange?: { start: number; end: number };
}): Promise<LocalLivekit> {
  const ports = { http: await freeTcpPort(), udp: await freeUdpPort(), unusedStun: await freeUdpPort() };
  const apiKey = opts.keys?.apiKey ?? 'redmug-dev';
  const apiSecret = opts.keys?.apiSecret ?? randomBytes(24).toString('base64url');
  const dir = mkdtempSync(path.join(tmpdir(), 'redmug-livekit-'));
  const configPath = path.join(dir, 'livekit.yaml');
  const redisUrl = opts.redisUrl ? new URL(opts.redisUrl) : null;
  const redis = redisUrl
    ? {
        address: `${redisUrl.hostname}:${redisUrl.port || 6379}`,
        username: decodeURIComponent(redisUrl.username) || undefined,
        password: decodeURIComponent(redisUrl.password) || undefined,
      }
    : undefined;
  writeFileSync(
    configPath,
    livekitConfigYaml({ ports, apiKey, apiSecret, webhookUrl: opts.webhookUrl, logLevel: opts.logLevel, redis, rtcPortRange: opts.rtcPortRange }),
    { mode: 0o600 },
  );
  const url = `ws://127.0.0.1:${ports.http}`;
  let child: ChildProcess | null = null;

  async function start(): Promise<void> {
    const proc = spawn(opts.bin, ['--config', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) opts.onLog?.(line);
    };
    proc.stdout?.on('data', forward);
    proc.stderr?.on('data', forward);
    await waitUntilAnswering(`http://127.0.0.1:${ports.http}/`, proc, opts.readyTimeoutMs ?? 20_000);
  }

  async function stop(): Promise<void> {
    const proc = child;
    child = null;
    if (proc) await stopLivekitProcess(proc);
  }

  await start();
  return {
    connection: { url, apiKey, apiSecret },
    ports,
    halt: stop,
    restart: start,
    async kill() {
      const proc = child;
      child = null;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      proc.kill('SIGKILL');
      await exited;
    },
    async stop() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls LiveKit's root endpoint until it answers, failing early if the process exits. */
async function waitUntilAnswering(url: string, proc: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  proc.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`livekit-server exited during start-up (code ${proc.exitCode})`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill('SIGKILL');
  throw new Error(`livekit-server did not answer on ${url} within ${timeoutMs} ms`);
}

/**
 * Stops a livekit-server process and resolves once it has exited. Its first SIGTERM drains participants (which can
 * take many seconds); a second signal exits at once, and SIGKILL follows if even that is not heard.
 */
export async function stopLivekitProcess(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  proc.kill('SIGTERM');
  const again = setTimeout(() => proc.kill('SIGINT'), 500);
  const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(again);
  clearTimeout(timer);
}
