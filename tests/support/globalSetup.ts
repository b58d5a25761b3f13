import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server for this run; each test file makes its own database on it. */
    postgresUrl: string;
    /** A Redis server for this run; tests use their own key prefixes or flush what they use. */
    redisUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Starts a throwaway PostgreSQL and Redis from Debian's packages on free loopback ports, unless
 * TEST_DATABASE_URL / TEST_REDIS_URL name running ones. Stopped again at the end of the run.
 */
export default function setup(project: TestProject) {
  const stops: Array<() => void> = [];
  const start = (kind: 'postgres' | 'redis') => {
    const dir = mkdtempSync(path.join(tmpdir(), `redmug-${kind}-`));
    const url = execFileSync('bash', [path.join(root, `infra/${kind}/start-temp-${kind}.sh`), dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
    stops.push(() => {
      execFileSync('bash', [path.join(root, `infra/${kind}/stop-temp-${kind}.sh`), dir], { stdio: 'inherit' });
      rmSync(dir, { recursive: true, force: true });
    });
    return url;
  };
  project.provide('postgresUrl', process.env.TEST_DATABASE_URL ?? start('postgres'));
  project.provide('redisUrl', process.env.TEST_REDIS_URL ?? start('redis'));
  return () => stops.reverse().forEach((stop) => stop());
}
