import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../i18n/useT';
import { useStore } from '../store';
import { AppHeader } from '../ui/AppHeader';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import './reports.css';

/**
 * Staff insight pages: attendance reports, the outcomes report to funders and the audit log. Aggregates and actions only, never who was present.
 * Auditors read the audit log only, so they get no links between the pages.
 */
export function ReportsLayout({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  useDocumentTitle(title);
  const staff = useStore((s) => s.user?.role === 'staff');
  return (
    <>
      <AppHeader />
      <main className="page">
        {staff && (
          <nav className="subnav" aria-label={t('reports.nav.label')}>
            <Link to="/staff/reports">{t('reports.circles.title')}</Link>
            <Link to="/staff/outcomes">{t('reports.outcomes.title')}</Link>
            <Link to="/staff/audit">{t('reports.audit.title')}</Link>
          </nav>
        )}
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}
