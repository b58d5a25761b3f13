import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server for this run; each test file makes its own database on it. */
    postgresUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Starts a throwaway PostgreSQL from Debian's packages on a free loopback port, unless TEST_DATABASE_URL names
 * one. Stopped again at the end of the run.
 */
export default function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'redmug-pg-'));
  const url = execFileSync('bash', [path.join(root, 'infra/postgres/start-temp-postgres.sh'), dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  project.provide('postgresUrl', url);
  return () => {
    execFileSync('bash', [path.join(root, 'infra/postgres/stop-temp-postgres.sh'), dir], { stdio: 'inherit' });
    rmSync(dir, { recursive: true, force: true });
  };
}
