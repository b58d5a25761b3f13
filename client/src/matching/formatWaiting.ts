/** "3 hours", "2 days", "1 day": how long a request has waited, in the unit staff triage by. */
export function formatWaiting(hours: number): string {
  if (hours < 1) return 'under an hour';
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.floor(hours / 24);
  return `${days} days`;
}

/** "fewer than 5" for a withheld count, otherwise the count with its share of the total. */
export function formatCell(cell: { count: number | null; share: number | null; suppressed: boolean }, threshold: number): string {
  if (cell.suppressed || cell.count === null) return `fewer than ${threshold}`;
  return `${cell.count} (${cell.share ?? 0} %)`;
}
