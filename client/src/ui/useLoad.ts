import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../api/ApiError';

export type Load<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

/**
 * Loads with `fetcher` while mounted, again whenever `fetcher` changes (give it its inputs through useCallback) and
 * on `reload()`; an answer that arrives after a newer load started is dropped. A failure shows the server's message,
 * unless `keepOnError` is set and there is data on screen: pages refreshed in the background or after an action
 * keep what they show rather than blank it over a passing network error.
 */
export function useLoad<T>(
  fetcher: () => Promise<T>,
  { keepOnError = false }: { keepOnError?: boolean } = {},
): { state: Load<T>; reload: () => void } {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let current = true;
    fetcher().then(
      (data) => current && setState({ status: 'ready', data }),
      (err: unknown) =>
        current &&
        setState((shown) => (keepOnError && shown.status === 'ready' ? shown : { status: 'error', message: messageOf(err) })),
    );
    return () => {
      current = false;
    };
  }, [fetcher, keepOnError, version]);

  return { state, reload };
}
