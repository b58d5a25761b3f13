import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../api/ApiError';

export type Load<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

/** Loads once (and again on `reload`), keeping the server's message when it fails. */
export function useLoad<T>(fetcher: () => Promise<T>): { state: Load<T>; reload: () => void } {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  const reload = useCallback(() => {
    let live = true;
    fetcher().then(
      (data) => live && setState({ status: 'ready', data }),
      (err: unknown) => live && setState({ status: 'error', message: messageOf(err) }),
    );
    return () => {
      live = false;
    };
  }, [fetcher]);
  useEffect(reload, [reload]);
  return { state, reload: () => void reload() };
}
