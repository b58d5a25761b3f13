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
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{groupHeader}</th>
          <th scope="col">{countHeader}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={2}>{empty}</td>
          </tr>
        )}
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.label}</td>
            <td>{r.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
