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
import { useT } from '../i18n/useT';

/** Who is signed in, in what role, and the way out. An auditor sees only the audit log: no circles, no schedule. */
export function AppHeader() {
  const t = useT();
  const user = useStore((s) => s.user);
  const logo = useStore((s) => s.program?.logoUrl ?? null);
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
        {logo ? <img src={logo} alt="" className="brand-logo" /> : <MugIcon size={26} />}
        <span>{t('common.programShort')}</span>
      </Link>
      {user && (
        <div className="who">
          <span className="who-name">{user.firstName}</span>
          <span className="who-role">{roleLabel(user, t)}</span>
          {/* Only while their training and undertaking are current (the server's one rule). */}
          {redMug && <RedMugBadge />}
        </div>
      )}
      <LanguageSwitcher />
      {user ? (
        <button type="button" className="button secondary" onClick={signOut} disabled={busy}>
          {t('common.header.signOut')}
        </button>
      ) : (
        <Link to="/signin" className="button secondary">
          {t('common.header.signIn')}
        </Link>
      )}
      {user && (
        <div className="header-nav">
          {isParticipantRole(user.role) && <ScheduleNav role={user.role} />}
          {isParticipantRole(user.role) && <Link to="/support">{t('common.header.peerSupport')}</Link>}
          {isParticipantRole(user.role) && <Link to="/help">{t('common.header.findHelp')}</Link>}
          {isParticipantRole(user.role) && <Link to="/reminders">{t('common.header.reminders')}</Link>}
          {user.role === 'staff' && (
            <nav className="staff-nav" aria-label={t('common.header.staffNav')}>
              <RequestsLink />
              <Link to="/staff/reports" className="header-link">
                {t('common.header.reports')}
              </Link>
              <Link to="/staff/people" className="header-link">
                {t('common.header.people')}
              </Link>
            </nav>
          )}
          {user.role === 'auditor' && (
            <Link to={AUDITOR_HOME} className="header-link">
              {t('common.header.auditLog')}
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
  const t = useT();
  return (
    <nav className="schedule-nav" aria-label={t('common.header.scheduleNav')}>
      <NavLink to="/schedule">{t('common.header.schedule')}</NavLink>
      {role !== 'member' && <NavLink to="/assignments">{t('common.header.assignments')}</NavLink>}
      {role !== 'member' && <NavLink to="/headcounts">{t('common.header.headcounts')}</NavLink>}
      {role === 'staff' && <NavLink to="/staff/schedule">{t('common.header.runSchedule')}</NavLink>}
    </nav>
  );
}
