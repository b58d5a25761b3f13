import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { StepResult } from './load';
import type { ProductionProcess } from './production';

export interface BenchResult {
  startedAt: string;
  machine: { cpus: number; memoryGiB: number; node: string };
  settings: Record<string, unknown>;
  steps: StepResult[];
  ratios: Array<{ name: string; clients: number; value: number }>;
  /** Bytes per connection as the least-squares slope across a configuration's steps. */
  memorySlopes: Array<{ config: string; heapBytesPerConnection: number; rssBytesPerConnection: number }>;
  rush?: unknown;
  signIn?: unknown;
  media?: unknown;
  /** The compiled production process (`node server/dist/index.js`): start-up time and idle memory. */
  production?: ProductionProcess;
  bundle?: { gzipBytes: number; livekitOnFirstPage: boolean; files: Array<{ file: string; gzipBytes: number }> };
  targets: Array<{ target: string; observed: string; met: boolean | null }>;
}

/** p99 latency against clients, one line per configuration, as SVG (Vega-Lite, rendered without a browser). */
export async function latencyChart(steps: StepResult[]): Promise<string> {
  const spec = compile({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Chat delivery latency p99 by number of clients',
    width: 560,
    height: 300,
    data: { values: steps.filter((s) => !s.discarded).map((s) => ({ config: s.config, clients: s.clients, p99: s.latencyMs.p99 })) },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'clients', type: 'quantitative', title: 'clients (circles of 8)' },
      y: { field: 'p99', type: 'quantitative', title: 'p99 latency (ms)' },
      color: { field: 'config', type: 'nominal', title: 'configuration' },
    },
  }).spec;
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  return view.toSVG();
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

/** Above this share of stolen CPU time while the targets were measured, the report says the ratios are the host's. */
const BUSY_HOST_STEAL_PERCENT = 3;

/** A warning when the hypervisor took a large share of the CPU during the step the targets are judged at. */
function busyHost(r: BenchResult): string[] {
  const judged = r.steps.filter((s) => s.clients === r.settings.targetClients && (s.hostStealPercent ?? 0) > BUSY_HOST_STEAL_PERCENT);
  if (judged.length === 0) return [];
  const worst = Math.max(...judged.map((s) => s.hostStealPercent));
  return [
    `**The host was busy:** its hypervisor gave up to ${fmt(worst)} % of this machine's CPU time to other guests while the`,
    `targets were measured (more than ${BUSY_HOST_STEAL_PERCENT} %), so these latency ratios say more about the host than about the code. Run again`,
    'when the machine is quiet.',
    '',
  ];
}

export function markdown(r: BenchResult): string {
  const lines = [
    '# Red Mug benchmark report',
    '',
    `Run ${r.startedAt} on ${r.machine.cpus} cores, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}. All numbers come from this one run on this one`,
    'machine; compare the ratios between configurations, not the absolute values with other machines. Load generators',
    'and servers share the same cores, so absolute latencies include contention for CPU.',
    '',
    `Each step first runs ${String(r.settings.warmupSeconds ?? 0)} s of the same traffic unmeasured (the ramp's aftermath settles, the hot paths`,
    'are compiled), for every configuration alike; CPU, event-loop delay and latency count from the steady state only.',
    '',
    ...(r.settings.slices
      ? [
          `At ${String(r.settings.targetClients)} clients, where the targets are judged, B1, A1 and A2 are connected at once and take turns: ${String(r.settings.slices)} rounds`,
          'of one slice each, the first of each round passing to the next configuration, so that all of them meet the same',
          'spells of a busy host. "host steal %" is the CPU time the hypervisor gave to other guests meanwhile.',
          '',
        ]
      : []),
    ...(Number(r.settings.steadySeconds) < 60
      ? [
          `The ${String(r.settings.targetClients)}-client steps, where the targets are judged, measure ${String(r.settings.targetSteadySeconds)} s of steady state after`,
          `the warm-up; the other steps ${String(r.settings.steadySeconds)} s: four configurations × four steps × 60 s would alone exceed the 20-minute`,
          'budget of a run. Use `--steady-seconds 60` for the long form.',
          '',
        ]
      : []),
    '![p99 latency by clients](latency.svg)',
    '',
    '## Steps',
    '',
    '| config | clients | connected | p50 ms | p95 ms | p99 ms | max ms | reach | cross-circle | delivered/s | server CPU % | ELD p99 ms | GC ms/s | GC max ms | heap B/conn | RSS B/conn | loadgen CPU % | host steal % |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.steps.map(
      (s) =>
        `| ${s.config}${s.discarded ? ' (discarded: generator saturated)' : ''} | ${s.clients} | ${s.connected} | ${fmt(s.latencyMs.p50)} | ${fmt(s.latencyMs.p95)} | ${fmt(s.latencyMs.p99)} | ${fmt(s.latencyMs.max)} | ${fmt(s.reach, 4)} | ${s.crossCircle} | ${fmt(s.deliveredPerSecond, 0)} | ${fmt(s.serverCpuPercent)} | ${fmt(s.eventLoopDelayP99Ms)} | ${fmt(s.gcPauseMsPerSecond)} | ${fmt(s.gcPauseMaxMs)} | ${fmt(s.heapPerConnectionBytes, 0)} | ${fmt(s.rssPerConnectionBytes, 0)} | ${fmt(s.loadgenCpuPercentMax)} | ${fmt(s.hostStealPercent ?? NaN)} |`,
    ),
    '',
    '## Spread within a step',
    '',
    'p99 latency (ms) of the messages sent in the first and in the second half of each step’s steady state. Where',
    'the two halves of one step differ by as much as two configurations do, the ratio between those configurations',
    'is within the noise of this machine (load generators and servers share its cores).',
    '',
    '| config | clients | p99 first half | p99 second half |',
    '| --- | ---: | ---: | ---: |',
    ...r.steps.map((s) => `| ${s.config} | ${s.clients} | ${fmt(s.p99ByHalfMs[0])} | ${fmt(s.p99ByHalfMs[1])} |`),
    '',
    '## Memory per connection across steps',
    '',
    'Least-squares slope of the server’s memory with the step’s clients connected against the number of clients',
    '(heap after a full GC, and resident set size).',
    '',
    '| config | heap B/conn (slope) | RSS B/conn (slope) |',
    '| --- | ---: | ---: |',
    ...r.memorySlopes.map((m) => `| ${m.config} | ${fmt(m.heapBytesPerConnection, 0)} | ${fmt(m.rssBytesPerConnection, 0)} |`),
    '',
    '## Ratios (p99 latency unless named)',
    '',
    '| ratio | clients | value |',
    '| --- | ---: | ---: |',
    ...r.ratios.map((x) => `| ${x.name} | ${x.clients} | ${fmt(x.value, 2)} |`),
    '',
    ...(r.production
      ? [
          '## The production process',
          '',
          'The server as the image runs it: compiled JavaScript on plain `node` (`npm run build:server`, `npm run start:prod`),',
          'on this run’s PostgreSQL, before any client; start-up is from spawning the process to its listening line.',
          '',
          '| measure | value |',
          '| --- | ---: |',
          `| start-up, compiled (median of ${r.production.startupMs.runs.length}) | ${fmt(r.production.startupMs.median, 0)} ms |`,
          `| start-up under tsx, for comparison | ${fmt(r.production.tsxStartupMs.median, 0)} ms |`,
          `| idle RSS, compiled | ${fmt(r.production.idleRssBytes / 2 ** 20)} MB |`,
          '',
        ]
      : []),
    '## Targets',
    '',
    ...busyHost(r),
    '| target | observed | met |',
    '| --- | --- | --- |',
    ...r.targets.map((t) => `| ${t.target} | ${t.observed} | ${t.met === null ? 'not measured' : t.met ? 'yes' : 'no'} |`),
    '',
    '## Other measurements',
    '',
    '```json',
    JSON.stringify({ rush: r.rush, signIn: r.signIn, media: r.media, bundle: r.bundle, settings: r.settings }, null, 2),
    '```',
    '',
  ];
  return lines.join('\n');
}

export async function writeReport(dir: string, r: BenchResult): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'result.json'), JSON.stringify(r, null, 2));
  writeFileSync(path.join(dir, 'latency.svg'), await latencyChart(r.steps));
  writeFileSync(path.join(dir, 'report.md'), markdown(r));
}
