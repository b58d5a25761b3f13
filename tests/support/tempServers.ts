import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * A PostgreSQL or Redis of a fault test's own (never the suite's shared one), which the test may stop and start
 * again; a restart keeps the port, so the app's URL stays valid.
 */
export interface TempServer {
  url: string;
  /** Its data directory (Redis: the append-only files and snapshots), for tests that search what reached disk. */
  dir: string;
  stop(): void;
  start(): string;
  /** Stops it for good and removes its files. */
  destroy(): void;
}

export function startTempServer(kind: 'postgres' | 'redis', env: Record<string, string> = {}): TempServer {
  const dir = mkdtempSync(path.join(tmpdir(), `redmug-fault-${kind}-`));
  const run = (what: 'start' | 'stop') =>
    execFileSync('bash', [path.join(root, `infra/${kind}/${what}-temp-${kind}.sh`), dir], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
  const server: TempServer = {
    url: run('start'),
    dir,
    stop: () => void run('stop'),
    start: () => run('start'),
    destroy() {
      run('stop');
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}
