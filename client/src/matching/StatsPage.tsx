import { CATEGORY_LABELS, type Cell, type RequestCategory } from '../../../shared/schemas/matching';
import { formatCell } from './formatWaiting';
import { callerKindLabel } from './labels';
import { fetchStats } from './matchingApi';
import { SupportLayout } from './SupportLayout';
import { useLoad } from './useLoad';

/** /support/stats — staff: milestones and shares, with small counts withheld. Aggregates only. */
export function StatsPage() {
  const { state } = useLoad(fetchStats);
  return (
    <SupportLayout title="Matched peer support in numbers">
      {state.status === 'loading' && <p role="status">Loading…</p>}
      {state.status === 'error' && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <section className="card" aria-labelledby="milestones-heading">
            <h2 id="milestones-heading">Matches made: {state.data.totalMatches}</h2>
            <p>Next milestone: the {state.data.nextMilestone}th match.</p>
            {state.data.milestones.length > 0 && (
              <ul>
                {state.data.milestones.map((m) => (
                  <li key={m.count}>
                    {m.count}th match on {new Date(m.reachedAt).toLocaleDateString()}
                  </li>
                ))}
              </ul>
            )}
            <table className="data-table">
              <caption>Matches per year</caption>
              <thead>
                <tr>
                  <th scope="col">Year</th>
                  <th scope="col">Matches</th>
                </tr>
              </thead>
              <tbody>
                {state.data.matchesByYear.map((y) => (
                  <tr key={y.year}>
                    <td>{y.year}</td>
                    <td>{y.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <p className="hint">
            {state.data.totalRequests} requests in all. Counts under {state.data.threshold} are withheld, with one more
            where needed so no withheld count can be worked out from the total.
          </p>
          <CellTable
            caption="Requests by topic"
            cells={state.data.byCategory}
            label={(k) => CATEGORY_LABELS[k as RequestCategory] ?? k}
            threshold={state.data.threshold}
          />
          <CellTable
            caption="Requests by caller"
            cells={state.data.byCallerKind}
            label={(k) => callerKindLabel(k === 'unknown' ? null : (k as 'lawyer' | 'articling_student'))}
            threshold={state.data.threshold}
          />
        </>
      )}
    </SupportLayout>
  );
}

function CellTable({ caption, cells, label, threshold }: { caption: string; cells: Cell[]; label: (k: string) => string; threshold: number }) {
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col">Requests (share)</th>
        </tr>
      </thead>
      <tbody>
        {cells.map((c) => (
          <tr key={c.key}>
            <td>{label(c.key)}</td>
            <td>{formatCell(c, threshold)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
