import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './servers';

export interface ProductionProcess {
  /** From spawning `node server/dist/index.js` to "Red Mug is running at" (store open, schema checked, listening). */
  startupMs: { runs: number[]; median: number };
  /** Resident set size once started and after answering /readyz, before any client connects. */
  idleRssBytes: number;
  /** The same start under tsx (`npm start`'s way), for comparison. */
  tsxStartupMs: { runs: number[]; median: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function rssOf(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return kb ? Number(kb[1]) * 1024 : NaN;
}

/** One start of the server with `args`; resolves with its start-up time and idle RSS once stopped again. */
async function startOnce(args: string[], env: Record<string, string>): Promise<{ ms: number; rss: number }> {
  const t0 = performance.now();
  const proc = spawn(process.execPath, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  proc.stderr.on('data', (c: Buffer) => output.push(c.toString()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      proc.stdout.on('data', (c: Buffer) => {
        output.push(c.toString());
        const m = /Red Mug is running at (http:\/\/\S+)/.exec(output.join(''));
        if (m) resolve(m[1]!);
      });
      proc.once('exit', (code) => reject(new Error(`the production server exited during start-up (${code}): ${output.join('').slice(-2000)}`)));
    });
    const ms = performance.now() - t0;
    await (await fetch(`${url}/readyz`)).body?.cancel();
    return { ms, rss: rssOf(proc.pid!) };
  } finally {
    if (proc.exitCode === null) {
      const exited = once(proc, 'exit');
      proc.kill('SIGTERM');
      await exited;
    }
  }
}

/**
 * The production process as the image runs it: compiled JavaScript on plain `node` (issue #17, item 13), from the
 * build bench/run.ts made (`buildServer`); each configuration started `runs` times on the bench's PostgreSQL.
 */
export async function productionProcess(env: Record<string, string>, runs: number): Promise<ProductionProcess> {
  const compiled = ['--enable-source-maps', path.join(ROOT, 'server/dist/index.js')];
  const tsx = ['--import', 'tsx', path.join(ROOT, 'server/src/index.ts')];
  const c: Array<{ ms: number; rss: number }> = [];
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    c.push(await startOnce(compiled, env));
    t.push((await startOnce(tsx, env)).ms);
  }
  const cms = c.map((x) => Math.round(x.ms));
  const tms = t.map((x) => Math.round(x));
  return { startupMs: { runs: cms, median: median(cms) }, idleRssBytes: median(c.map((x) => x.rss)), tsxStartupMs: { runs: tms, median: median(tms) } };
}
