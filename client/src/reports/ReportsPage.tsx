import { lazy, Suspense, useCallback, useState, type FormEvent, type ReactNode } from 'react';
import { formatCount } from '../../../shared/i18n/formatTime';
import type { AttendanceReport, MilestonesReport, ReportCell } from '../../../shared/schemas/reports';
import { withQuery } from '../api/apiPath';
import { useT } from '../i18n/useT';
import { ReminderCountsCard } from '../reminders/ReminderCountsCard';
import { CountTable } from '../ui/CountTable';
import { DataTable } from '../ui/DataTable';
import { Loaded } from '../ui/Loaded';
import { useLoad } from '../ui/useLoad';
import { countText, dayText, pluralOf } from './figures';
import { fetchAttendanceReport, fetchMilestones } from './reportsApi';
import { ReportsLayout } from './ReportsLayout';

// chart.js is only ever needed here: its own chunk, loaded after the numbers.
const ReportCharts = lazy(() => import('./ReportCharts'));

const thisYear = () => new Date().getFullYear();

/** /staff/reports — how many people the circles reached, and who they are by kind. Never who was there. */
export function ReportsPage() {
  const t = useT();
  const [period, setPeriod] = useState({ from: `${thisYear()}-01-01`, to: `${thisYear()}-12-31` });
  const [draft, setDraft] = useState(period);
  const report = useLoad(useCallback(() => fetchAttendanceReport(period.from, period.to), [period]));
  const milestones = useLoad(fetchMilestones);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPeriod(draft);
  };

  return (
    <ReportsLayout title={t('reports.circles.title')}>
      <form className="report-form card" onSubmit={submit} aria-label={t('reports.circles.period')}>
        <label>
          {t('reports.circles.from')} <input type="date" value={draft.from} required onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <label>
          {t('reports.circles.to')} <input type="date" value={draft.to} required onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
        <button type="submit" className="button">
          {t('reports.show')}
        </button>
      </form>
      <Loaded state={report.state}>
        {(r) => (
          <>
            <Attendance report={r} />
            <div className="report-grid">
              <Suspense fallback={<p role="status">{t('reports.loadingCharts')}</p>}>
                <ReportCharts report={r} />
              </Suspense>
            </div>
          </>
        )}
      </Loaded>
      <Loaded state={milestones.state}>{(m) => <Milestones m={m} />}</Loaded>
      <ReminderCountsCard />
    </ReportsLayout>
  );
}

function Attendance({ report: r }: { report: AttendanceReport }) {
  const t = useT();
  const threshold = r.threshold;
  const figure = (testId: string) => (chunks: ReactNode[]) => (
    <strong key={testId} data-testid={testId}>
      {chunks}
    </strong>
  );
  const withheld = (count: number | null, testId: string) => ({ count: pluralOf(count, threshold), value: countText(t, count, threshold), figure: figure(testId) });
  return (
    <section aria-labelledby="period-heading">
      <h2 id="period-heading">{t('reports.circles.periodHeading', { from: dayText(t.locale, r.from), to: dayText(t.locale, r.to) })}</h2>
      <ul className="report-figures" aria-label={t('reports.circles.figures')}>
        <li>{t.rich('reports.circles.sessionsHeld', { count: r.sessionsHeld, figure: figure('sessions-held') })}</li>
        <li>{t.rich('reports.circles.attendance', withheld(r.attendance, 'attendance'))}</li>
        <li>{t.rich('reports.circles.unique', withheld(r.uniqueIndividuals, 'unique'))}</li>
        <li>
          {t.rich('reports.circles.averageMinutes', {
            withheld: r.averageMinutes === null ? 'yes' : 'no',
            minutes: r.averageMinutes ?? 0,
            figure: figure('average-minutes'),
          })}
        </li>
      </ul>
      <p className="hint">
        {t('reports.circles.suppression', { threshold })} {t('reports.circles.inPersonNote')}
        {!r.uniqueComplete && <> {t('reports.circles.uniqueIncomplete')}</>}
      </p>
      {/* The server writes the file, in the reader's language, from the same figures. */}
      <a className="button secondary" href={withQuery('/api/reports/attendance.csv', { from: r.from, to: r.to })} download>
        {t('reports.exportCsv')}
      </a>
      <OnlineAndInPerson report={r} />
      <div className="report-grid">
        <CellTable caption={t('reports.circles.newVersusReturning')} cells={r.newVersusReturning} threshold={threshold} />
        <CellTable caption={t('reports.circles.byKind')} cells={r.byKind} threshold={threshold} />
        <CellTable caption={t('reports.circles.byTopic')} cells={r.byTopic} threshold={threshold} />
        <CellTable caption={t('reports.circles.bySession')} cells={r.bySession} threshold={threshold} />
        <CellTable caption={t('reports.circles.bySessionInPerson')} cells={r.inPerson.bySession} threshold={threshold} />
      </div>
    </section>
  );
}

/**
 * Online and in-person figures side by side, as the CSV has them: sessions held, attendances and attendees by kind.
 * In person they come from the headcounts hosts record (no unique individuals: nobody there is identified), with
 * "kind not said" for the part of a headcount not split by kind; the same suppression applies to both.
 */
function OnlineAndInPerson({ report: r }: { report: AttendanceReport }) {
  const t = useT();
  const threshold = r.threshold;
  const ip = r.inPerson;
  const kinds = [...new Set([...r.byKind, ...ip.byKind].map((c) => c.key))];
  const cell = (list: ReportCell[], key: string) => {
    const c = list.find((x) => x.key === key);
    return c ? countText(t, c.count, threshold) : '—';
  };
  const rows = [
    { key: 'sessions', label: t('reports.circles.sessionsRow'), online: formatCount(t.locale, r.sessionsHeld), inPerson: formatCount(t.locale, ip.sessionsHeld) },
    { key: 'attendance', label: t('reports.circles.attendanceRow'), online: countText(t, r.attendance, threshold), inPerson: countText(t, ip.attendance, threshold) },
    ...kinds.map((k) => ({
      key: k,
      label: [...r.byKind, ...ip.byKind].find((c) => c.key === k)!.label,
      online: cell(r.byKind, k),
      inPerson: cell(ip.byKind, k),
    })),
  ];
  return (
    <div className="card report-side-by-side">
      <DataTable
        id="online-and-in-person"
        caption={t('reports.circles.sideBySide')}
        headers={[t('reports.circles.col.figure'), t('reports.circles.col.online'), t('reports.circles.col.inPerson')]}
        rows={rows}
        rowKey={(row) => row.key}
        cells={(row) => [row.label, <span data-testid={`online-${row.key}`}>{row.online}</span>, <span data-testid={`in-person-${row.key}`}>{row.inPerson}</span>]}
      />
    </div>
  );
}

function CellTable({ caption, cells, threshold }: { caption: string; cells: ReportCell[]; threshold: number }) {
  const t = useT();
  return <CountTable caption={caption} rows={cells.map((c) => ({ key: c.key, label: c.label, value: countText(t, c.count, threshold) }))} />;
}

function Milestones({ m }: { m: MilestonesReport }) {
  const t = useT();
  const threshold = m.threshold;
  const sum = m.years.every((y) => y.uniqueIndividuals === null)
    ? t('reports.circles.noSum', { threshold })
    : t.rich('reports.circles.sum', {
        sum: formatCount(t.locale, m.sumOfYearlyFigures),
        withheld: m.years.some((y) => y.uniqueIndividuals === null) ? 'yes' : 'no',
        threshold,
        figure: (chunks) => (
          <strong key="sum" data-testid="sum-of-years">
            {chunks}
          </strong>
        ),
      });
  return (
    <section className="card" aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">{t('reports.circles.reached')}</h2>
      <DataTable
        headers={[t('reports.col.year'), t('reports.circles.col.unique'), ...(m.years[0]?.byKind.map((c) => c.label) ?? [])]}
        rows={m.years}
        rowKey={(y) => String(y.year)}
        cells={(y) => [y.year, countText(t, y.uniqueIndividuals, threshold), ...y.byKind.map((c) => countText(t, c.count, threshold))]}
      />
      <p>
        {sum} {t('reports.circles.acrossYears')}
      </p>
    </section>
  );
}
