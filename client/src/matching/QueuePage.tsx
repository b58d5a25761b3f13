import { Link } from 'react-router';
import { CATEGORY_LABELS } from '../../../shared/schemas/matching';
import { formatCount } from '../../../shared/i18n/formatTime';
import { useT } from '../i18n/useT';
import { DataTable } from '../ui/DataTable';
import { Loaded } from '../ui/Loaded';
import { useLoad } from '../ui/useLoad';
import { formatWaiting } from './formatWaiting';
import { callerKindIn } from './labels';
import { fetchQueue } from './matchingApi';
import { MatchingLayout } from './MatchingLayout';

/** /support/queue — staff: open requests oldest first, active matches, and each volunteer's load. */
export function QueuePage() {
  const t = useT();
  const { state } = useLoad(fetchQueue);
  const count = (n: number) => formatCount(t.locale, n);
  return (
    <MatchingLayout title={t('matching.queue.title')}>
      <Loaded state={state}>{(data) => (
        <>
          <section aria-labelledby="open-heading">
            <h2 id="open-heading">{t('matching.queue.requests', { count: data.requests.filter((r) => r.status === 'open').length })}</h2>
            {data.requests.length === 0 ? (
              <p>{t('matching.queue.none')}</p>
            ) : (
              <DataTable
                headers={[t('matching.queue.topic'), t('matching.queue.caller'), t('matching.queue.status'), t('matching.queue.waiting')]}
                rows={data.requests}
                rowKey={(r) => r.id}
                cells={(r) => [
                  <Link to={`/support/requests/${r.id}`}>{t(CATEGORY_LABELS[r.category])}</Link>,
                  callerKindIn(t, r.callerKind),
                  t(r.status === 'matched' ? 'matching.queue.matched' : r.pendingProposal ? 'matching.queue.proposalWaiting' : 'matching.queue.open'),
                  formatWaiting(t, r.waitingHours),
                ]}
              />
            )}
          </section>
          <section aria-labelledby="load-heading">
            <h2 id="load-heading">{t('matching.queue.load', { count: data.activeMatches.length })}</h2>
            <DataTable
              headers={[t('matching.queue.volunteer'), t('matching.queue.activeMatches'), t('matching.queue.capacity'), t('matching.queue.availability')]}
              rows={data.volunteers}
              rowKey={(v) => v.volunteerId}
              cells={(v) => [
                v.firstName,
                count(v.activeMatches),
                v.capacity === null ? t('matching.queue.noProfile') : count(v.capacity),
                t(v.available === null ? 'matching.queue.noProfile' : v.available ? 'matching.queue.active' : 'matching.queue.paused'),
              ]}
            />
          </section>
        </>
      )}</Loaded>
    </MatchingLayout>
  );
}
