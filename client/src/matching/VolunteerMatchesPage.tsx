import { Link } from 'react-router';
import { CATEGORY_LABELS, type VolunteerMatch } from '../../../shared/schemas/matching';
import { useT } from '../i18n/useT';
import { ErrorLine } from '../ui/ErrorLine';
import { Loaded } from '../ui/Loaded';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';
import { callerKindIn, dayIn } from './labels';
import { fetchVolunteerMatches, respondToMatch } from './matchingApi';
import { MatchingLayout } from './MatchingLayout';
import { NoticesList } from './NoticesList';

/** /support/proposals — a volunteer answers proposed matches and sees their active ones. */
export function VolunteerMatchesPage() {
  const t = useT();
  const { state, reload } = useLoad(fetchVolunteerMatches);
  return (
    <MatchingLayout title={t('matching.proposals.title')}>
      <p className="lede">{t('matching.proposals.lede')}</p>
      <Loaded state={state}>{(data) =>
        (data.matches.length === 0 ? (
          <p>{t('matching.proposals.none')}</p>
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
  const t = useT();
  // An answer reloads the list, which replaces this card.
  const { busy, error, run } = useAction({ staysBusy: true });
  async function answer(accept: boolean) {
    if (await run(() => respondToMatch(match.id, accept))) onDone();
  }
  const title = t('matching.topicCaller', { category: t(CATEGORY_LABELS[match.category]), caller: callerKindIn(t, match.callerKind) });
  return (
    <li className="card" aria-label={title}>
      <h2>{title}</h2>
      <p>{t('matching.proposals.since', { status: match.status, date: dayIn(t.locale, match.proposedAt) })}</p>
      <ErrorLine message={error} />
      {match.status === 'active' && (
        <p>
          <Link to={`/support/matches/${match.id}/room`}>{t('matching.proposals.openRoom')}</Link>
        </p>
      )}
      {match.status === 'proposed' && (
        <p className="join-row">
          <button type="button" className="button primary" disabled={busy} onClick={() => void answer(true)}>
            {t('matching.proposals.accept')}
          </button>
          <> </>
          <button type="button" className="button secondary" disabled={busy} onClick={() => void answer(false)}>
            {t('matching.proposals.decline')}
          </button>
        </p>
      )}
    </li>
  );
}
