import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { once } from 'node:events';

const root = path.resolve(import.meta.dirname, '../..');

export interface AppProcess {
  url: string;
  /** Everything the process wrote, for scans of what reached the logs. */
  output: string[];
  proc: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** How production starts the server: the compiled JavaScript (`npm run build:server`), without tsx. */
export const COMPILED_SERVER = ['--enable-source-maps', path.join(root, 'server/dist/index.js')];

/**
 * Starts the real server entry point (`server/src/index.ts` under tsx, or `args` such as COMPILED_SERVER) as its
 * own process, on a free loopback port.
 */
export async function startAppProcess(env: Record<string, string>, args = ['--import', 'tsx', path.join(root, 'server/src/index.ts')]): Promise<AppProcess> {
  const proc = spawn(process.execPath, args, {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', SEED_DEMO: 'false', LIVEKIT_LOCAL: 'off', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output.push(text);
      const m = /Red Mug is running at (http:\/\/\S+)/.exec(text);
      if (m) resolve(m[1]!);
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (c: Buffer) => output.push(c.toString()));
    proc.once('exit', (code) => reject(new Error(`app process exited during start-up (${code}):\n${output.join('')}`)));
  });
  return {
    url,
    output,
    proc,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = once(proc, 'exit');
      proc.kill(signal);
      await exited;
    },
  };
}
