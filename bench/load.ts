import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ClientSpec, FromLoadgen, Kind, RunResult, ToLoadgen } from './loadgen';
import type { BenchServer } from './servers';
import { ROOT } from './servers';
import { summarize } from './stats';

export interface StepResult {
  config: string;
  clients: number;
  connected: number;
  latencyMs: ReturnType<typeof summarize>;
  /** p99 of the messages sent in the first and in the second half of the steady state: the spread within one step. */
  p99ByHalfMs: [number, number];
  reach: number;
  crossCircle: number;
  deliveredPerSecond: number;
  serverCpuPercent: number;
  eventLoopDelayP99Ms: number;
  /** The garbage collector's pauses during the steady state (all servers): per second, and the longest. */
  gcPauseMsPerSecond: number;
  gcPauseMaxMs: number;
  heapPerConnectionBytes: number;
  rssPerConnectionBytes: number;
  /** Heap (after GC) and RSS of the server process(es) with this step's clients connected, for the slope across steps. */
  heapAfterConnectBytes: number;
  rssAfterConnectBytes: number;
  loadgenCpuPercentMax: number;
  /**
   * The share of the machine's CPU time its hypervisor gave to others while this step was measured (/proc/stat's
   * steal): where it is high, every latency of the step is stretched by the host, not by the server.
   */
  hostStealPercent: number;
  /** True when a load generator was saturated (> 90 % of a core): the step measures the generator, not the server. */
  discarded: boolean;
}

function request(child: ChildProcess, msg: ToLoadgen, expect: FromLoadgen['type']): Promise<FromLoadgen> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: FromLoadgen) => {
      if (m.type !== expect) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(m);
    };
    const onExit = (code: number) => reject(new Error(`load generator exited (${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(msg);
  });
}

export interface StepOptions {
  config: string;
  kind: Kind;
  servers: BenchServer[];
  clients: number;
  circleSize: number;
  circles: string[];
  cookies?: string[];
  generators: number;
  steadyMs: number;
  /** Traffic before the measurement, not measured: the ramp's aftermath settles and the hot paths are compiled. */
  warmupMs: number;
  connectsPerSecond: number;
}

/** A step's clients connected and warmed up, measured in one or more slices of traffic, then closed. */
export interface OpenStep {
  /** One slice of measured traffic, `ms` long (plus the grace for messages in flight). */
  measure(ms: number): Promise<void>;
  /** The step over every slice measured so far. */
  result(): StepResult;
  close(): Promise<void>;
}

/**
 * One step: N clients in circles of `circleSize`, spread over `generators` processes and over the servers'
 * URLs (round-robin), one chat message per second per circle plus hand raises, `warmupMs` of the same traffic
 * unmeasured, then `steadyMs` of measurement.
 */
export async function runStep(opts: StepOptions): Promise<StepResult> {
  const step = await openStep(opts);
  try {
    await step.measure(opts.steadyMs);
    return step.result();
  } finally {
    await step.close();
  }
}

/** The machine's CPU time so far, and how much of it was stolen by the hypervisor (clock ticks, all cores). */
function cpuTicks(): { total: number; steal: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return { total: f.reduce((a, b) => a + b, 0), steal: f[7] ?? 0 };
}

interface Slice {
  /** The traffic's length asked for (the wall time adds the grace for messages in flight). */
  ms: number;
  runs: RunResult[];
  ticks: number;
  stolen: number;
  wallMs: number;
  serverCpuMicros: number;
  eldP99Ms: number;
  gcTotalMs: number;
  gcMaxMs: number;
}

/** Connects a step's clients and warms them up; `measure` then runs the traffic as often as asked. */
export async function openStep(opts: StepOptions): Promise<OpenStep> {
  const specs: Array<ClientSpec & { url: string }> = [];
  for (let i = 0; i < opts.clients; i++) {
    const c = Math.floor(i / opts.circleSize);
    specs.push({
      circle: opts.circles[c]!,
      slot: i % opts.circleSize,
      circleSize: opts.circleSize,
      phaseMs: ((c * 997) % 1000),
      cookie: opts.cookies?.[i],
      url: opts.servers[i % opts.servers.length]!.url,
    });
  }
  const before = await Promise.all(opts.servers.map((s) => s.sample()));
  const children = Array.from({ length: opts.generators }, () =>
    // Plain node, which runs the generator's TypeScript by stripping its types (no tsx transform in the measurement).
    fork(path.join(ROOT, 'bench/loadgen.ts'), [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  const close = () =>
    Promise.all(
      children.map(async (c) => {
        if (c.exitCode !== null) return;
        const exited = once(c, 'exit');
        c.send({ type: 'close' } satisfies ToLoadgen);
        await exited;
      }),
    ).then(() => undefined);
  try {
    // Each generator gets whole slices per server URL (a connection belongs to one URL).
    const connected = await Promise.all(
      children.map((child, g) => {
        const mine = specs.filter((_, i) => i % opts.generators === g);
        const byUrl = new Map<string, ClientSpec[]>();
        for (const s of mine) byUrl.set(s.url, [...(byUrl.get(s.url) ?? []), s]);
        // One generator process talks to one URL at a time: connect its slices in turn.
        return (async () => {
          let ok = 0;
          for (const [url, clients] of byUrl) {
            const r = await request(child, { type: 'connect', kind: opts.kind, url, clients, connectsPerSecond: opts.connectsPerSecond / opts.generators }, 'connected');
            if (r.type === 'connected') {
              ok += r.ok;
              if (r.failed) process.stderr.write(`[bench] ${r.failed} connections failed: ${r.firstError}\n`);
            }
          }
          return ok;
        })();
      }),
    );
    const afterConnect = await Promise.all(opts.servers.map((s) => s.sample()));
    // The same traffic as measured, for every configuration alike, and thrown away.
    if (opts.warmupMs > 0) await Promise.all(children.map((c) => request(c, { type: 'run', durationMs: opts.warmupMs, graceMs: 1000, handEveryMs: 5000 }, 'result')));
    const slices: Slice[] = [];
    return {
      async measure(ms) {
        // CPU, event-loop delay and GC pauses count from the slice's start.
        const cpu0 = (await Promise.all(opts.servers.map((s) => s.sample()))).map((s) => s.cpuMicros);
        await Promise.all(opts.servers.map((s) => s.resetProbe()));
        const ticks0 = cpuTicks();
        const t0 = Date.now();
        const results = (await Promise.all(
          children.map((c) => request(c, { type: 'run', durationMs: ms, graceMs: 2000, handEveryMs: 5000 }, 'result')),
        )) as Array<Extract<FromLoadgen, { type: 'result' }>>;
        const wallMs = Date.now() - t0;
        const ticks1 = cpuTicks();
        const after = await Promise.all(opts.servers.map((s) => s.sample()));
        slices.push({
          ms,
          runs: results.map((r) => r.result),
          ticks: ticks1.total - ticks0.total,
          stolen: ticks1.steal - ticks0.steal,
          wallMs,
          serverCpuMicros: after.reduce((n, s, i) => n + (s.cpuMicros - cpu0[i]!), 0),
          eldP99Ms: Math.max(...after.map((s) => s.eldP99Ms)),
          gcTotalMs: after.reduce((n, s) => n + s.gcPauses.totalMs, 0),
          gcMaxMs: Math.max(...after.map((s) => s.gcPauses.maxMs)),
        });
      },
      result() {
        const all = slices.flatMap((sl) => sl.runs);
        const latencies = all.flatMap((r) => r.latencies);
        // The spread within the step: the earlier and the later half of its messages, by the time they were sent.
        const bySent = all.flatMap((r) => r.latencies.map((l, i) => [r.sentAt[i]!, l] as const)).sort((a, b) => a[0] - b[0]);
        const halfway = Math.floor(bySent.length / 2);
        const sent = all.reduce((n, r) => n + r.sent, 0);
        const received = all.reduce((n, r) => n + r.received, 0);
        const wallMs = slices.reduce((n, sl) => n + sl.wallMs, 0);
        const measuredMs = slices.reduce((n, sl) => n + sl.ms, 0);
        return {
          config: opts.config,
          clients: opts.clients,
          connected: connected.reduce((a, b) => a + b, 0),
          latencyMs: summarize(latencies),
          p99ByHalfMs: [summarize(bySent.slice(0, halfway).map((x) => x[1])).p99, summarize(bySent.slice(halfway).map((x) => x[1])).p99],
          reach: sent === 0 ? 0 : received / (sent * opts.circleSize),
          crossCircle: all.reduce((n, r) => n + r.crossCircle, 0),
          deliveredPerSecond: received / (measuredMs / 1000),
          serverCpuPercent: (slices.reduce((n, sl) => n + sl.serverCpuMicros, 0) / (wallMs * 1000)) * 100,
          eventLoopDelayP99Ms: Math.max(...slices.map((sl) => sl.eldP99Ms)),
          gcPauseMsPerSecond: slices.reduce((n, sl) => n + sl.gcTotalMs, 0) / (wallMs / 1000),
          gcPauseMaxMs: Math.max(...slices.map((sl) => sl.gcMaxMs)),
          heapPerConnectionBytes: (afterConnect.reduce((n, s) => n + s.heapUsed, 0) - before.reduce((n, s) => n + s.heapUsed, 0)) / opts.clients,
          rssPerConnectionBytes: (afterConnect.reduce((n, s) => n + s.rss, 0) - before.reduce((n, s) => n + s.rss, 0)) / opts.clients,
          heapAfterConnectBytes: afterConnect.reduce((n, s) => n + s.heapUsed, 0),
          rssAfterConnectBytes: afterConnect.reduce((n, s) => n + s.rss, 0),
          loadgenCpuPercentMax: Math.max(...all.map((r) => (r.cpuMicros / (r.wallMs * 1000)) * 100)),
          discarded: all.some((r) => r.cpuMicros / (r.wallMs * 1000) > 0.9),
          hostStealPercent: (slices.reduce((n, sl) => n + sl.stolen, 0) / Math.max(1, slices.reduce((n, sl) => n + sl.ticks, 0))) * 100,
        };
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
