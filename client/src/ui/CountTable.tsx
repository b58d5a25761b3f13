import { useT } from '../i18n/useT';
import { DataTable } from './DataTable';

/** A captioned two-column table of counts, already formatted (withheld counts say so in words). */
export function CountTable({
  caption,
  groupHeader,
  countHeader,
  rows,
  empty,
}: {
  caption: string;
  groupHeader?: string;
  countHeader?: string;
  rows: ReadonlyArray<{ key: string; label: string; value: string }>;
  empty?: string;
}) {
  const t = useT();
  return (
    <DataTable
      caption={caption}
      headers={[groupHeader ?? t('common.table.group'), countHeader ?? t('common.table.count')]}
      rows={rows}
      rowKey={(r) => r.key}
      cells={(r) => [r.label, r.value]}
      empty={empty ?? t('common.table.emptyPeriod')}
    />
  );
}
