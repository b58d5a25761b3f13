import type { ReactNode } from 'react';
import { ErrorLine } from './ErrorLine';
import type { Load } from './useLoad';

/** Renders a load: a status line while loading, the server's message on failure, else `children(data)`. */
export function Loaded<T>({ state, children, loading = 'Loading…' }: { state: Load<T>; children: (data: T) => ReactNode; loading?: string }) {
  if (state.status === 'loading') return <p role="status">{loading}</p>;
  if (state.status === 'error') return <ErrorLine message={state.message} />;
  return children(state.data);
}
