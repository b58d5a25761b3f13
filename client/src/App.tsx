import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { BrowserRouter, Link, Route, Routes } from 'react-router';
import { messageOf } from './api/ApiError';
import { fetchSession } from './auth/authApi';
import { ForgotPasswordPage } from './auth/ForgotPasswordPage';
import { InvitePage } from './auth/InvitePage';
import { RequireAuth } from './auth/RequireAuth';
import { ResetPasswordPage } from './auth/ResetPasswordPage';
import { SignInPage } from './auth/SignInPage';
import { HomePage } from './circles/HomePage';
import { HelpPage } from './help/HelpPage';
import { RemindersPage } from './reminders/RemindersPage';
import { UnsubscribePage } from './reminders/UnsubscribePage';
import { AssignmentsPage } from './scheduling/AssignmentsPage';
import { SchedulePage } from './scheduling/SchedulePage';
import { StaffSchedulePage } from './scheduling/StaffSchedulePage';
import { useStore } from './store';
import { ErrorLine } from './ui/ErrorLine';
import { useT } from './i18n/useT';

// livekit-client stays out of the first load: only the pre-join and circle chunks pull it in.
const PreJoinPage = lazy(() => import('./circles/prejoin/PreJoinPage').then((m) => ({ default: m.PreJoinPage })));
const CirclePage = lazy(() => import('./circles/room/CirclePage').then((m) => ({ default: m.CirclePage })));
// socket.io-client likewise: only the circle and the staff queue open a socket.
const OneOnOneRequestsPage = lazy(() =>
  import('./oneOnOneSupport/OneOnOneRequestsPage').then((m) => ({ default: m.OneOnOneRequestsPage })),
);
const MatchingHomePage = lazy(() => import('./matching/MatchingHomePage').then((m) => ({ default: m.MatchingHomePage })));
const RequestFormPage = lazy(() => import('./matching/RequestFormPage').then((m) => ({ default: m.RequestFormPage })));
const ProfilePage = lazy(() => import('./matching/ProfilePage').then((m) => ({ default: m.ProfilePage })));
const VolunteerMatchesPage = lazy(() => import('./matching/VolunteerMatchesPage').then((m) => ({ default: m.VolunteerMatchesPage })));
const QueuePage = lazy(() => import('./matching/QueuePage').then((m) => ({ default: m.QueuePage })));
const RequestDetailPage = lazy(() => import('./matching/RequestDetailPage').then((m) => ({ default: m.RequestDetailPage })));
const PairRoomPage = lazy(() => import('./matching/PairRoomPage').then((m) => ({ default: m.PairRoomPage })));
const StatsPage = lazy(() => import('./matching/StatsPage').then((m) => ({ default: m.StatsPage })));
const ReportsPage = lazy(() => import('./reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const OutcomesPage = lazy(() => import('./reports/OutcomesPage').then((m) => ({ default: m.OutcomesPage })));
const AuditLogPage = lazy(() => import('./reports/AuditLogPage').then((m) => ({ default: m.AuditLogPage })));
const InboxPage = lazy(() => import('./inbox/InboxPage').then((m) => ({ default: m.InboxPage })));
const HeadcountsPage = lazy(() => import('./attendance/HeadcountsPage').then((m) => ({ default: m.HeadcountsPage })));
const PeoplePage = lazy(() => import('./people/PeoplePage').then((m) => ({ default: m.PeoplePage })));
const VolunteersPage = lazy(() => import('./people/VolunteersPage').then((m) => ({ default: m.VolunteersPage })));

export function App() {
  return (
    <BrowserRouter>
      <SessionGate>
        <Routes>
          <Route path="/signin" element={<SignInPage />} />
          <Route path="/invite/:token" element={<InvitePage />} />
          <Route path="/forgot-password" element={<ForgotPasswordPage />} />
          <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
          {/* Open to anyone: the way to help must not wait for an account. */}
          <Route path="/help" element={<HelpPage />} />
          {/* The link in every reminder e-mail: works signed out; opening it changes nothing until the button. */}
          <Route path="/unsubscribe/:token" element={<UnsubscribePage />} />
          <Route path="/reminders" element={<RequireAuth><RemindersPage /></RequireAuth>} />
          <Route path="/" element={<RequireAuth><HomePage /></RequireAuth>} />
          <Route
            path="/circles/:sessionId/join"
            element={<RequireAuth><Lazy><PreJoinPage /></Lazy></RequireAuth>}
          />
          <Route path="/schedule" element={<RequireAuth><SchedulePage /></RequireAuth>} />
          <Route path="/assignments" element={<RequireAuth><AssignmentsPage /></RequireAuth>} />
          <Route path="/headcounts" element={<RequireAuth><Lazy><HeadcountsPage /></Lazy></RequireAuth>} />
          <Route path="/staff/schedule/*" element={<RequireAuth><StaffSchedulePage /></RequireAuth>} />
          <Route path="/circles/:sessionId" element={<RequireAuth><Lazy><CirclePage /></Lazy></RequireAuth>} />
          <Route path="/staff/requests" element={<RequireAuth><Lazy><InboxPage /></Lazy></RequireAuth>} />
          <Route path="/staff/support" element={<RequireAuth><Lazy><OneOnOneRequestsPage /></Lazy></RequireAuth>} />
          <Route path="/support" element={<RequireAuth><Lazy><MatchingHomePage /></Lazy></RequireAuth>} />
          <Route path="/support/request" element={<RequireAuth><Lazy><RequestFormPage /></Lazy></RequireAuth>} />
          <Route path="/support/profile" element={<RequireAuth><Lazy><ProfilePage /></Lazy></RequireAuth>} />
          <Route path="/support/proposals" element={<RequireAuth><Lazy><VolunteerMatchesPage /></Lazy></RequireAuth>} />
          <Route path="/support/queue" element={<RequireAuth><Lazy><QueuePage /></Lazy></RequireAuth>} />
          <Route path="/support/requests/:id" element={<RequireAuth><Lazy><RequestDetailPage /></Lazy></RequireAuth>} />
          <Route path="/support/stats" element={<RequireAuth><Lazy><StatsPage /></Lazy></RequireAuth>} />
          <Route path="/support/matches/:id/room" element={<RequireAuth><Lazy><PairRoomPage /></Lazy></RequireAuth>} />
          <Route path="/staff/reports" element={<RequireAuth><Lazy><ReportsPage /></Lazy></RequireAuth>} />
          <Route path="/staff/outcomes" element={<RequireAuth><Lazy><OutcomesPage /></Lazy></RequireAuth>} />
          <Route path="/staff/audit" element={<RequireAuth forAuditors><Lazy><AuditLogPage /></Lazy></RequireAuth>} />
          <Route path="/staff/people" element={<RequireAuth><Lazy><PeoplePage /></Lazy></RequireAuth>} />
          <Route path="/staff/volunteers" element={<RequireAuth><Lazy><VolunteersPage /></Lazy></RequireAuth>} />
          <Route path="*" element={<RequireAuth><NotFoundPage /></RequireAuth>} />
        </Routes>
      </SessionGate>
    </BrowserRouter>
  );
}

function Lazy({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <Suspense
      fallback={
        <main className="page">
          <p role="status">{t('common.loading')}</p>
        </main>
      }
    >
      {children}
    </Suspense>
  );
}

/** Nothing routes until we know who is signed in (and hold a CSRF token for the first POST). */
function SessionGate({ children }: { children: ReactNode }) {
  const t = useT();
  const checked = useStore((s) => s.checked);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    fetchSession().catch((err: unknown) => setError(messageOf(err)));
  }, []);
  useEffect(load, [load]);
  const retry = () => {
    setError(null);
    load();
  };

  if (checked) return children;
  return (
    <main className="page narrow">
      <h1>{t('common.programName')}</h1>
      {error ? (
        <>
          <ErrorLine message={error} />
          <button type="button" className="button secondary" onClick={retry}>
            {t('common.tryAgain')}
          </button>
        </>
      ) : (
        <p role="status">{t('common.loading')}</p>
      )}
    </main>
  );
}

function NotFoundPage() {
  const t = useT();
  return (
    <main className="page narrow">
      <h1>{t('common.notFound.title')}</h1>
      <p>{t('common.notFound.body')}</p>
      <p>
        <Link to="/">{t('common.notFound.home')}</Link>
      </p>
    </main>
  );
}
