import { useNavigate } from 'react-router';
import type { CircleSession } from '../../../shared/schemas/circles';
import { AppHeader } from '../ui/AppHeader';
import { HelpLink } from '../help/HelpLink';
import { CrisisLine } from '../ui/CrisisLine';
import { ErrorLine } from '../ui/ErrorLine';
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
import { weeklyCircleValues } from './weeklyCircle';
import { useT } from '../i18n/useT';
import { useStore } from '../store';

export function HomePage() {
  const t = useT();
  // The program's weekly circle (day, time, zone) from the session answer; before it is in, the sentence waits.
  const weekly = useStore((s) => s.program?.weeklyCircle);
  useDocumentTitle('');
  // Asked again when a circle's time is up or its host locks or ends it; a failed refresh keeps what is shown.
  const { state, reload: refetch } = useLoad(fetchNextCircle, { keepOnError: true });
  useDoorsChanged(refetch);
  return (
    <>
      <AppHeader />
      <main className="page">
        {state.status === 'loading' && <p role="status">{t('circles.home.loading')}</p>}
        {state.status === 'error' && (
          <>
            <h1>{t('circles.home.title')}</h1>
            <ErrorLine message={state.message} />
            <button type="button" className="button secondary" onClick={refetch}>
              {t('common.tryAgain')}
            </button>
          </>
        )}
        {state.status === 'ready' &&
          (state.data.session ? (
            <>
              <NextCircle session={state.data.session} onEnded={refetch} />
              {state.data.alsoOpen.length > 0 && (
                <section className="also-open" aria-labelledby="also-open-heading">
                  <h2 id="also-open-heading">{t('circles.home.alsoOpen')}</h2>
                  {state.data.alsoOpen.map((s) => (
                    <NextCircle key={s.id} session={s} onEnded={refetch} level="h3" />
                  ))}
                </section>
              )}
            </>
          ) : (
            <>
              <h1>{t('circles.home.title')}</h1>
              <p>{t('circles.home.noneScheduled')}</p>
            </>
          ))}
        <section className="about" aria-labelledby="about-heading">
          <h2 id="about-heading">{t('circles.home.about.heading')}</h2>
          {weekly && <p>{t('circles.home.about.weekly', weeklyCircleValues(t.locale, weekly))}</p>}
          <p className="badge-explainer">{t.rich('circles.home.about.badge', { badge: <RedMugBadge key="badge" /> })}</p>
          <p>{t('circles.notRecorded')}</p>
          <p>{t.rich('circles.home.about.morePersonal', { help: <HelpLink key="help" /> })}</p>
        </section>
        <CrisisLine />
      </main>
    </>
  );
}

function NextCircle({ session, onEnded, level = 'h1' }: { session: CircleSession; onEnded: () => void; level?: 'h1' | 'h3' }) {
  const t = useT();
  const navigate = useNavigate();
  const open = useDropInOpen(session, onEnded);
  const inPerson = session.format === 'in_person';
  const closed = closedDoorsMessage(session.doors);
  const Heading = level;
  const titleId = `circle-title-${session.id}`;
  const statusId = `join-status-${session.id}`;
  return (
    <section className="card next-circle" aria-labelledby={titleId}>
      <p className="eyebrow">
        {t(open ? (inPerson ? 'circles.card.onNowInPerson' : 'circles.card.openNow') : closed ? 'circles.card.closed' : 'circles.card.next')}
      </p>
      <Heading id={titleId}>{session.title}</Heading>
      <p className="topic">{session.topic ? t('circles.topic', { topic: session.topic }) : t('circles.topicTba')}</p>
      <p className="session-meta">
        {formatLabel(session)} {session.hosted && <HostBadge />}
      </p>
      <CircleTimes session={session} />
      {inPerson ? (
        // No online room: where to go instead of a join button.
        <>
          <p className="join-status" data-testid="in-person-note">
            {t('circles.card.inPersonNote')}
          </p>
          {session.venue && <VenueDetails venue={session.venue} location={session.location} idPrefix={`circle-${session.id}`} headingLevel={level === 'h1' ? 'h2' : 'h4'} />}
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
            {t('circles.card.join')}
          </button>
          <p id={statusId} className="join-status" role="status">
            {open ? t('circles.card.doorsOpen') : closed ? t(closed) : t('circles.doorsOpenSentence', { doorsOpen: doorsOpen(t.locale, session.wallClock.opensAt) })}
          </p>
        </div>
      )}
    </section>
  );
}
