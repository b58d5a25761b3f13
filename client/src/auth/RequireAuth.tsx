import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useStore } from '../store';

/** Where a signed-out visitor was going, so sign-in can take them there. */
export interface FromState {
  from?: string;
}

/** The one page an auditor may open: they read the audit log and nothing else. */
export const AUDITOR_HOME = '/staff/audit';

/**
 * Sends signed-out visitors to /signin, remembering the page they asked for. Auditors go to the audit log from
 * every page not marked `forAuditors` (the server refuses them everything else anyway; this spares them dead ends).
 */
export function RequireAuth({ children, forAuditors = false }: { children: ReactNode; forAuditors?: boolean }) {
  const role = useStore((s) => s.user?.role);
  const location = useLocation();
  if (!role) {
    const state: FromState = { from: location.pathname + location.search + location.hash };
    return <Navigate to="/signin" replace state={state} />;
  }
  if (role === 'auditor' && !forAuditors) return <Navigate to={AUDITOR_HOME} replace />;
  return children;
}
