import { useState } from 'react';
import { Link } from 'react-router';
import type { ScheduledSession } from '../../../shared/schemas/scheduling';
import { AppHeader } from '../ui/AppHeader';
import { ErrorLine } from '../ui/ErrorLine';
import { formatLabel } from '../ui/formatLabel';
import { HostBadge } from '../ui/HostBadge';
import { Loaded } from '../ui/Loaded';
import { useAction } from '../ui/useAction';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { VenueDetails } from '../ui/VenueDetails';
import { useLoad } from '../ui/useLoad';
import { MonthView } from './MonthView';
import { fetchSessions, revokeFeed, rotateFeed, sessionCalendarPath } from './schedulingApi';
import { meets, sessionState } from './sessionState';
import { audienceLabel, SessionTime } from './SessionTime';
import { useLiveDoors } from './useLiveDoors';
import './scheduling.css';

// From the server's today; half a year ahead so the month view has something to page through.
const fetchComingSessions = () => fetchSessions({ weeks: 26 });

/** Members: the upcoming circles they may attend, as a list or a month, with calendar links. */
export function SchedulePage() {
  useDocumentTitle('Schedule');
  const [view, setView] = useState<'list' | 'month'>('list');
  // Asked again when a host locks or ends a circle and when a window opens or closes; a failed refresh keeps what is shown.
  const { state, reload } = useLoad(fetchComingSessions, { keepOnError: true });
  useLiveDoors(state.status === 'ready' ? state.data.sessions : null, reload);
  return (
    <>
      <AppHeader />
      <main className="page schedule-page">
        <h1>Upcoming circles</h1>
        <div className="view-switch" role="group" aria-label="View">
          <button type="button" className="button secondary" aria-pressed={view === 'list'} onClick={() => setView('list')}>
            List
          </button>
          <button type="button" className="button secondary" aria-pressed={view === 'month'} onClick={() => setView('month')}>
            Month
          </button>
        </div>
        <Loaded state={state} loading="Loading the schedule…">
          {({ sessions }) => (view === 'list' ? <SessionList sessions={sessions} /> : <MonthView sessions={sessions} />)}
        </Loaded>
        <PersonalFeed />
      </main>
    </>
  );
}

export function SessionList({ sessions }: { sessions: ScheduledSession[] }) {
  if (sessions.length === 0) return <p>No circles are scheduled in the coming weeks.</p>;
  return (
    <ul className="session-list" aria-label="Upcoming circles">
      {sessions.map((s) => (
        <li key={s.id} className={`session-item status-${s.status}`} data-testid="session-item">
          <SessionSummary session={s} />
        </li>
      ))}
    </ul>
  );
}

export function SessionSummary({ session: s }: { session: ScheduledSession }) {
  const meeting = meets(s);
  const state = sessionState(s);
  return (
    <>
      <p className="session-title">
        <strong>{s.title}</strong> {s.kind === 'popup' && <span className="tag">Pop-up</span>}
      </p>
      <p>
        <SessionTime session={s} />
        {meeting && (
          <>
            {' '}
            <span className={`doors-state doors-${state.tone}`} data-testid="doors-state">
              {state.label}
            </span>
          </>
        )}
      </p>
      {meeting ? (
        <>
          <p className="topic">{s.topic ? `Topic: ${s.topic}` : 'Topic to be announced'}</p>
          <p className="session-meta">
            {formatLabel(s)} · {audienceLabel(s)} {s.hosted && <HostBadge />}
          </p>
          {s.note && <p className="session-note">{s.note}</p>}
          {s.venue && <VenueDetails venue={s.venue} location={s.location} idPrefix={`session-${s.id}`} headingLevel="h2" />}
          <p>
            <a href={sessionCalendarPath(s.id)} download>
              Add to calendar
            </a>
            {state.offersJoin && (
              <>
                {' · '}
                <Link to={`/circles/${encodeURIComponent(s.id)}/join`}>{s.doors === 'open' ? 'Join now' : 'Join page'}</Link>
              </>
            )}
          </p>
        </>
      ) : (
        <p className="session-note" data-testid="no-circle">
          {s.status === 'cancelled' ? `Cancelled: ${s.note ?? ''}` : (s.note ?? 'No circle this week')}
        </p>
      )}
    </>
  );
}

/** The personal calendar feed: a secret URL shown once, replaceable and revocable. */
function PersonalFeed() {
  const [url, setUrl] = useState<string | null>(null);
  const { busy, error, run: act } = useAction();
  return (
    <section className="card feed" aria-labelledby="feed-heading">
      <h2 id="feed-heading">Subscribe in your calendar app</h2>
      <p>
        Your own link keeps your calendar up to date with topics, moves and holidays. Keep it private: anyone with the
        link can see the schedule. Making a new link stops the old one.
      </p>
      {url && (
        <p>
          <label>
            Your calendar link <input readOnly value={url} className="feed-url" onFocus={(e) => e.target.select()} />
          </label>
        </p>
      )}
      <button type="button" className="button secondary" disabled={busy} onClick={() => act(async () => setUrl((await rotateFeed()).url))}>
        {url ? 'Make a new link' : 'Get my calendar link'}
      </button>{' '}
      <button
        type="button"
        className="button secondary"
        disabled={busy}
        onClick={() =>
          act(async () => {
            await revokeFeed();
            setUrl(null);
          })
        }
      >
        Turn off my link
      </button>
      <ErrorLine message={error} />
    </section>
  );
}
