import { Link } from 'react-router';
import { CATEGORY_LABELS } from '../../../shared/schemas/matching';
import { formatWaiting } from './formatWaiting';
import { memberKindLabel } from '../ui/memberKindLabel';
import { fetchQueue } from './matchingApi';
import { MatchingLayout } from './MatchingLayout';
import { useLoad } from '../ui/useLoad';
import { Loaded } from '../ui/Loaded';

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
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">Topic</th>
                    <th scope="col">Caller</th>
                    <th scope="col">Status</th>
                    <th scope="col">Waiting</th>
                  </tr>
                </thead>
                <tbody>
                  {data.requests.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <Link to={`/support/requests/${r.id}`}>{CATEGORY_LABELS[r.category]}</Link>
                      </td>
                      <td>{memberKindLabel(r.callerKind)}</td>
                      <td>{r.status === 'matched' ? 'Matched' : r.pendingProposal ? 'Proposal waiting' : 'Open'}</td>
                      <td>{formatWaiting(r.waitingHours)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="load-heading">
            <h2 id="load-heading">Active matches per volunteer ({data.activeMatches.length} active in total)</h2>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Volunteer</th>
                  <th scope="col">Active matches</th>
                  <th scope="col">Capacity</th>
                  <th scope="col">Availability</th>
                </tr>
              </thead>
              <tbody>
                {data.volunteers.map((v) => (
                  <tr key={v.volunteerId}>
                    <td>{v.firstName}</td>
                    <td>{v.activeMatches}</td>
                    <td>{v.capacity ?? 'No profile'}</td>
                    <td>{v.available === null ? 'No profile' : v.available ? 'Active' : 'Paused'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}</Loaded>
    </MatchingLayout>
  );
}
