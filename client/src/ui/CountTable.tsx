import { DataTable } from './DataTable';

/** A captioned two-column table of counts, already formatted (withheld counts say so in words). */
export function CountTable({
  caption,
  groupHeader = 'Group',
  countHeader = 'Count',
  rows,
  empty = 'Nothing in this period.',
}: {
  caption: string;
  groupHeader?: string;
  countHeader?: string;
  rows: ReadonlyArray<{ key: string; label: string; value: string }>;
  empty?: string;
}) {
  return (
    <DataTable caption={caption} headers={[groupHeader, countHeader]} rows={rows} rowKey={(r) => r.key} cells={(r) => [r.label, r.value]} empty={empty} />
  );
}
