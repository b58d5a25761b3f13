import { CATEGORY_LABELS, type Cell, type RequestCategory } from '../../../shared/schemas/matching';
import { formatCount } from '../../../shared/i18n/formatTime';
import { useT } from '../i18n/useT';
import { CountTable } from '../ui/CountTable';
import { Loaded } from '../ui/Loaded';
import { useLoad } from '../ui/useLoad';
import { formatCell } from './formatWaiting';
import { callerKindIn, dayIn } from './labels';
import { fetchStats } from './matchingApi';
import { MatchingLayout } from './MatchingLayout';

/** /support/stats — staff: milestones and shares, with small counts withheld. Aggregates only. */
export function StatsPage() {
  const t = useT();
  const { state } = useLoad(fetchStats);
  return (
    <MatchingLayout title={t('matching.stats.title')}>
      <Loaded state={state}>{(data) => (
        <>
          <section className="card" aria-labelledby="milestones-heading">
            <h2 id="milestones-heading">{t('matching.stats.made', { count: data.totalMatches })}</h2>
            <p>
              {t('matching.stats.next', { n: data.nextMilestone })}
              {data.matchesBeforePlatform > 0 && <> {t('matching.stats.before', { count: data.matchesBeforePlatform })}</>}
            </p>
            {data.milestones.length > 0 && (
              <ul>
                {data.milestones.map((m) => (
                  <li key={m.count}>
                    {m.reachedAt
                      ? t('matching.stats.milestone', { n: m.count, date: dayIn(t.locale, m.reachedAt) })
                      : t('matching.stats.milestoneBefore', { n: m.count })}
                  </li>
                ))}
              </ul>
            )}
            <CountTable
              caption={t('matching.stats.perYear')}
              groupHeader={t('matching.stats.year')}
              countHeader={t('matching.stats.matches')}
              rows={data.matchesByYear.map((y) => ({ key: String(y.year), label: String(y.year), value: formatCount(t.locale, y.count) }))}
              empty={t('matching.stats.noMatches')}
            />
          </section>
          <p className="hint">{t('matching.stats.note', { total: data.totalRequests, threshold: data.threshold })}</p>
          <CellTable
            caption={t('matching.stats.byTopic')}
            groupHeader={t('matching.stats.topic')}
            cells={data.byCategory}
            label={(k) => (Object.hasOwn(CATEGORY_LABELS, k) ? t(CATEGORY_LABELS[k as RequestCategory]) : k)}
            threshold={data.threshold}
          />
          <CellTable
            caption={t('matching.stats.byCaller')}
            groupHeader={t('matching.stats.caller')}
            cells={data.byCallerKind}
            label={(k) => callerKindIn(t, k === 'unknown' ? null : k)}
            threshold={data.threshold}
          />
        </>
      )}</Loaded>
    </MatchingLayout>
  );
}

function CellTable({ caption, groupHeader, cells, label, threshold }: { caption: string; groupHeader: string; cells: Cell[]; label: (k: string) => string; threshold: number }) {
  const t = useT();
  return (
    <CountTable
      caption={caption}
      groupHeader={groupHeader}
      countHeader={t('matching.stats.share')}
      rows={cells.map((c) => ({ key: c.key, label: label(c.key), value: formatCell(t, c, threshold) }))}
      empty={t('matching.stats.noRequests')}
    />
  );
}
