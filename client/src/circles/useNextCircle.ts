import { useCallback, useEffect, useState } from 'react';
import type { NextCircleResponse } from '../../../shared/schemas/circles';
import { messageOf } from '../api/ApiError';
import { fetchNextCircle } from './circlesApi';

export type NextCircleState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: NextCircleResponse };

/** The next circle from the server, with a way to ask again. A failed refresh keeps what is already shown. */
export function useNextCircle(): { state: NextCircleState; refetch: () => void } {
  const [state, setState] = useState<NextCircleState>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const refetch = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let cancelled = false;
    fetchNextCircle().then(
      (data) => {
        if (!cancelled) setState({ status: 'ready', data });
      },
      (err: unknown) => {
        if (!cancelled) setState((prev) => (prev.status === 'ready' ? prev : { status: 'error', message: messageOf(err) }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [version]);

  return { state, refetch };
}
