import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useStore } from '../store';
import { AppHeader } from '../ui/AppHeader';
import { CrisisLine } from '../ui/CrisisLine';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import './matching.css';

/** Every matched-peer-support page: the header, links for the person's role, and the crisis line. */
export function MatchingLayout({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  const role = useStore((s) => s.user?.role);
  return (
    <>
      <AppHeader />
      <main className="page">
        <nav className="subnav" aria-label="Peer support">
          <Link to="/support">Peer support</Link>
          {role === 'member' && <Link to="/support/request">Ask for a peer</Link>}
          {role === 'volunteer' && <Link to="/support/profile">My peer profile</Link>}
          {role === 'volunteer' && <Link to="/support/proposals">My matches</Link>}
          {role === 'staff' && <Link to="/support/queue">Request queue</Link>}
          {role === 'staff' && <Link to="/support/stats">Statistics</Link>}
        </nav>
        <h1>{title}</h1>
        {children}
        <CrisisLine />
      </main>
    </>
  );
}
