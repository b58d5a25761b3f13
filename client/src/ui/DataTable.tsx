import type { ReactNode } from 'react';

/**
 * A table with a header cell per column and a row per item, `cells` giving an item's cells in column order. With
 * `empty`, a table of no rows says so in one row rather than standing empty.
 */
export function DataTable<R>({
  caption,
  headers,
  rows,
  rowKey,
  cells,
  empty,
  id,
}: {
  caption?: string;
  headers: ReactNode[];
  rows: readonly R[];
  rowKey: (row: R, index: number) => string;
  cells: (row: R) => ReactNode[];
  empty?: string;
  id?: string;
}) {
  return (
    <table className="data-table" id={id}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          {headers.map((header, i) => (
            <th key={i} scope="col">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && empty !== undefined && (
          <tr>
            <td colSpan={headers.length}>{empty}</td>
          </tr>
        )}
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)}>
            {cells(row).map((cell, j) => (
              <td key={j}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
