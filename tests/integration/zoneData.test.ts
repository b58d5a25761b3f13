import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleZoneData } from '../../server/src/scheduling/zoneData';

const root = path.resolve(import.meta.dirname, '../..');

/** Debian's own Node (20, tz 2025c here): a runtime whose zone data predates Alberta's 2026 rule. */
const SYSTEM_NODE = '/usr/bin/node';
const systemTz = existsSync(SYSTEM_NODE) ? execFileSync(SYSTEM_NODE, ['-p', 'process.versions.tz'], { encoding: 'utf8' }).trim() : null;

describe('the zone data guard', () => {
  it('passes on the runtime the app and the tests run on (Node 24, tz 2026c or later)', () => {
    expect(process.versions.tz! >= '2026c').toBe(true);
    expect(staleZoneData()).toBeNull();
  });

  // This machine (and CI, which runs on it) has Debian's Node 20 beside the project's Node 24; a machine without
  // an older runtime has nothing to show the refusal on.
  it.runIf(systemTz !== null && systemTz < '2026c')('the server refuses to start on a runtime with older zone data, and says what to do', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'redmug-zone-'));
    try {
      const proc = spawn(SYSTEM_NODE, ['--import', 'tsx', path.join(root, 'server/src/index.ts')], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, SEED_DEMO: 'false', LIVEKIT_LOCAL: 'off' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
      proc.stderr.on('data', (c: Buffer) => (out += c.toString()));
      const [code] = (await once(proc, 'exit')) as [number | null];
      expect(code).toBe(1);
      expect(out).toContain('Red Mug will not start');
      expect(out).toContain(`tz ${systemTz}`);
      expect(out).toContain('America/Edmonton 2027-01-04 12:00 should be 2027-01-04T18:00:00.000Z');
      expect(out).toContain('this runtime says 2027-01-04T19:00:00.000Z');
      expect(out).toContain('Node 24 LTS');
      // It stopped before opening the store or listening.
      expect(out).not.toContain('Red Mug is running at');
      expect(existsSync(path.join(dataDir, 'pglite'))).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
