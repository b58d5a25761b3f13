import { CATEGORY_LABELS, type Cell, type RequestCategory } from '../../../shared/schemas/matching';
import { formatCell } from './formatWaiting';
import { callerKindLabel } from './labels';
import { fetchStats } from './matchingApi';
import { SupportLayout } from './SupportLayout';
import { useLoad } from './useLoad';
import { Loaded } from './Loaded';

/** /support/stats — staff: milestones and shares, with small counts withheld. Aggregates only. */
export function StatsPage() {
  const { state } = useLoad(fetchStats);
  return (
    <SupportLayout title="Matched peer support in numbers">
      <Loaded state={state}>{(data) => (
        <>
          <section className="card" aria-labelledby="milestones-heading">
            <h2 id="milestones-heading">Matches made: {data.totalMatches}</h2>
            <p>
              Next milestone: the {data.nextMilestone}th match.
              {data.matchesBeforePlatform > 0 && ` Includes ${data.matchesBeforePlatform} matches made before Red Mug.`}
            </p>
            {data.milestones.length > 0 && (
              <ul>
                {data.milestones.map((m) => (
                  <li key={m.count}>
                    {m.count}th match{m.reachedAt ? ` on ${new Date(m.reachedAt).toLocaleDateString()}` : ' (before Red Mug)'}
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
                {data.matchesByYear.map((y) => (
                  <tr key={y.year}>
                    <td>{y.year}</td>
                    <td>{y.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <p className="hint">
            {data.totalRequests} requests in all. Counts under {data.threshold} are withheld, with one more
            where needed so no withheld count can be worked out from the total.
          </p>
          <CellTable
            caption="Requests by topic"
            cells={data.byCategory}
            label={(k) => CATEGORY_LABELS[k as RequestCategory] ?? k}
            threshold={data.threshold}
          />
          <CellTable
            caption="Requests by caller"
            cells={data.byCallerKind}
            label={(k) => callerKindLabel(k === 'unknown' ? null : (k as 'lawyer' | 'articling_student'))}
            threshold={data.threshold}
          />
        </>
      )}</Loaded>
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
