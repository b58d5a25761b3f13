import { useState } from 'react';
import { Link } from 'react-router';
import type { ScheduledSession } from '../../../shared/schemas/scheduling';
import { useT } from '../i18n/useT';
import { AppHeader } from '../ui/AppHeader';
import { ErrorLine } from '../ui/ErrorLine';
import { HostBadge } from '../ui/HostBadge';
import { Loaded } from '../ui/Loaded';
import { useAction } from '../ui/useAction';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { VenueDetails } from '../ui/VenueDetails';
import { useLoad } from '../ui/useLoad';
import { MonthView } from './MonthView';
import { fetchSessions, revokeFeed, rotateFeed, sessionCalendarPath } from './schedulingApi';
import { meets, sessionState } from './sessionState';
import { audienceLabel, formatText, SessionTime } from './SessionTime';
import { useLiveDoors } from './useLiveDoors';
import './scheduling.css';

// From the server's today; half a year ahead so the month view has something to page through.
const fetchComingSessions = () => fetchSessions({ weeks: 26 });

/** Members: the upcoming circles they may attend, as a list or a month, with calendar links. */
export function SchedulePage() {
  const t = useT();
  useDocumentTitle(t('scheduling.schedule.documentTitle'));
  const [view, setView] = useState<'list' | 'month'>('list');
  // Asked again when a host locks or ends a circle and when a window opens or closes; a failed refresh keeps what is shown.
  const { state, reload } = useLoad(fetchComingSessions, { keepOnError: true });
  useLiveDoors(state.status === 'ready' ? state.data.sessions : null, reload);
  return (
    <>
      <AppHeader />
      <main className="page schedule-page">
        <h1>{t('scheduling.schedule.heading')}</h1>
        <div className="view-switch" role="group" aria-label={t('scheduling.schedule.viewGroup')}>
          <button type="button" className="button secondary" aria-pressed={view === 'list'} onClick={() => setView('list')}>
            {t('scheduling.schedule.list')}
          </button>
          <button type="button" className="button secondary" aria-pressed={view === 'month'} onClick={() => setView('month')}>
            {t('scheduling.schedule.month')}
          </button>
        </div>
        <Loaded state={state} loading={t('scheduling.schedule.loading')}>
          {({ sessions }) => (view === 'list' ? <SessionList sessions={sessions} /> : <MonthView sessions={sessions} />)}
        </Loaded>
        <PersonalFeed />
      </main>
    </>
  );
}

export function SessionList({ sessions }: { sessions: ScheduledSession[] }) {
  const t = useT();
  if (sessions.length === 0) return <p>{t('scheduling.schedule.none')}</p>;
  return (
    <ul className="session-list" aria-label={t('scheduling.schedule.heading')}>
      {sessions.map((s) => (
        <li key={s.id} className={`session-item status-${s.status}`} data-testid="session-item">
          <SessionSummary session={s} />
        </li>
      ))}
    </ul>
  );
}

export function SessionSummary({ session: s }: { session: ScheduledSession }) {
  const t = useT();
  const meeting = meets(s);
  const state = sessionState(s);
  return (
    <>
      <p className="session-title">
        <strong>{s.title}</strong> {s.kind === 'popup' && <span className="tag">{t('scheduling.session.popup')}</span>}
      </p>
      <p>
        <SessionTime session={s} />
        {meeting && (
          <>
            {' '}
            <span className={`doors-state doors-${state.tone}`} data-testid="doors-state">
              {t(state.label)}
            </span>
          </>
        )}
      </p>
      {meeting ? (
        <>
          <p className="topic">{s.topic ? t('scheduling.session.topic', { topic: s.topic }) : t('scheduling.session.topicTba')}</p>
          <p className="session-meta">
            {t('scheduling.session.meta', { format: formatText(t, s), audience: audienceLabel(t, s) })} {s.hosted && <HostBadge />}
          </p>
          {s.note && <p className="session-note">{s.note}</p>}
          {s.venue && <VenueDetails venue={s.venue} location={s.location} idPrefix={`session-${s.id}`} headingLevel="h2" />}
          <p>
            <a href={sessionCalendarPath(s.id)} download>
              {t('scheduling.session.addToCalendar')}
            </a>
            {state.offersJoin && (
              <>
                {t('scheduling.dot')}
                <Link to={`/circles/${encodeURIComponent(s.id)}/join`}>
                  {s.doors === 'open' ? t('scheduling.session.joinNow') : t('scheduling.session.joinPage')}
                </Link>
              </>
            )}
          </p>
        </>
      ) : (
        <p className="session-note" data-testid="no-circle">
          {s.status === 'cancelled' ? t('scheduling.session.cancelledNote', { note: s.note ?? '' }) : (s.note ?? t('scheduling.session.noCircleThisWeek'))}
        </p>
      )}
    </>
  );
}

/** The personal calendar feed: a secret URL shown once, replaceable and revocable. */
function PersonalFeed() {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  const { busy, error, run: act } = useAction();
  return (
    <section className="card feed" aria-labelledby="feed-heading">
      <h2 id="feed-heading">{t('scheduling.feed.heading')}</h2>
      <p>{t('scheduling.feed.body')}</p>
      {url && (
        <p>
          <label>
            {t('scheduling.feed.yourLink')} <input readOnly value={url} className="feed-url" onFocus={(e) => e.target.select()} />
          </label>
        </p>
      )}
      <button type="button" className="button secondary" disabled={busy} onClick={() => act(async () => setUrl((await rotateFeed()).url))}>
        {url ? t('scheduling.feed.rotate') : t('scheduling.feed.get')}
      </button> <button
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
        {t('scheduling.feed.revoke')}
      </button>
      <ErrorLine message={error} />
    </section>
  );
}
