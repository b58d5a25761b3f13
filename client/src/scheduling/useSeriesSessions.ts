import { useCallback } from 'react';
import type { SeriesView } from '../../../shared/schemas/scheduling';
import { useLoad } from '../ui/useLoad';
import { fetchSessions } from './schedulingApi';
import { useLiveDoors } from './useLiveDoors';

const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * The next sixteen weeks of one series' sessions, for the staff views, kept true to the doors like the members'
 * schedule. From the server's today (its clock is the schedule's); a series that starts later, from its start.
 */
export function useSeriesSessions(series: SeriesView) {
  const from = series.startsOn > todayIso() ? series.startsOn : undefined;
  const load = useLoad(
    useCallback(() => fetchSessions({ seriesId: series.id, weeks: 16, ...(from ? { from } : {}) }), [series.id, from]),
    { keepOnError: true },
  );
  useLiveDoors(load.state.status === 'ready' ? load.state.data.sessions : null, load.reload);
  return load;
}
