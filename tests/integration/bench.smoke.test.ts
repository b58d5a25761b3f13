import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { MediaLoadResult } from '../../bench/mediaLoad';
import type { BenchResult } from '../../bench/report';

const root = path.resolve(import.meta.dirname, '../..');
const out = mkdtempSync(path.join(tmpdir(), 'redmug-bench-smoke-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Not a measurement: proves `npm run bench` still starts every configuration and writes its report. */
describe('the benchmark harness', () => {
  it('runs a tiny step of each configuration and reports full reach with no cross-circle delivery', async () => {
    await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'bench/run.ts', '--quick', '--steps', '8,16', '--steady-seconds', '1', '--no-media', '--out', out],
      { cwd: root, env: process.env, timeout: 170_000 },
    );
    const result = JSON.parse(readFileSync(path.join(out, 'result.json'), 'utf8')) as BenchResult;
    expect(result.steps.map((s) => `${s.config}@${s.clients}`)).toEqual(['B0@8', 'B0@16', 'B1@8', 'B1@16', 'A1@8', 'A1@16', 'A2@8', 'A2@16']);
    for (const step of result.steps) {
      expect(step.connected).toBe(step.clients);
      expect(step.reach).toBe(1);
      expect(step.crossCircle).toBe(0);
      expect(step.p99ByHalfMs).toHaveLength(2);
    }
    expect(result.memorySlopes.map((m) => m.config)).toEqual(['B0', 'B1', 'A1', 'A2']);
    expect(result.memorySlopes.every((m) => Number.isFinite(m.heapBytesPerConnection))).toBe(true);
    expect(readFileSync(path.join(out, 'report.md'), 'utf8')).toContain('| A1/B1 | 8 |');
    // The compiled production process is measured and reported.
    expect(result.production!.startupMs.median).toBeGreaterThan(0);
    expect(result.production!.idleRssBytes).toBeGreaterThan(10 * 2 ** 20);
    expect(readFileSync(path.join(out, 'report.md'), 'utf8')).toMatch(/\| start-up, compiled \(median of 1\) \| \d+ ms \|/);
    expect(readFileSync(path.join(out, 'latency.svg'), 'utf8')).toMatch(/^<svg/);
  }, 180_000);

  it('runs a media-load smoke step on one node and on two: every voice heard at every subscriber, with a token from the app', async () => {
    const media = path.join(out, 'media');
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--media-load', '--quick', '--steady-seconds', '2', '--out', media], {
      cwd: root,
      env: process.env,
      timeout: 80_000,
    });
    const result = JSON.parse(readFileSync(path.join(media, 'media-load.json'), 'utf8')) as MediaLoadResult;
    expect(result.steps.map((s) => `${s.mode}@${s.nodes}x${s.circles}`)).toEqual(['audio@1x1', 'audio@2x1']);
    for (const step of result.steps) {
      expect(step.joined).toBe(8);
      expect(step.audioStreams).toBe(8 * 7);
      expect(step.firstAudioMs.count).toBe(7);
      expect(step.livekitCpuPercent).toBeGreaterThan(0);
      expect(step.livekitRssBytes).toBeGreaterThan(10 * 2 ** 20);
      expect(step.inKbpsPerParticipant).toBeGreaterThan(50);
      expect(step.perNode).toHaveLength(step.nodes);
    }
    expect(result.capacity.map((c) => c.nodes)).toEqual([1, 2]);
    expect(readFileSync(path.join(media, 'media-load.svg'), 'utf8')).toMatch(/^<svg/);
    expect(JSON.parse(readFileSync(path.join(media, 'media-load.vl.json'), 'utf8')).hconcat).toHaveLength(2);
  }, 90_000);
});
