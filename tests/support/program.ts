import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ProgramConfigInput } from '../../shared/schemas/program';
import alberta from '../../server/src/program/alberta.json' with { type: 'json' };

const root = path.resolve(import.meta.dirname, '../..');

/** The fictional Nova Scotia program the second-program tests run (French by default, America/Halifax, NS holidays). */
export const NOVA_SCOTIA_FILE = path.join(root, 'tests/fixtures/nova-scotia.json');

/**
 * A program file for a test: the built-in Alberta program with some fields replaced, written to a temporary file.
 * Pass the result as the app's env (`startTestApp({ env: programEnv({ counselling: … }) })`).
 */
export function programEnv(changes: Partial<ProgramConfigInput>): { PROGRAM_FILE: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'redmug-program-'));
  const file = path.join(dir, 'program.json');
  writeFileSync(file, JSON.stringify({ ...alberta, ...changes }, null, 2));
  return { PROGRAM_FILE: file };
}
