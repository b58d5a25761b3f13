import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../i18n/useT';
import { useStore } from '../store';
import { AppHeader } from '../ui/AppHeader';
import { CrisisLine } from '../ui/CrisisLine';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import './matching.css';

/** Every matched-peer-support page: the header, links for the person's role, and the crisis line. */
export function MatchingLayout({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  const t = useT();
  const role = useStore((s) => s.user?.role);
  return (
    <>
      <AppHeader />
      <main className="page">
        <nav className="subnav" aria-label={t('matching.nav.label')}>
          <Link to="/support">{t('matching.nav.home')}</Link>
          {role === 'member' && <Link to="/support/request">{t('matching.nav.request')}</Link>}
          {role === 'volunteer' && <Link to="/support/profile">{t('matching.nav.profile')}</Link>}
          {role === 'volunteer' && <Link to="/support/proposals">{t('matching.nav.proposals')}</Link>}
          {role === 'staff' && <Link to="/support/queue">{t('matching.nav.queue')}</Link>}
          {role === 'staff' && <Link to="/support/stats">{t('matching.nav.stats')}</Link>}
        </nav>
        <h1>{title}</h1>
        {children}
        <CrisisLine />
      </main>
    </>
  );
}
