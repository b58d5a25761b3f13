import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { AppHeader } from '../auth/AppHeader';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import '../matching/matching.css';
import './reports.css';

/** Staff insight pages: attendance reports and the audit log. Aggregates and actions only, never who was present. */
export function ReportsLayout({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <>
      <AppHeader />
      <main className="page">
        <nav className="subnav" aria-label="Staff insight">
          <Link to="/staff/reports">Circle reports</Link>
          <Link to="/staff/audit">Audit log</Link>
        </nav>
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}
