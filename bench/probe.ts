/**
 * Preloaded into every server the bench starts (`node --import ./bench/probe.ts --expose-gc …`): answers the
 * orchestrator over IPC with event-loop delay, CPU time and memory after a full GC. Never loaded by the product.
 */
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

const eld = monitorEventLoopDelay({ resolution: 10 });
eld.enable();
/** The garbage collector's pauses since the last reset (the forced collections of `sample` are left out). */
let gc = { totalMs: 0, maxMs: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (((e as { detail?: { flags?: number } }).detail?.flags ?? 0) & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) continue;
    gc.totalMs += e.duration;
    gc.maxMs = Math.max(gc.maxMs, e.duration);
  }
}).observe({ entryTypes: ['gc'] });

export interface ProbeSample {
  eldP99Ms: number;
  gcPauses: { totalMs: number; maxMs: number };
  cpuMicros: number;
  heapUsed: number;
  rss: number;
}

process.on('message', (msg: unknown) => {
  if (!msg || typeof msg !== 'object' || (msg as { probe?: string }).probe === undefined) return;
  const { probe } = msg as { probe: 'reset' | 'sample' };
  if (probe === 'reset') {
    eld.reset();
    gc = { totalMs: 0, maxMs: 0 };
    process.send?.({ probe: 'reset:done' });
    return;
  }
  const pauses = { ...gc };
  (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  const sample: ProbeSample = {
    eldP99Ms: eld.percentile(99) / 1e6,
    gcPauses: pauses,
    cpuMicros: cpu.user + cpu.system,
    heapUsed: process.memoryUsage().heapUsed,
    rss: process.memoryUsage().rss,
  };
  process.send?.({ probe: 'sample:done', sample });
});
