import { CATEGORY_LABELS, type Cell, type RequestCategory } from '../../../shared/schemas/matching';
import { CountTable } from '../ui/CountTable';
import { Loaded } from '../ui/Loaded';
import { memberKindLabel } from '../ui/memberKindLabel';
import { useLoad } from '../ui/useLoad';
import { formatCell } from './formatWaiting';
import { fetchStats } from './matchingApi';
import { MatchingLayout } from './MatchingLayout';

/** /support/stats — staff: milestones and shares, with small counts withheld. Aggregates only. */
export function StatsPage() {
  const { state } = useLoad(fetchStats);
  return (
    <MatchingLayout title="Matched peer support in numbers">
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
            <CountTable
              caption="Matches per year"
              groupHeader="Year"
              countHeader="Matches"
              rows={data.matchesByYear.map((y) => ({ key: String(y.year), label: String(y.year), value: String(y.count) }))}
              empty="No matches yet."
            />
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
            label={(k) => memberKindLabel(k === 'unknown' ? null : k)}
            threshold={data.threshold}
          />
        </>
      )}</Loaded>
    </MatchingLayout>
  );
}

function CellTable({ caption, cells, label, threshold }: { caption: string; cells: Cell[]; label: (k: string) => string; threshold: number }) {
  return (
    <CountTable
      caption={caption}
      countHeader="Requests (share)"
      rows={cells.map((c) => ({ key: c.key, label: label(c.key), value: formatCell(c, threshold) }))}
      empty="No requests yet."
    />
  );
}
