/**
 * `npm run bench -- --media-load`: what one livekit-server node carries, measured with LiveKit's own Node realtime
 * SDK (@livekit/rtc-node, a native WebRTC stack) as the load. Circles of eight: every participant takes its token
 * from the app's join route as a signed-in member (LiveKit sees the app's opaque identities only), publishes Opus
 * audio and subscribes to the seven others; in the video mode one participant per circle, the speaker, also
 * publishes a 360p simulcast camera. The number of circles is stepped up until the audio at the subscribers breaks
 * (loss ≥ 1 % or jitter p95 ≥ 30 ms), on one node and on a cluster of two nodes sharing Redis.
 *
 * Not measured here: end-to-end encryption (the browsers' frame encryption costs the clients, not the SFU, which
 * forwards opaque payloads either way) and the live socket (measured by the rest of the bench).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  AudioFrame,
  AudioSource,
  AudioStream,
  LocalAudioTrack,
  LocalVideoTrack,
  Room,
  RoomEvent,
  TrackKind,
  TrackPublishOptions,
  TrackSource,
  VideoBufferType,
  VideoCodec,
  VideoFrame,
  VideoSource,
  dispose,
  type RemoteTrack,
} from '@livekit/rtc-node';
import { randomBytes } from 'node:crypto';
import { findLivekitBinary, startLocalLivekit, type LocalLivekit } from '../server/src/livekit/localLivekit';
import { buildServer } from '../infra/buildServer';
import { connectRedis } from '../server/src/redis';
import { preparePeople, startPostgres, startRedis } from './fixtures';
import { APP_ENTRY, benchAppEnv, startServer, type BenchServer } from './servers';
import { summarize } from './stats';

export type MediaMode = 'audio' | 'video';

export interface MediaLoadStep {
  nodes: number;
  mode: MediaMode;
  circles: number;
  participants: number;
  joined: number;
  joinErrors: string[];
  steadySeconds: number;
  /** Sum over the nodes, in % of one core. */
  livekitCpuPercent: number;
  livekitRssBytes: number;
  perNode: Array<{ cpuPercent: number; rssBytes: number; rooms: number }>;
  /** Transport bytes (RTP, RTCP, DTLS) of each participant's two peer connections, per second, as kbit/s. */
  inKbpsPerParticipant: number;
  outKbpsPerParticipant: number;
  /** Participants whose stats the SDK gave within the time limit at both ends of the steady state. */
  statsAnswered: number;
  /** Audio streams received by subscribers, of circles × 8 × 7 expected. */
  audioStreams: number;
  audioStreamsExpected: number;
  audioLossPercent: number;
  /** RTP interarrival jitter at the subscribers (ms), across their audio streams, at the end of the steady state. */
  audioJitterMs: { p50: number; p95: number; max: number };
  /** From asking the app for a token to the first decoded audio frame of someone already in the circle. */
  firstAudioMs: { count: number; p50: number; p95: number; max: number };
  /** The load generator's own CPU (this process, SDK threads included), % of one core: near 100 × cores it is the limit. */
  loadgenCpuPercent: number;
  ok: boolean;
}

export interface MediaLoadResult {
  settings: { steps: number[]; modes: MediaMode[]; nodes: number[]; steadySeconds: number; circleSize: number; quick: boolean; sdk: string };
  steps: MediaLoadStep[];
  /** The largest step (circles) that held loss < 1 % and jitter p95 < 30 ms, per mode and node count. */
  capacity: Array<{ mode: MediaMode; nodes: number; circles: number; reachedTopStep: boolean; brokeBy?: 'quality' | 'time limit' }>;
}

const CIRCLE = 8;
const LOSS_LIMIT_PERCENT = 1;
const JITTER_LIMIT_MS = 30;
const SAMPLE_RATE = 48_000;
const CHUNK_MS = 100;
/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in hundredths of a second. */
const TICK_HZ = 100;
/** How long one participant may take to get a token, connect and publish. */
const JOIN_LIMIT_MS = 20_000;
/** How long the SDK may take to answer one participant's stats. */
const STATS_LIMIT_MS = 30_000;

function readFileSyncSafe(p: string): string | null {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return null;
  }
}

/** `p`, or `fallback` if it has not settled within `ms` (a step must end even where the SDK hangs). */
function within<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  let t: NodeJS.Timeout | undefined;
  return Promise.race([p.catch(() => fallback), new Promise<T>((r) => (t = setTimeout(() => r(fallback), ms)))]).finally(() => clearTimeout(t));
}

/** The livekit-server process answering on `httpPort`: its config (written by localLivekit.ts) names the port. */
function livekitPid(httpPort: number): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const args = (readFileSyncSafe(`/proc/${entry}/cmdline`) ?? '').split('\0');
    const i = args.indexOf('--config');
    if (i < 0 || !args[i + 1]) continue;
    if ((readFileSyncSafe(args[i + 1]!) ?? '').startsWith(`port: ${httpPort}\n`)) return Number(entry);
  }
  throw new Error(`no livekit-server process found for port ${httpPort}`);
}

/** CPU seconds (user + system) and resident set size of a process, from /proc. */
function procSample(pid: number): { cpuSeconds: number; rssBytes: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat (utime, stime), counted from the state field (3) after the command name.
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / TICK_HZ;
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpuSeconds, rssBytes: rss ? Number(rss[1]) * 1024 : Number.NaN };
}

/** A token from the app as the browser gets it: the session cookie, a CSRF token, then the circle's join route. */
async function tokenFromApp(appUrl: string, sessionCookie: string, sessionId: string): Promise<{ serverUrl: string; token: string }> {
  const cookies = new Map([['rm_sid', sessionCookie]]);
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const session = await fetch(`${appUrl}/api/auth/session`, { headers: { cookie: header() }, signal: AbortSignal.timeout(10_000) });
  keep(session);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const res = await fetch(`${appUrl}/api/circles/sessions/${sessionId}/join`, {
    method: 'POST',
    headers: { cookie: header(), 'content-type': 'application/json', 'x-csrf-token': csrfToken, origin: appUrl },
    body: JSON.stringify({ displayName: 'Bench' }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await res.json()) as { media?: { available: boolean; serverUrl?: string; token?: string; message?: string } };
  if (res.status !== 200 || !body.media?.available) throw new Error(`join route answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return { serverUrl: body.media.serverUrl!, token: body.media.token! };
}

/** 100 ms of a 440 Hz tone (44 whole periods, so chunks join without a click): Opus has real audio to encode. */
const tone = (() => {
  const n = (SAMPLE_RATE * CHUNK_MS) / 1000;
  const data = new Int16Array(n);
  for (let i = 0; i < n; i++) data[i] = Math.round(4000 * Math.sin((2 * Math.PI * 440 * i) / SAMPLE_RATE));
  return data;
})();

/** 640×360 I420 frames of a bar moving across a gradient: the encoder has motion to code, cheaply made once. */
function cameraFrames(count: number): Uint8Array[] {
  const w = 640;
  const h = 360;
  return Array.from({ length: count }, (_, f) => {
    const buf = new Uint8Array((w * h * 3) / 2);
    const bar = Math.floor((f / count) * w);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) buf[y * w + x] = Math.abs(x - bar) < 24 ? 235 : (x + y + f * 4) & 0xff;
    buf.fill(128, w * h);
    return buf;
  });
}

interface Participant {
  room: Room;
  stop(): Promise<void>;
  firstAudioMs: Promise<number | null>;
}

async function joinParticipant(opts: { appUrl: string; cookie: string; sessionId: string; speaker: boolean; frames: Uint8Array[]; expectAudio: boolean; timeoutMs: number }): Promise<Participant> {
  const t0 = performance.now();
  const { serverUrl, token } = await tokenFromApp(opts.appUrl, opts.cookie, opts.sessionId);
  const room = new Room();
  let running = true;
  let firstAudio!: (ms: number | null) => void;
  const firstAudioMs = new Promise<number | null>((r) => (firstAudio = r));
  let heard = false;
  const noAudio = setTimeout(() => firstAudio(null), opts.timeoutMs);
  room.on(RoomEvent.TrackSubscribed, (track: RemoteTrack) => {
    if (heard || !opts.expectAudio || track.kind !== TrackKind.KIND_AUDIO) return;
    heard = true;
    // One decoded frame from the first voice heard, then the stream is closed (the others are only counted).
    // Bounded like every wait here: a stream that never yields a frame is given up (and closed) at the time limit,
    // so it neither holds the step nor keeps decoding in the background.
    void (async () => {
      const reader = new AudioStream(track, { sampleRate: SAMPLE_RATE, numChannels: 1 }).getReader();
      const left = opts.timeoutMs - (performance.now() - t0);
      const first = await within(reader.read(), Math.max(0, left), null);
      if (first && !first.done) firstAudio(performance.now() - t0);
      else firstAudio(null);
      clearTimeout(noAudio);
      void within(reader.cancel(), 5000, undefined);
    })().catch(() => firstAudio(null));
  });
  const audio = new AudioSource(SAMPLE_RATE, 1, 200);
  // A join that does not complete in time counts as failed, and leaves nothing behind.
  let limit: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      (async () => {
        await room.connect(serverUrl, token, { autoSubscribe: true, dynacast: true });
        const mic = LocalAudioTrack.createAudioTrack('microphone', audio);
        await room.localParticipant!.publishTrack(mic, new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE, dtx: false, red: false }));
      })(),
      new Promise((_, reject) => (limit = setTimeout(() => reject(new Error(`not connected and publishing within ${opts.timeoutMs} ms`)), opts.timeoutMs))),
    ]);
  } catch (err) {
    clearTimeout(noAudio);
    firstAudio(null);
    // An SDK that did not connect in time may not disconnect either: bounded, so the step goes on.
    await within(room.disconnect(), 5000, undefined);
    await within(audio.close(), 5000, undefined);
    throw err;
  } finally {
    clearTimeout(limit);
  }
  const frame = new AudioFrame(tone, SAMPLE_RATE, 1, tone.length);
  // Real-time pacing whatever the SDK's queue does: never more than 200 ms ahead of the wall clock.
  const audioLoop = (async () => {
    const start = performance.now();
    let sentMs = 0;
    while (running) {
      await audio.captureFrame(frame);
      sentMs += CHUNK_MS;
      const ahead = sentMs - (performance.now() - start) - 200;
      if (ahead > 0) await new Promise((r) => setTimeout(r, ahead));
    }
  })().catch(() => undefined);
  let camera: { source: VideoSource; timer?: NodeJS.Timeout } | null = null;
  /** Everything of this participant's closed, each step bounded: an SDK that hangs cannot hold the step. */
  const stop = async () => {
    running = false;
    clearTimeout(noAudio);
    firstAudio(null);
    if (camera) clearInterval(camera.timer);
    await within(audioLoop, 1000, undefined);
    await within(room.disconnect(), 5000, undefined);
    await within(audio.close(), 5000, undefined);
    if (camera) await within(camera.source.close(), 5000, undefined);
  };
  if (opts.speaker) {
    const source = new VideoSource(640, 360);
    camera = { source };
    const track = LocalVideoTrack.createVideoTrack('camera', source);
    const published = await within(
      room.localParticipant!.publishTrack(
        track,
        new TrackPublishOptions({ source: TrackSource.SOURCE_CAMERA, simulcast: true, videoCodec: VideoCodec.VP8, videoEncoding: { maxBitrate: 600_000n, maxFramerate: 24 } }),
      ).then(() => true),
      opts.timeoutMs,
      false,
    );
    // A camera that cannot be published in time is a failed join, like a voice that cannot.
    if (!published) {
      await stop();
      throw new Error(`camera not published within ${opts.timeoutMs} ms`);
    }
    let f = 0;
    camera.timer = setInterval(() => source.captureFrame(new VideoFrame(opts.frames[f++ % opts.frames.length]!, 640, 360, VideoBufferType.I420)), 1000 / 24);
  }
  return { room, firstAudioMs, stop };
}

interface StatsSnapshot {
  /** Per subscriber room, per inbound audio ssrc. */
  audio: Map<string, { lost: number; received: number; jitterMs: number }>;
  /** Per room that answered in time. */
  bytes: Map<number, { in: number; out: number }>;
}

async function snapshot(rooms: Room[]): Promise<StatsSnapshot> {
  const audio = new Map<string, { lost: number; received: number; jitterMs: number }>();
  const bytes = new Map<number, { in: number; out: number }>();
  await Promise.all(
    rooms.map(async (room, r) => {
      const stats = await within(room.getRtcStats(), STATS_LIMIT_MS, null);
      if (!stats) return;
      // LiveKit 1.13 and this SDK use one peer connection for both directions: its stats come as the publisher's.
      const all = [...stats.publisherStats, ...stats.subscriberStats];
      const b = { in: 0, out: 0 };
      for (const s of all) {
        if (s.stats.case === 'transport') {
          b.in += Number(s.stats.value.transport?.bytesReceived ?? 0n);
          b.out += Number(s.stats.value.transport?.bytesSent ?? 0n);
        }
      }
      bytes.set(r, b);
      for (const s of all) {
        if (s.stats.case !== 'inboundRtp' || s.stats.value.stream?.kind !== 'audio') continue;
        const v = s.stats.value;
        audio.set(`${r}/${v.stream!.ssrc}`, { lost: Number(v.received?.packetsLost ?? 0n), received: Number(v.received?.packetsReceived ?? 0n), jitterMs: (v.received?.jitter ?? 0) * 1000 });
      }
    }),
  );
  return { audio, bytes };
}

interface Cluster {
  nodes: LocalLivekit[];
  pids: number[];
  apps: BenchServer[];
  /** How many of `rooms` LiveKit's Redis places on each node. */
  roomsPerNode(rooms: string[]): Promise<number[]>;
  stop(): Promise<void>;
}

async function startCluster(count: number, env: Record<string, string>, redisUrl: string): Promise<Cluster> {
  const bin = findLivekitBinary(process.env.LIVEKIT_BIN);
  if (!bin) throw new Error('livekit-server not found: run infra/livekit/ensure-livekit.sh');
  const keys = { apiKey: 'redmug-bench', apiSecret: randomBytes(24).toString('base64url') };
  // As tests/support/livekitCluster.ts: the same keys on every node, one Redis; here each node keeps its one UDP
  // mux port (a range of one port per peer connection would need hundreds of ports per node).
  const nodes: LocalLivekit[] = [];
  const apps: BenchServer[] = [];
  const ids: string[] = [];
  const stop = async () => {
    await Promise.all(apps.map((a) => a.stop()));
    await Promise.all(nodes.map((n) => n.stop()));
  };
  try {
    for (let i = 0; i < count; i++) nodes.push(await startLocalLivekit({ bin, keys, redisUrl, logLevel: 'info', onLog: (line) => void captureNodeId(i, line) }));
    // One app instance per node (its LIVEKIT_URL), sharing the live state on the same Redis.
    for (const node of nodes) {
      apps.push(
        await startServer(
          APP_ENTRY,
          { ...env, REDIS_URL: redisUrl, LIVEKIT_URL: node.connection.url, LIVEKIT_API_KEY: keys.apiKey, LIVEKIT_API_SECRET: keys.apiSecret },
          /Red Mug is running at (http:\/\/\S+)/,
        ),
      );
    }
  } catch (err) {
    await stop();
    throw err;
  }
  function captureNodeId(i: number, line: string) {
    const m = /starting LiveKit server.*"nodeID": "([^"]+)"/.exec(line);
    if (m) ids[i] = m[1]!;
  }
  const redis = await connectRedis(redisUrl);
  return {
    nodes,
    pids: nodes.map((n) => livekitPid(n.ports.http)),
    apps,
    async roomsPerNode(rooms) {
      const placed = await Promise.all(rooms.map((r) => redis.hGet('room_node_map', r)));
      return nodes.map((_, i) => placed.filter((id) => id === ids[i]).length);
    },
    async stop() {
      redis.destroy();
      await stop();
    },
  };
}

async function runStep(opts: {
  cluster: Cluster;
  mode: MediaMode;
  circles: string[];
  cookies: string[];
  steadyMs: number;
  frames: Uint8Array[];
  joinTimeoutMs: number;
  log: (m: string) => void;
}): Promise<MediaLoadStep> {
  const { cluster, mode, circles } = opts;
  const joinErrors: string[] = [];
  const participants: Participant[] = [];
  const firstAudio: Array<Promise<number | null>> = [];
  const deadline = Date.now() + opts.joinTimeoutMs;
  // Circles join side by side; within a circle one person after the other, as people arrive.
  await Promise.all(
    circles.map(async (sessionId, c) => {
      const app = cluster.apps[c % cluster.apps.length]!;
      for (let k = 0; k < CIRCLE; k++) {
        if (Date.now() > deadline) {
          joinErrors.push(`circle ${c} person ${k}: join time limit`);
          continue;
        }
        try {
          const p = await joinParticipant({
            appUrl: app.url,
            cookie: opts.cookies[c * CIRCLE + k]!,
            sessionId,
            speaker: mode === 'video' && k === 0,
            frames: opts.frames,
            expectAudio: k > 0,
            timeoutMs: JOIN_LIMIT_MS,
          });
          participants.push(p);
          if (k > 0) firstAudio.push(p.firstAudioMs);
        } catch (err) {
          joinErrors.push(`circle ${c} person ${k}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    }),
  );
  const firstAudioMs = (await Promise.all(firstAudio)).filter((x): x is number => x !== null);
  // Two seconds for the last subscriptions to settle, then the steady state.
  await new Promise((r) => setTimeout(r, 2000));
  const rooms = participants.map((p) => p.room);
  const before = await snapshot(rooms);
  const procBefore = cluster.pids.map(procSample);
  const cpuBefore = process.cpuUsage();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, opts.steadyMs));
  const seconds = (performance.now() - t0) / 1000;
  const procAfter = cluster.pids.map(procSample);
  const cpu = process.cpuUsage(cpuBefore);
  const after = await snapshot(rooms);
  const roomsPerNode = await cluster.roomsPerNode([...new Set(rooms.map((r) => r.name).filter((n): n is string => !!n))]);
  await Promise.all(participants.map((p) => within(p.stop(), 10_000, undefined)));

  // Bytes of the participants whose stats answered both times (a saturated SDK may miss the time limit).
  let bytesIn = 0;
  let bytesOut = 0;
  let counted = 0;
  for (const [r, end] of after.bytes) {
    const start = before.bytes.get(r);
    if (!start) continue;
    bytesIn += end.in - start.in;
    bytesOut += end.out - start.out;
    counted++;
  }
  let lost = 0;
  let received = 0;
  const jitters: number[] = [];
  for (const [key, end] of after.audio) {
    const start = before.audio.get(key);
    if (!start) continue;
    lost += Math.max(0, end.lost - start.lost);
    received += end.received - start.received;
    jitters.push(end.jitterMs);
  }
  const perNode = cluster.pids.map((_, i) => ({
    cpuPercent: ((procAfter[i]!.cpuSeconds - procBefore[i]!.cpuSeconds) / seconds) * 100,
    rssBytes: procAfter[i]!.rssBytes,
    rooms: roomsPerNode[i] ?? 0,
  }));
  const jitter = summarize(jitters);
  const lossPercent = lost + received > 0 ? (lost / (lost + received)) * 100 : Number.NaN;
  const n = Math.max(1, counted);
  const audioStreamsExpected = circles.length * CIRCLE * (CIRCLE - 1);
  const step: MediaLoadStep = {
    nodes: cluster.nodes.length,
    mode,
    circles: circles.length,
    participants: circles.length * CIRCLE,
    joined: participants.length,
    joinErrors: joinErrors.slice(0, 10),
    steadySeconds: seconds,
    livekitCpuPercent: perNode.reduce((a, x) => a + x.cpuPercent, 0),
    livekitRssBytes: perNode.reduce((a, x) => a + x.rssBytes, 0),
    perNode,
    inKbpsPerParticipant: counted ? (bytesIn * 8) / 1000 / seconds / n : Number.NaN,
    outKbpsPerParticipant: counted ? (bytesOut * 8) / 1000 / seconds / n : Number.NaN,
    statsAnswered: counted,
    audioStreams: jitters.length,
    audioStreamsExpected,
    audioLossPercent: lossPercent,
    audioJitterMs: { p50: jitter.p50, p95: jitter.p95, max: jitter.max },
    firstAudioMs: (({ count, p50, p95, max }) => ({ count, p50, p95, max }))(summarize(firstAudioMs)),
    loadgenCpuPercent: ((cpu.user + cpu.system) / 1e6 / seconds) * 100,
    ok: false,
  };
  step.ok =
    joinErrors.length === 0 &&
    jitters.length === audioStreamsExpected &&
    lossPercent < LOSS_LIMIT_PERCENT &&
    jitter.p95 < JITTER_LIMIT_MS;
  opts.log(
    `media ${mode} ${step.nodes} node(s) ${step.circles} circle(s): joined ${step.joined}/${step.participants}${joinErrors[0] ? ` (${joinErrors[0]})` : ''}, streams ${step.audioStreams}/${audioStreamsExpected}, loss ${lossPercent.toFixed(2)} %, jitter p95 ${jitter.p95.toFixed(1)} ms, livekit CPU ${step.livekitCpuPercent.toFixed(0)} %, loadgen CPU ${step.loadgenCpuPercent.toFixed(0)} % → ${step.ok ? 'held' : 'broke'}`,
  );
  return step;
}

export async function runMediaLoad(opts: { steps: number[]; modes: MediaMode[]; nodes: number[]; steadyMs: number; quick: boolean; log: (m: string) => void }): Promise<MediaLoadResult> {
  const maxCircles = Math.max(...opts.steps);
  const pg = startPostgres();
  const redis = startRedis();
  const frames = opts.modes.includes('video') ? cameraFrames(24) : [];
  const steps: MediaLoadStep[] = [];
  const capacity: MediaLoadResult['capacity'] = [];
  try {
    opts.log(`media: preparing ${maxCircles * CIRCLE} members and ${maxCircles} open circles`);
    const people = await preparePeople(pg.url, maxCircles * CIRCLE, CIRCLE);
    const env = benchAppEnv(pg.url);
    opts.log('media: building the server (npm run build:server)');
    await buildServer();
    for (const nodes of opts.nodes) {
      opts.log(`media: starting ${nodes} livekit-server node(s) and as many app instances`);
      const cluster = await startCluster(nodes, env, redis.url);
      try {
        // A step past its time limit may leave SDK rooms behind: the cluster's remaining modes would measure them too.
        let tainted = false;
        for (const mode of opts.modes) {
          if (tainted) {
            opts.log(`media ${mode} ${nodes} node(s): not run, a step before it ran past its time limit`);
            continue;
          }
          let held = 0;
          let broke = false;
          for (const circles of opts.steps) {
            const joinTimeoutMs = opts.quick ? 30_000 : 90_000;
            // Every wait inside a step is bounded; this is the step's own wall-clock limit over all of them (joins,
            // stats at both ends, the steady state, the leaving), so no SDK hang can hold the run.
            const limitMs = joinTimeoutMs + JOIN_LIMIT_MS + 2000 + 2 * STATS_LIMIT_MS + opts.steadyMs + 60_000;
            const step = await within(
              runStep({ cluster, mode, circles: people.circles.slice(0, circles), cookies: people.cookies, steadyMs: opts.steadyMs, frames, joinTimeoutMs, log: opts.log }),
              limitMs,
              null,
            );
            if (!step) {
              opts.log(`media ${mode} ${nodes} node(s) ${circles} circle(s): not over within ${Math.round(limitMs / 1000)} s → broke (time limit)`);
              capacity.push({ mode, nodes, circles: held, reachedTopStep: false, brokeBy: 'time limit' });
              broke = true;
              tainted = true;
              break;
            }
            steps.push(step);
            if (!step.ok) {
              broke = true;
              break;
            }
            held = circles;
          }
          if (!capacity.some((c) => c.mode === mode && c.nodes === nodes)) capacity.push({ mode, nodes, circles: held, reachedTopStep: !broke, ...(broke ? { brokeBy: 'quality' as const } : {}) });
        }
      } finally {
        await cluster.stop();
      }
    }
    await people.db.close();
  } finally {
    redis.stop();
    pg.stop();
    await Promise.race([dispose().catch(() => undefined), new Promise((r) => setTimeout(r, 5000).unref())]);
  }
  const entry = createRequire(import.meta.url).resolve('@livekit/rtc-node');
  const pkg = JSON.parse(readFileSync(path.join(path.dirname(entry), '../package.json'), 'utf8')) as { version: string };
  return {
    settings: { steps: opts.steps, modes: opts.modes, nodes: opts.nodes, steadySeconds: opts.steadyMs / 1000, circleSize: CIRCLE, quick: opts.quick, sdk: `@livekit/rtc-node ${pkg.version}` },
    steps,
    capacity,
  };
}
