import { Link } from 'react-router';
import { CATEGORY_LABELS, type VolunteerMatch } from '../../../shared/schemas/matching';
import { ErrorLine } from '../ui/ErrorLine';
import { Loaded } from '../ui/Loaded';
import { memberKindLabel } from '../ui/memberKindLabel';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';
import { fetchVolunteerMatches, respondToMatch } from './matchingApi';
import { MatchingLayout } from './MatchingLayout';
import { NoticesList } from './NoticesList';

/** /support/proposals — a volunteer answers proposed matches and sees their active ones. */
export function VolunteerMatchesPage() {
  const { state, reload } = useLoad(fetchVolunteerMatches);
  return (
    <MatchingLayout title="My matches">
      <p className="lede">You see the topic only. Staff share how to reach the caller once you accept.</p>
      <Loaded state={state}>{(data) =>
        (data.matches.length === 0 ? (
          <p>No proposals or active matches right now.</p>
        ) : (
          <ul className="suggestions">
            {data.matches.map((m) => (
              <MatchCard key={m.id} match={m} onDone={reload} />
            ))}
          </ul>
        ))}</Loaded>
      <NoticesList />
    </MatchingLayout>
  );
}

function MatchCard({ match, onDone }: { match: VolunteerMatch; onDone: () => void }) {
  // An answer reloads the list, which replaces this card.
  const { busy, error, run } = useAction({ staysBusy: true });
  async function answer(accept: boolean) {
    if (await run(() => respondToMatch(match.id, accept))) onDone();
  }
  const title = `${CATEGORY_LABELS[match.category]} · ${memberKindLabel(match.callerKind)}`;
  return (
    <li className="card" aria-label={title}>
      <h2>{title}</h2>
      <p>
        {match.status === 'proposed' ? 'Proposed' : 'Active'} since {new Date(match.proposedAt).toLocaleDateString()}
      </p>
      <ErrorLine message={error} />
      {match.status === 'active' && (
        <p>
          <Link to={`/support/matches/${match.id}/room`}>Open the private video room</Link>
        </p>
      )}
      {match.status === 'proposed' && (
        <p className="join-row">
          <button type="button" className="button primary" disabled={busy} onClick={() => void answer(true)}>
            Accept
          </button>{' '}
          <button type="button" className="button secondary" disabled={busy} onClick={() => void answer(false)}>
            Decline
          </button>
        </p>
      )}
    </li>
  );
}
