/**
 * Preloaded into every server the bench starts (`node --import ./bench/probe.ts --expose-gc …`): answers the
 * orchestrator over IPC with event-loop delay, CPU time and memory after a full GC. Never loaded by the product.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const eld = monitorEventLoopDelay({ resolution: 10 });
eld.enable();

export interface ProbeSample {
  eldP99Ms: number;
  cpuMicros: number;
  heapUsed: number;
  rss: number;
}

process.on('message', (msg: unknown) => {
  if (!msg || typeof msg !== 'object' || (msg as { probe?: string }).probe === undefined) return;
  const { probe } = msg as { probe: 'reset' | 'sample' };
  if (probe === 'reset') {
    eld.reset();
    process.send?.({ probe: 'reset:done' });
    return;
  }
  (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  const sample: ProbeSample = {
    eldP99Ms: eld.percentile(99) / 1e6,
    cpuMicros: cpu.user + cpu.system,
    heapUsed: process.memoryUsage().heapUsed,
    rss: process.memoryUsage().rss,
  };
  process.send?.({ probe: 'sample:done', sample });
});
