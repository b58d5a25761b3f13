import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import type { ProbeSample } from './probe';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** The app as the image runs it: compiled by `buildServer` (`npm run build:server`), started on plain node. */
export const APP_ENTRY = 'server/dist/index.js';

/** A server process the bench started, with the probe preloaded and an IPC channel to it. */
/** What every app instance of a bench run is started with, on the run's PostgreSQL (production mode, quiet logs). */
export function benchAppEnv(databaseUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: 'bench-secret-0123456789-0123456789-abcdef',
    E2EE_SECRET: 'bench-e2ee-secret-0123456789-0123456789-ab',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
  };
}

export interface BenchServer {
  url: string;
  pid: number;
  sample(): Promise<ProbeSample>;
  resetProbe(): Promise<void>;
  stop(): Promise<void>;
}

function ask<T>(proc: ChildProcess, probe: 'reset' | 'sample'): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (m: { probe?: string; sample?: T }) => {
      if (m.probe !== `${probe}:done`) return;
      proc.off('message', onMessage);
      resolve(m.sample as T);
    };
    proc.on('message', onMessage);
    proc.send({ probe });
  });
}

/**
 * Starts `entry` on plain node with the probe; resolves once it prints its address. The app is its compiled build
 * (`server/dist/index.js`, as the image runs it); the bench's own servers and the probe are TypeScript that node runs
 * by stripping the types. Nothing runs under tsx, whose transform would be measured with the app.
 */
export async function startServer(entry: string, env: Record<string, string>, ready: RegExp): Promise<BenchServer> {
  // `--profile` (bench/run.ts): each server writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : [];
  const proc = spawn(process.execPath, [...profile, '--enable-source-maps', '--expose-gc', '--import', path.join(ROOT, 'bench/probe.ts'), path.join(ROOT, entry)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const output: string[] = [];
  proc.stderr!.on('data', (c: Buffer) => output.push(c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    proc.stdout!.on('data', (c: Buffer) => {
      const text = c.toString();
      output.push(text);
      const m = ready.exec(text);
      if (m) resolve(m[1]!.startsWith('http') ? m[1]! : `http://127.0.0.1:${m[1]}`);
    });
    proc.once('exit', (code) => reject(new Error(`${entry} exited during start-up (${code}): ${output.join('').slice(-2000)}`)));
  });
  return {
    url,
    pid: proc.pid!,
    sample: () => ask<ProbeSample>(proc, 'sample'),
    resetProbe: () => ask<void>(proc, 'reset'),
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = once(proc, 'exit');
      proc.kill('SIGTERM');
      const t = setTimeout(() => proc.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
    },
  };
}
