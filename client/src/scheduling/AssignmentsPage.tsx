import { Link } from 'react-router';
import { AppHeader } from '../ui/AppHeader';
import { ErrorLine } from '../ui/ErrorLine';
import { formatLabel } from '../ui/formatLabel';
import { Loaded } from '../ui/Loaded';
import { useAction } from '../ui/useAction';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { VenueDetails } from '../ui/VenueDetails';
import { useLoad } from '../ui/useLoad';
import { declineAssignment, fetchAssignments } from './schedulingApi';
import { OwnReadiness } from './OwnReadiness';
import { SessionTime } from './SessionTime';
import { useStore } from '../store';
import './scheduling.css';

/** Volunteers: their own upcoming host and backup assignments; declining one leaves it uncovered for staff. */
export function AssignmentsPage() {
  useDocumentTitle('My assignments');
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
        <h1>My hosting assignments</h1>
        {role === 'volunteer' && <OwnReadiness />}
        <p>
          Hosted an in-person circle? <Link to="/headcounts">Record how many came</Link>.
        </p>
        {/* Only a listed assignment can be declined, so this never stands beside the load's own message. */}
        <ErrorLine message={error} />
        <Loaded state={state}>{({ assignments }) =>
          (assignments.length === 0 ? (
            <p>You have no upcoming assignments.</p>
          ) : (
            <ul className="session-list" aria-label="My assignments">
              {assignments.map((a) => (
                <li key={a.session.id} className="session-item" data-testid="assignment">
                  <p>
                    <strong>{a.role === 'host' ? 'Host' : 'Backup host'}</strong>: {a.session.title}
                  </p>
                  <p>
                    <SessionTime session={a.session} />
                  </p>
                  <p className="topic">{a.session.topic ? `Topic: ${a.session.topic}` : 'Topic to be announced'}</p>
                  <p className="session-meta">{formatLabel(a.session)}</p>
                  {a.session.venue && <VenueDetails venue={a.session.venue} location={a.session.location} idPrefix={`assignment-${a.session.id}`} headingLevel="h2" />}
                  {(a.session.status === 'cancelled' || a.session.status === 'skipped') && <p className="session-note">{a.session.note}</p>}
                  <button type="button" className="button secondary" onClick={() => decline(a.session.id)}>
                    Decline
                  </button>
                </li>
              ))}
            </ul>
          ))}</Loaded>
      </main>
    </>
  );
}
