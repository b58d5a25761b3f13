import { Link } from 'react-router';
import { useT } from '../i18n/useT';
import { AppHeader } from '../ui/AppHeader';
import { ErrorLine } from '../ui/ErrorLine';
import { Loaded } from '../ui/Loaded';
import { useAction } from '../ui/useAction';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { VenueDetails } from '../ui/VenueDetails';
import { useLoad } from '../ui/useLoad';
import { declineAssignment, fetchAssignments } from './schedulingApi';
import { OwnReadiness } from './OwnReadiness';
import { formatText, SessionTime } from './SessionTime';
import { useStore } from '../store';
import './scheduling.css';

/** Volunteers: their own upcoming host and backup assignments; declining one leaves it uncovered for staff. */
export function AssignmentsPage() {
  const t = useT();
  useDocumentTitle(t('scheduling.assignments.documentTitle'));
  const role = useStore((s) => s.user?.role);
  const { state, reload } = useLoad(fetchAssignments, { keepOnError: true });
  const { error, run } = useAction();
  async function decline(id: string) {
    if (await run(() => declineAssignment(id))) reload();
  }
  return (
    <>
      <AppHeader />
      <main className="page">
        <h1>{t('scheduling.assignments.heading')}</h1>
        {role === 'volunteer' && <OwnReadiness />}
        <p>{t.rich('scheduling.assignments.headcountPrompt', { link: (chunks) => <Link to="/headcounts">{chunks}</Link> })}</p>
        {/* Only a listed assignment can be declined, so this never stands beside the load's own message. */}
        <ErrorLine message={error} />
        <Loaded state={state}>{({ assignments }) =>
          (assignments.length === 0 ? (
            <p>{t('scheduling.assignments.none')}</p>
          ) : (
            <ul className="session-list" aria-label={t('scheduling.assignments.listLabel')}>
              {assignments.map((a) => (
                <li key={a.session.id} className="session-item" data-testid="assignment">
                  <p>{t.rich('scheduling.assignments.role', { role: a.role, title: a.session.title, strong: (chunks) => <strong>{chunks}</strong> })}</p>
                  <p>
                    <SessionTime session={a.session} />
                  </p>
                  <p className="topic">
                    {a.session.topic ? t('scheduling.session.topic', { topic: a.session.topic }) : t('scheduling.session.topicTba')}
                  </p>
                  <p className="session-meta">{formatText(t, a.session)}</p>
                  {a.session.venue && <VenueDetails venue={a.session.venue} location={a.session.location} idPrefix={`assignment-${a.session.id}`} headingLevel="h2" />}
                  {(a.session.status === 'cancelled' || a.session.status === 'skipped') && <p className="session-note">{a.session.note}</p>}
                  <button type="button" className="button secondary" onClick={() => decline(a.session.id)}>
                    {t('scheduling.assignments.decline')}
                  </button>
                </li>
              ))}
            </ul>
          ))}</Loaded>
      </main>
    </>
  );
}
