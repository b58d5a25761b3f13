import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { MediaLoadResult } from './mediaLoad';

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const config = (s: { mode: string; nodes: number }) => `${s.mode}, ${s.nodes} node${s.nodes > 1 ? 's' : ''}`;

/** The Vega-Lite spec of the media chart: livekit-server CPU and audio jitter p95 against circles, one line per run. */
export function mediaChartSpec(r: MediaLoadResult): TopLevelSpec {
  const values = r.steps.map((s) => ({ config: config(s), circles: s.circles, cpu: s.livekitCpuPercent, jitter: s.audioJitterMs.p95, loss: s.audioLossPercent }));
  const line = (field: string, title: string) => ({
    width: 420,
    height: 220,
    mark: { type: 'line' as const, point: true },
    encoding: {
      x: { field: 'circles', type: 'quantitative' as const, title: 'circles of 8' },
      y: { field, type: 'quantitative' as const, title },
      color: { field: 'config', type: 'nominal' as const, title: 'run' },
    },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'LiveKit under circles of 8 (Opus from every participant, rtc-node load)',
    data: { values },
    hconcat: [line('cpu', 'livekit-server CPU (% of one core, all nodes)'), line('jitter', 'audio jitter p95 at subscribers (ms)')],
  };
}

export async function mediaChart(r: MediaLoadResult): Promise<string> {
  const view = new vega.View(vega.parse(compile(mediaChartSpec(r)).spec), { renderer: 'none' });
  return view.toSVG();
}

export function mediaMarkdown(r: MediaLoadResult, meta: { startedAt: string; machine: { cpus: number; memoryGiB: number; node: string } }): string {
  return [
    '# Red Mug media load report',
    '',
    `Run ${meta.startedAt} on ${meta.machine.cpus} cores, ${meta.machine.memoryGiB} GiB, Node ${meta.machine.node}, with ${r.settings.sdk} as the load`,
    `generator and livekit-server on the same cores. Circles of ${r.settings.circleSize}: every participant takes a token from the app's join route`,
    'as a signed-in member, publishes Opus (a tone, DTX off) and subscribes to the seven others; in the video mode one participant',
    'per circle also publishes a 640×360 VP8 simulcast camera at 24 fps. Each step runs',
    `${r.settings.steadySeconds} s of steady state after everyone joined; it holds when every participant joined, every subscriber receives`,
    'all seven voices, audio loss < 1 % and jitter p95 < 30 ms. The steps stop at the first that breaks. End-to-end encryption is',
    'off for the load (it costs the clients, not the SFU, which forwards opaque frames either way).',
    '',
    'Where the load generator’s CPU nears 100 % × cores, the machine and not livekit-server is the limit: the capacity',
    'below is then a floor for the node, not its ceiling.',
    '',
    '![LiveKit CPU and audio jitter by circles](media-load.svg)',
    '',
    '## Capacity',
    '',
    '| mode | nodes | circles held | people | stopped by |',
    '| --- | ---: | ---: | ---: | --- |',
    ...r.capacity.map((c) => {
      const broke = r.steps.find((s) => s.mode === c.mode && s.nodes === c.nodes && !s.ok);
      return `| ${c.mode} | ${c.nodes} | ${c.circles} | ${c.circles * r.settings.circleSize} | ${c.reachedTopStep ? 'the last step (held)' : c.brokeBy === 'time limit' ? 'the next step ran past its time limit' : `${broke?.circles ?? '?'} circles broke`} |`;
    }),
    '',
    '## Steps',
    '',
    '| mode | nodes | circles | joined | stats answered | voices heard | loss % | jitter p50 ms | jitter p95 ms | first audio p50 ms | first audio p95 ms | LiveKit CPU % | LiveKit RSS MB | in kbit/s per person | out kbit/s per person | rooms per node | loadgen CPU % | held |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |',
    ...r.steps.map(
      (s) =>
        `| ${s.mode} | ${s.nodes} | ${s.circles} | ${s.joined}/${s.participants} | ${s.statsAnswered} | ${s.audioStreams}/${s.audioStreamsExpected} | ${fmt(s.audioLossPercent, 2)} | ${fmt(s.audioJitterMs.p50)} | ${fmt(s.audioJitterMs.p95)} | ${fmt(s.firstAudioMs.p50, 0)} | ${fmt(s.firstAudioMs.p95, 0)} | ${fmt(s.livekitCpuPercent)} | ${fmt(s.livekitRssBytes / 2 ** 20)} | ${fmt(s.inKbpsPerParticipant)} | ${fmt(s.outKbpsPerParticipant)} | ${s.perNode.map((n) => n.rooms).join(' / ')} | ${fmt(s.loadgenCpuPercent)} | ${s.ok ? 'yes' : 'no'} |`,
    ),
    '',
    ...(r.steps.some((s) => s.joinErrors.length)
      ? ['## Join errors (first ten per step)', '', ...r.steps.flatMap((s) => s.joinErrors.map((e) => `- ${config(s)}, ${s.circles} circles: ${e}`)), '']
      : []),
    '```json',
    JSON.stringify({ settings: r.settings, perNode: r.steps.map((s) => ({ run: config(s), circles: s.circles, nodes: s.perNode })) }, null, 2),
    '```',
    '',
  ].join('\n');
}

export async function writeMediaReport(dir: string, r: MediaLoadResult, meta: Parameters<typeof mediaMarkdown>[1]): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'media-load.json'), JSON.stringify({ ...meta, ...r }, null, 2));
  writeFileSync(path.join(dir, 'media-load.vl.json'), JSON.stringify(mediaChartSpec(r), null, 2));
  writeFileSync(path.join(dir, 'media-load.svg'), await mediaChart(r));
  writeFileSync(path.join(dir, 'media-load.md'), mediaMarkdown(r, meta));
}
