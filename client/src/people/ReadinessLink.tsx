import { useCallback } from 'react';
import { Link } from 'react-router';
import { useLoad } from '../ui/useLoad';
import { fetchReadinessList } from './readinessApi';

/**
 * The way from People to Volunteer readiness, saying how many volunteers need staff now (not current) or soon (due
 * within a month), so after an upgrade staff see at once that every volunteer needs recording.
 */
export function ReadinessLink() {
  const fetcher = useCallback(() => fetchReadinessList(), []);
  const { state } = useLoad(fetcher);
  let counts = '';
  if (state.status === 'ready') {
    const notCurrent = state.data.volunteers.filter((v) => !v.readiness.current).length;
    const due = state.data.volunteers.filter((v) => v.readiness.current && v.readiness.missing.length === 0 && [v.readiness.training.state, v.readiness.undertaking.state].includes('due')).length;
    counts = ` (${notCurrent} not current, ${due} due within a month)`;
  }
  return (
    <p>
      <Link to="/staff/volunteers">Volunteer readiness: training and confidentiality undertakings{counts}</Link>
    </p>
  );
}
