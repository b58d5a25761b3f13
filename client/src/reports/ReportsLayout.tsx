import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useStore } from '../store';
import { AppHeader } from '../ui/AppHeader';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import './reports.css';

/**
 * Staff insight pages: attendance reports, the outcomes report to funders and the audit log. Aggregates and actions only, never who was present.
 * Auditors read the audit log only, so they get no links between the pages.
 */
export function ReportsLayout({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  const staff = useStore((s) => s.user?.role === 'staff');
  return (
    <>
      <AppHeader />
      <main className="page">
        {staff && (
          <nav className="subnav" aria-label="Staff insight">
            <Link to="/staff/reports">Circle reports</Link>
            <Link to="/staff/outcomes">Outcomes</Link>
            <Link to="/staff/audit">Audit log</Link>
          </nav>
        )}
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}
