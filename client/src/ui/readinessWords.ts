import type { ItemStatus, Readiness } from '../../../shared/schemas/readiness';

/** How one item's state reads: "Signed 2026-10-01, valid until 2027-09-30", "Lapsed on …", "Not on record". */
export function itemWords(s: ItemStatus, done: string): string {
  if (s.state === 'missing' || !s.on) return 'Not on record';
  if (s.state === 'lapsed') return `Lapsed (${done} ${s.on}, valid until ${s.validUntil})`;
  if (s.state === 'due') return `Due for renewal: ${done} ${s.on}, valid until ${s.validUntil}`;
  return `${done} ${s.on}, valid until ${s.validUntil}`;
}

/** A one-line summary: current, due by a date, or what is missing. */
export function readinessSummary(r: Readiness): string {
  if (!r.current) return 'Not current: no red mug, hosting or matching until both are on record';
  if (r.training.state === 'due' || r.undertaking.state === 'due') return `Current, renew by ${r.validUntil}`;
  return `Current until ${r.validUntil}`;
}
