import { Link } from 'react-router';
import { CATEGORY_LABELS } from '../../../shared/schemas/matching';
import { DataTable } from '../ui/DataTable';
import { Loaded } from '../ui/Loaded';
import { memberKindLabel } from '../ui/memberKindLabel';
import { useLoad } from '../ui/useLoad';
import { formatWaiting } from './formatWaiting';
import { fetchQueue } from './matchingApi';
import { MatchingLayout } from './MatchingLayout';

/** /support/queue — staff: open requests oldest first, active matches, and each volunteer's load. */
export function QueuePage() {
  const { state } = useLoad(fetchQueue);
  return (
    <MatchingLayout title="Request queue">
      <Loaded state={state}>{(data) => (
        <>
          <section aria-labelledby="open-heading">
            <h2 id="open-heading">Requests ({data.requests.filter((r) => r.status === 'open').length} open)</h2>
            {data.requests.length === 0 ? (
              <p>No open requests.</p>
            ) : (
              <DataTable
                headers={['Topic', 'Caller', 'Status', 'Waiting']}
                rows={data.requests}
                rowKey={(r) => r.id}
                cells={(r) => [
                  <Link to={`/support/requests/${r.id}`}>{CATEGORY_LABELS[r.category]}</Link>,
                  memberKindLabel(r.callerKind),
                  r.status === 'matched' ? 'Matched' : r.pendingProposal ? 'Proposal waiting' : 'Open',
                  formatWaiting(r.waitingHours),
                ]}
              />
            )}
          </section>
          <section aria-labelledby="load-heading">
            <h2 id="load-heading">Active matches per volunteer ({data.activeMatches.length} active in total)</h2>
            <DataTable
              headers={['Volunteer', 'Active matches', 'Capacity', 'Availability']}
              rows={data.volunteers}
              rowKey={(v) => v.volunteerId}
              cells={(v) => [v.firstName, v.activeMatches, v.capacity ?? 'No profile', v.available === null ? 'No profile' : v.available ? 'Active' : 'Paused']}
            />
          </section>
        </>
      )}</Loaded>
    </MatchingLayout>
  );
}
