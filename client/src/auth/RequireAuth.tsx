import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useStore } from '../store';

/** Where a signed-out visitor was going, so sign-in can take them there. */
export interface FromState {
  from?: string;
}

/** Sends signed-out visitors to /signin, remembering the page they asked for. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const signedIn = useStore((s) => s.user !== null);
  const location = useLocation();
  if (!signedIn) {
    const state: FromState = { from: location.pathname + location.search + location.hash };
    return <Navigate to="/signin" replace state={state} />;
  }
  return children;
}
