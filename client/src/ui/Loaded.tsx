import type { ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { ErrorLine } from './ErrorLine';
import type { Load } from './useLoad';

/** Renders a load: a status line while loading, the server's message on failure, else `children(data)`. */
export function Loaded<T>({ state, children, loading }: { state: Load<T>; children: (data: T) => ReactNode; loading?: string }) {
  const t = useT();
  if (state.status === 'loading') return <p role="status">{loading ?? t('common.loading')}</p>;
  if (state.status === 'error') return <ErrorLine message={state.message} />;
  return children(state.data);
}
