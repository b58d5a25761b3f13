import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../api/ApiError';
import type { Loaded } from './schedulingApi';

/** Loads once and on `reload()`; a failed reload keeps what is shown. */
export function useLoaded<T>(load: () => Promise<T>, deps: unknown[]): { state: Loaded<T>; reload: () => void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let cancelled = false;
    load().then(
      (data) => !cancelled && setState({ status: 'ready', data }),
      (err: unknown) => !cancelled && setState((p) => (p.status === 'ready' ? p : { status: 'error', message: messageOf(err) })),
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, ...deps]);
  return { state, reload };
}
