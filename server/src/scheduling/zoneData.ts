import { DateTime } from 'luxon';

/**
 * Facts of current time zone data that the schedule depends on, each written out by hand from a published rule.
 * Every circle instant is computed from the runtime's zone data (ICU, through Intl and luxon), so a runtime whose
 * data predates a rule change puts circles at the wrong instant without any error. The first fact: Alberta kept
 * UTC−6 all year from 1 November 2026 (IANA tz 2026c), so noon in Edmonton on 4 January 2027 is 18:00 UTC; data
 * older than 2026c says 19:00 UTC, an hour late. The Alberta facts are the runtime's check whatever the program (they
 * are the newest rule change a program's data depends on); facts for other programs' zones sit beside them, so a
 * runtime that got one of those wrong is refused too.
 */
export const ZONE_FACTS: ReadonlyArray<{ zone: string; local: string; utc: string; rule: string }> = [
  { zone: 'America/Edmonton', local: '2027-01-04T12:00', utc: '2027-01-04T18:00:00.000Z', rule: 'Alberta keeps UTC−6 all year from 2026-11-01 (tz 2026c)' },
  { zone: 'America/Edmonton', local: '2026-10-26T12:00', utc: '2026-10-26T18:00:00.000Z', rule: 'Alberta was on MDT (UTC−6) in October 2026' },
  { zone: 'America/Edmonton', local: '2026-03-02T12:00', utc: '2026-03-02T19:00:00.000Z', rule: 'Alberta was on MST (UTC−7) in early March 2026' },
  // Nova Scotia: AST (UTC−4) in winter, ADT (UTC−3) from the second Sunday of March to the first Sunday of November.
  { zone: 'America/Halifax', local: '2027-01-04T12:00', utc: '2027-01-04T16:00:00.000Z', rule: 'Nova Scotia is on AST (UTC−4) in winter' },
  { zone: 'America/Halifax', local: '2027-07-05T12:00', utc: '2027-07-05T15:00:00.000Z', rule: 'Nova Scotia is on ADT (UTC−3) in summer' },
  { zone: 'America/Halifax', local: '2027-03-15T12:00', utc: '2027-03-15T15:00:00.000Z', rule: 'Nova Scotia is on ADT from the second Sunday of March (14 March 2027)' },
  { zone: 'America/Halifax', local: '2027-11-08T12:00', utc: '2027-11-08T16:00:00.000Z', rule: 'Nova Scotia is back on AST from the first Sunday of November (7 November 2027)' },
];

/** The zones the facts above speak for: a program whose zone is not among them runs on the runtime's data unchecked. */
export const zonesWithFacts = (): Set<string> => new Set(ZONE_FACTS.map((f) => f.zone));

/** The instant of a local wall time in a zone, by the runtime's zone data (what the schedule itself uses). */
function instantOf(local: string, zone: string): string | null {
  return DateTime.fromISO(local, { zone }).toUTC().toISO();
}

/**
 * Null when the runtime's zone data agrees with every fact above; otherwise a message that says what is wrong and
 * what to do, for an operator reading a failed start.
 */
export function staleZoneData(runtime: { tz?: string; node: string } = { tz: process.versions.tz, node: process.version }): string | null {
  const wrong = ZONE_FACTS.filter((f) => instantOf(f.local, f.zone) !== f.utc);
  if (wrong.length === 0) return null;
  const lines = wrong.map((f) => `  ${f.zone} ${f.local.replace('T', ' ')} should be ${f.utc} (${f.rule}); this runtime says ${instantOf(f.local, f.zone)}`);
  return [
    `Red Mug will not start: this runtime's time zone data (Node ${runtime.node}, tz ${runtime.tz ?? 'unknown'}) is older than the rules the circle schedule depends on, so circles would be shown and opened at the wrong time:`,
    ...lines,
    'Run Red Mug on Node 24 LTS or later (npm ci installs it into node_modules, and npm start uses it), or on a runtime whose ICU carries IANA tz 2026c or later.',
  ].join('\n');
}
