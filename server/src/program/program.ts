import { readFileSync } from 'node:fs';
import Holidays from 'date-holidays';
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
  const problems = parsed.success ? holidayProblems(parsed.data.holidays) : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  if (!parsed.success || problems.length > 0) {
    const lines = problems.map((p) => `  ${p.path || '(file)'}: ${p.message}`);
    throw new Error(`The program configuration${file ? ` in ${file}` : ''} is not valid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The holiday region must be one date-holidays knows: an unknown one would silently give no holidays at all. */
function holidayProblems(h: ProgramConfig['holidays']): Array<{ path: string; message: string }> {
  const known = new Holidays();
  if (!known.getCountries()[h.country]) return [{ path: 'holidays.country', message: `date-holidays knows no country ${h.country}` }];
  if (h.region === null) return [];
  const regions = known.getStates(h.country) ?? {};
  if (regions[h.region]) return [];
  const list = Object.keys(regions).join(', ');
  return [{ path: 'holidays.region', message: `date-holidays knows no region ${h.region} in ${h.country}${list ? ` (it knows ${list})` : ''}` }];
}

/** The built-in program (Alberta), for tests and tools that need one without a file. */
export const DEFAULT_PROGRAM: ProgramConfig = ProgramConfig.parse(alberta);

let running: ProgramConfig = DEFAULT_PROGRAM;

/**
 * One process runs one program. The composition root (createApp) names it once; code deep in the schedule that
 * has no dependencies passed to it (the holiday calendar under every planned session) reads it here.
 */
export function runProgram(program: ProgramConfig): void {
  running = program;
}

/** The program this process runs (the built-in one until `runProgram`). */
export const currentProgram = (): ProgramConfig => running;
