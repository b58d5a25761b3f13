import type { ReactNode } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation, useSearchParams } from 'react-router';
import type { SeriesView } from '../../../shared/schemas/scheduling';
import { useT } from '../i18n/useT';
import { AppHeader } from '../ui/AppHeader';
import { ErrorLine } from '../ui/ErrorLine';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useLoad } from '../ui/useLoad';
import { HostsView } from './HostsView';
import { NewCircleView } from './NewCircleView';
import { fetchLibrary, fetchSeries, fetchVolunteers } from './schedulingApi';
import { SessionsView } from './SessionsView';
import { STAFF_SCHEDULE, STAFF_VIEWS, viewPath } from './staffSchedulePaths';
import { TopicsView } from './TopicsView';
import './scheduling.css';

/**
 * Staff: run the schedule, one focused view at a time: the sessions coming up (their state, topic and hosts, and
 * changes to one), their topics, their hosts, and a new circle. The series shown is in the address, so a link
 * (the pop-up just made) opens on it and the views keep it between them.
 */
export function StaffSchedulePage() {
  const t = useT();
  const { pathname } = useLocation();
  const view = STAFF_VIEWS.find((v) => pathname.startsWith(`${STAFF_SCHEDULE}/${v.path}`));
  useDocumentTitle(view ? t('scheduling.staff.documentTitleView', { view: t(view.label) }) : t('scheduling.staff.documentTitle'));
  const series = useLoad(fetchSeries, { keepOnError: true });
  const volunteers = useLoad(fetchVolunteers, { keepOnError: true });
  const library = useLoad(fetchLibrary, { keepOnError: true });
  const [params, setParams] = useSearchParams();
  const all = series.state.status === 'ready' ? series.state.data.series : [];
  const wanted = params.get('series');
  const current = all.find((s) => s.id === wanted) ?? all[0] ?? null;
  const vols = volunteers.state.status === 'ready' ? volunteers.state.data.volunteers : [];
  const topics = library.state.status === 'ready' ? library.state.data.topics : [];
  const choose = (id: string) => setParams({ series: id });

  /** A view of the chosen series, under its picker; nothing until the series are known. */
  const ofSeries = (render: (s: SeriesView) => ReactNode) =>
    current && (
      <>
        <SeriesPicker all={all} current={current} onChoose={choose} />
        {render(current)}
      </>
    );

  return (
    <>
      <AppHeader />
      <main className="page staff-page">
        <h1>{t('scheduling.staff.heading')}</h1>
        <nav className="staff-subnav" aria-label={t('scheduling.staff.planning')}>
          <ul>
            {STAFF_VIEWS.map((v) => (
              <li key={v.path}>
                <NavLink to={viewPath(v.path, v.path === 'new' ? undefined : current?.id)}>{t(v.label)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <ErrorLine message={series.state.status === 'error' ? series.state.message : null} />
        {series.state.status === 'loading' && <p role="status">{t('scheduling.schedule.loading')}</p>}
        <datalist id="topic-library">
          {topics.map((t) => (
            <option key={t.id} value={t.topic} />
          ))}
        </datalist>
        <Routes>
          <Route index element={<Navigate to={viewPath('sessions', wanted ?? undefined)} replace />} />
          <Route path="sessions" element={ofSeries((s) => <SessionsView key={s.id} series={s} onSeriesChanged={series.reload} />)} />
          <Route path="topics" element={ofSeries((s) => <TopicsView key={s.id} series={s} library={topics} onLibraryChanged={library.reload} />)} />
          <Route path="hosts" element={ofSeries((s) => <HostsView key={s.id} series={s} volunteers={vols} />)} />
          <Route path="new" element={<NewCircleView volunteers={vols} onCreated={series.reload} />} />
          <Route path="*" element={<Navigate to={viewPath('sessions')} replace />} />
        </Routes>
      </main>
    </>
  );
}

function SeriesPicker({ all, current, onChoose }: { all: SeriesView[]; current: SeriesView; onChoose: (id: string) => void }) {
  const t = useT();
  return (
    <p className="series-picker">
      <label>
        {t('scheduling.staff.series')} <select value={current.id} onChange={(e) => onChoose(e.target.value)}>
          {all.map((s) => (
            <option key={s.id} value={s.id}>
              {t('scheduling.staff.seriesOption', { title: s.title, kind: s.kind, date: s.startsOn, status: s.status })}
            </option>
          ))}
        </select>
      </label>
    </p>
  );
}
