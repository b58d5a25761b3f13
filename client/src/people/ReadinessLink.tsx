import { useCallback } from 'react';
import { Link } from 'react-router';
import { useT } from '../i18n/useT';
import { useLoad } from '../ui/useLoad';
import { fetchReadinessList } from './readinessApi';

/**
 * The way from People to Volunteer readiness, saying how many volunteers need staff now (not current) or soon (due
 * within a month), so after an upgrade staff see at once that every volunteer needs recording.
 */
export function ReadinessLink() {
  const t = useT();
  const fetcher = useCallback(() => fetchReadinessList(), []);
  const { state } = useLoad(fetcher);
  let label = t('people.readinessLink.label');
  if (state.status === 'ready') {
    const notCurrent = state.data.volunteers.filter((v) => !v.readiness.current).length;
    const due = state.data.volunteers.filter((v) => v.readiness.current && v.readiness.missing.length === 0 && [v.readiness.training.state, v.readiness.undertaking.state].includes('due')).length;
    label = t('people.readinessLink.labelWithCounts', { notCurrent, due });
  }
  return (
    <p>
      <Link to="/staff/volunteers">{label}</Link>
    </p>
  );
}
