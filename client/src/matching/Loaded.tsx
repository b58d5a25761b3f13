import type { ReactNode } from 'react';
import type { Load } from './useLoad';

/** A message from the server (or nothing), announced to screen readers. */
export function Alert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="error">
      {message}
    </p>
  );
}

/** Renders a load: a status line while loading, the server's message on failure, else `children(data)`. */
export function Loaded<T>({ state, children, loading = 'Loading…' }: { state: Load<T>; children: (data: T) => ReactNode; loading?: string }) {
  if (state.status === 'loading') return <p role="status">{loading}</p>;
  if (state.status === 'error') return <Alert message={state.message} />;
  return children(state.data);
}
