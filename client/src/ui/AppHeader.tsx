import { Link, NavLink } from 'react-router';
import { isParticipantRole, type ParticipantRole } from '../../../shared/schemas/auth';
import { logout } from '../auth/authApi';
import { forgetAllChoices } from './rememberedChoices';
import { AUDITOR_HOME } from '../auth/RequireAuth';
import { RequestsLink } from '../inbox/RequestsLink';
import { useStore } from '../store';
import { ErrorLine } from './ErrorLine';
import { MugIcon } from './MugIcon';
import { RedMugBadge } from './RedMugBadge';
import { roleLabel } from './roleLabel';
import { useAction } from './useAction';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';

/** Who is signed in, in what role, and the way out. An auditor sees only the audit log: no circles, no schedule. */
export function AppHeader() {
  const user = useStore((s) => s.user);
  const redMug = useStore((s) => s.redMug);
  // Signed out, the store's user becomes null and RequireAuth sends the page to /signin: nothing to undo here.
  const { busy, error, run } = useAction({ staysBusy: true });
  const signOut = () => void run(async () => {
    await logout();
    forgetAllChoices();
  });

  return (
    <header className="app-header">
      <Link to="/" className="brand">
        <MugIcon size={26} />
        <span>Red Mug</span>
      </Link>
      {user && (
        <div className="who">
          <span className="who-name">{user.firstName}</span>
          <span className="who-role">{roleLabel(user)}</span>
          {/* Only while their training and undertaking are current (the server's one rule). */}
          {redMug && <RedMugBadge />}
        </div>
      )}
      <LanguageSwitcher />
      {user ? (
        <button type="button" className="button secondary" onClick={signOut} disabled={busy}>
          Sign out
        </button>
      ) : (
        <Link to="/signin" className="button secondary">
          Sign in
        </Link>
      )}
      {user && (
        <div className="header-nav">
          {isParticipantRole(user.role) && <ScheduleNav role={user.role} />}
          {isParticipantRole(user.role) && <Link to="/support">Peer support</Link>}
          {isParticipantRole(user.role) && <Link to="/help">Find help</Link>}
          {isParticipantRole(user.role) && <Link to="/reminders">Reminders</Link>}
          {user.role === 'staff' && (
            <nav className="staff-nav" aria-label="Staff">
              <RequestsLink />
              <Link to="/staff/reports" className="header-link">
                Reports
              </Link>
              <Link to="/staff/people" className="header-link">
                People
              </Link>
            </nav>
          )}
          {user.role === 'auditor' && (
            <Link to={AUDITOR_HOME} className="header-link">
              Audit log
            </Link>
          )}
        </div>
      )}
      <ErrorLine message={error} className="header-error" />
    </header>
  );
}

/** Links to the schedule pages each role uses; the server authorizes every action regardless. */
function ScheduleNav({ role }: { role: ParticipantRole }) {
  return (
    <nav className="schedule-nav" aria-label="Schedule">
      <NavLink to="/schedule">Schedule</NavLink>
      {role !== 'member' && <NavLink to="/assignments">My assignments</NavLink>}
      {role !== 'member' && <NavLink to="/headcounts">Headcounts</NavLink>}
      {role === 'staff' && <NavLink to="/staff/schedule">Run the schedule</NavLink>}
    </nav>
  );
}
