import { readFileSync } from 'node:fs';
import { ProgramConfig } from '../../../shared/schemas/program';
import alberta from './alberta.json' with { type: 'json' };

/**
 * The program this instance runs: PROGRAM_FILE (a JSON file, see docs/program.md) or, without one, the built-in
 * Alberta program. Read and validated once at start-up; a bad file stops the start with every problem named.
 */
export function loadProgram(file: string | undefined): ProgramConfig {
  let raw: unknown = alberta;
  if (file) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new Error(`PROGRAM_FILE ${file} could not be read as JSON: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  }
  const parsed = ProgramConfig.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new Error(`The program configuration${file ? ` in ${file}` : ''} is not valid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The built-in program (Alberta), for tests and tools that need one without a file. */
export const DEFAULT_PROGRAM: ProgramConfig = ProgramConfig.parse(alberta);
