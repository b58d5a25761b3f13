import { useNavigate } from 'react-router';
import type { CircleSession } from '../../../shared/schemas/circles';
import { AppHeader } from '../ui/AppHeader';
import { HelpLink } from '../help/HelpLink';
import { CrisisLine } from '../ui/CrisisLine';
import { ErrorLine } from '../ui/ErrorLine';
import { useStore } from '../store';
import { doorsOpen } from '../ui/formatCircleTime';
import { formatLabel } from '../ui/formatLabel';
import { HostBadge } from '../ui/HostBadge';
import { RedMugBadge } from '../ui/RedMugBadge';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { VenueDetails } from '../ui/VenueDetails';
import { useLoad } from '../ui/useLoad';
import { fetchNextCircle } from './circlesApi';
import { CircleTimes } from './CircleTimes';
import { closedDoorsMessage, useDoorsChanged } from './useDoorsChanged';
import { useDropInOpen } from './useDropInOpen';

export function HomePage() {
  useDocumentTitle('');
  // Asked again when a circle's time is up or its host locks or ends it; a failed refresh keeps what is shown.
  const { state, reload: refetch } = useLoad(fetchNextCircle, { keepOnError: true });
  useDoorsChanged(refetch);
  return (
    <>
      <AppHeader />
      <main className="page">
        {state.status === 'loading' && <p role="status">Looking up the next circle…</p>}
        {state.status === 'error' && (
          <>
            <h1>Red Mug Coffee Circle</h1>
            <ErrorLine message={state.message} />
            <button type="button" className="button secondary" onClick={refetch}>
              Try again
            </button>
          </>
        )}
        {state.status === 'ready' &&
          (state.data.session ? (
            <>
              <NextCircle session={state.data.session} onEnded={refetch} />
              {state.data.alsoOpen.length > 0 && (
                <section className="also-open" aria-labelledby="also-open-heading">
                  <h2 id="also-open-heading">Also open now</h2>
                  {state.data.alsoOpen.map((s) => (
                    <NextCircle key={s.id} session={s} onEnded={refetch} heading="h3" />
                  ))}
                </section>
              )}
            </>
          ) : (
            <>
              <h1>Red Mug Coffee Circle</h1>
              <p>No circle is scheduled right now. Check back soon.</p>
            </>
          ))}
        <section className="about" aria-labelledby="about-heading">
          <h2 id="about-heading">About the circle</h2>
          <p>
            Every Monday at noon, Alberta time, lawyers and articling students drop in for coffee with senior peers.
            No RSVP. Each circle has a topic, and the conversation can go wherever the people in it need.
          </p>
          <p className="badge-explainer">
            Trained peer-support volunteers wear a red mug: <RedMugBadge />
          </p>
          <p>Nothing in a circle is recorded. What is shared here stays here.</p>
          <p>
            Something more personal, or not sure the circle is the right place? <HelpLink />
          </p>
        </section>
        <CrisisLine />
      </main>
    </>
  );
}

function NextCircle({ session, onEnded, heading = 'h1' }: { session: CircleSession; onEnded: () => void; heading?: 'h1' | 'h3' }) {
  const navigate = useNavigate();
  const open = useDropInOpen(session, onEnded);
  const locale = useStore((s) => s.locale);
  const inPerson = session.format === 'in_person';
  const closed = closedDoorsMessage(session.doors);
  const Heading = heading;
  const titleId = `circle-title-${session.id}`;
  const statusId = `join-status-${session.id}`;
  return (
    <section className="card next-circle" aria-labelledby={titleId}>
      <p className="eyebrow">{open ? (inPerson ? 'On now, in person' : 'Open now') : closed ? 'Closed' : 'Next circle'}</p>
      <Heading id={titleId}>{session.title}</Heading>
      <p className="topic">{session.topic ? <>Topic: {session.topic}</> : 'Topic to be announced'}</p>
      <p className="session-meta">
        {formatLabel(session)} {session.hosted && <HostBadge />}
      </p>
      <CircleTimes session={session} />
      {inPerson ? (
        // No online room: where to go instead of a join button.
        <>
          <p className="join-status" data-testid="in-person-note">
            This circle meets in person. Just come along: there is nothing to join online.
          </p>
          {session.venue && <VenueDetails venue={session.venue} location={session.location} idPrefix={`circle-${session.id}`} headingLevel={heading === 'h1' ? 'h2' : 'h4'} />}
        </>
      ) : (
        <div className="join-row">
          <button
            type="button"
            className="button primary"
            disabled={!open}
            aria-describedby={statusId}
            onClick={() => navigate(`/circles/${encodeURIComponent(session.id)}/join`)}
          >
            Join the circle
          </button>
          <p id={statusId} className="join-status" role="status">
            {open ? 'The doors are open. Come in whenever you like.' : (closed ?? `${doorsOpen(locale, session.wallClock.opensAt)}.`)}
          </p>
        </div>
      )}
    </section>
  );
}
