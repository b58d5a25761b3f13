import { Link } from 'react-router';
import { CATEGORY_LABELS } from '../../../shared/schemas/matching';
import { useStore } from '../store';
import { Loaded } from '../ui/Loaded';
import { useLoad } from '../ui/useLoad';
import { fetchOwnRequests } from './matchingApi';
import { MatchingLayout } from './MatchingLayout';
import { NoticesList } from './NoticesList';

const STATUS_LABELS = { open: 'Waiting for a match', matched: 'Matched', closed: 'Closed' } as const;

/** /support — where each role starts with matched peer support. */
export function MatchingHomePage() {
  const role = useStore((s) => s.user?.role);
  return (
    <MatchingLayout title="Matched peer support">
      <p className="lede">
        A trained volunteer lawyer who has walked a similar path talks with you one-to-one. It is peer support: stories
        and strategies, never advice. Requests are confidential and only staff read them.
      </p>
      {role === 'member' && <MemberStart />}
      {role === 'volunteer' && (
        <p>
          Keep your <Link to="/support/profile">peer profile</Link> up to date and answer{' '}
          <Link to="/support/proposals">proposed matches</Link>.
        </p>
      )}
      {role === 'staff' && (
        <p>
          Open the <Link to="/support/queue">request queue</Link> or the <Link to="/support/stats">statistics</Link>.
        </p>
      )}
      <NoticesList />
    </MatchingLayout>
  );
}

function MemberStart() {
  const { state } = useLoad(fetchOwnRequests);
  return (
    <>
      <p>
        <Link className="button primary" to="/support/request">
          Ask for a matched peer
        </Link>
      </p>
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">Your requests</h2>
        
        <Loaded state={state}>{(data) =>
          (data.requests.length === 0 ? (
            <p>You have not asked for a peer yet.</p>
          ) : (
            <ul>
              {data.requests.map((r) => (
                <li key={r.id}>
                  {CATEGORY_LABELS[r.category]}: {STATUS_LABELS[r.status]} (sent {new Date(r.createdAt).toLocaleDateString()})
                  {r.activeMatchId && (
                    <>
                      {' '}
                      <Link to={`/support/matches/${r.activeMatchId}/room`}>Open your private video room</Link>
                    </>
                  )}
                </li>
              ))}
            </ul>
          ))}</Loaded>
      </section>
    </>
  );
}
