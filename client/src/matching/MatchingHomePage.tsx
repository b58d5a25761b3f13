import { Link } from 'react-router';
import { CATEGORY_LABELS } from '../../../shared/schemas/matching';
import type { MessageId } from '../../../shared/i18n/catalog';
import { useT } from '../i18n/useT';
import { useStore } from '../store';
import { Loaded } from '../ui/Loaded';
import { useLoad } from '../ui/useLoad';
import { dayIn } from './labels';
import { fetchOwnRequests } from './matchingApi';
import { MatchingLayout } from './MatchingLayout';
import { NoticesList } from './NoticesList';

const STATUS_LABELS = {
  open: 'matching.requestStatus.open',
  matched: 'matching.requestStatus.matched',
  closed: 'matching.requestStatus.closed',
} as const satisfies Record<string, MessageId>;

/** /support — where each role starts with matched peer support. */
export function MatchingHomePage() {
  const t = useT();
  const role = useStore((s) => s.user?.role);
  return (
    <MatchingLayout title={t('matching.home.title')}>
      <p className="lede">{t('matching.home.lede')}</p>
      {role === 'member' && <MemberStart />}
      {role === 'volunteer' && (
        <p>
          {t.rich('matching.home.volunteer', {
            profile: (chunks) => <Link to="/support/profile">{chunks}</Link>,
            proposals: (chunks) => <Link to="/support/proposals">{chunks}</Link>,
          })}
        </p>
      )}
      {role === 'staff' && (
        <p>
          {t.rich('matching.home.staff', {
            queue: (chunks) => <Link to="/support/queue">{chunks}</Link>,
            stats: (chunks) => <Link to="/support/stats">{chunks}</Link>,
          })}
        </p>
      )}
      <NoticesList />
    </MatchingLayout>
  );
}

function MemberStart() {
  const t = useT();
  const { state } = useLoad(fetchOwnRequests);
  return (
    <>
      <p>
        <Link className="button primary" to="/support/request">
          {t('matching.home.ask')}
        </Link>
      </p>
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">{t('matching.home.mine')}</h2>
        <Loaded state={state}>{(data) =>
          (data.requests.length === 0 ? (
            <p>{t('matching.home.none')}</p>
          ) : (
            <ul>
              {data.requests.map((r) => (
                <li key={r.id}>
                  {t('matching.home.request', {
                    category: t(CATEGORY_LABELS[r.category]),
                    status: t(STATUS_LABELS[r.status]),
                    date: dayIn(t.locale, r.createdAt),
                  })}
                  {r.activeMatchId && (
                    <>
                      {' '}
                      <Link to={`/support/matches/${r.activeMatchId}/room`}>{t('matching.home.openRoom')}</Link>
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
