import { lazy, Suspense, useCallback, useState, type FormEvent } from 'react';
import { attendanceReportCsv, formatCount } from '../../../shared/reportCsv';
import type { AttendanceReport, MilestonesReport, ReportCell } from '../../../shared/schemas/reports';
import { ReminderCountsCard } from '../reminders/ReminderCountsCard';
import { CountTable } from '../ui/CountTable';
import { DataTable } from '../ui/DataTable';
import { Loaded } from '../ui/Loaded';
import { useLoad } from '../ui/useLoad';
import { fetchAttendanceReport, fetchMilestones } from './reportsApi';
import { ReportsLayout } from './ReportsLayout';

// chart.js is only ever needed here: its own chunk, loaded after the numbers.
const ReportCharts = lazy(() => import('./ReportCharts'));

const thisYear = () => new Date().getFullYear();

/** /staff/reports — how many people the circles reached, and who they are by kind. Never who was there. */
export function ReportsPage() {
  const [period, setPeriod] = useState({ from: `${thisYear()}-01-01`, to: `${thisYear()}-12-31` });
  const [draft, setDraft] = useState(period);
  const report = useLoad(useCallback(() => fetchAttendanceReport(period.from, period.to), [period]));
  const milestones = useLoad(fetchMilestones);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPeriod(draft);
  };

  return (
    <ReportsLayout title="Circle reports">
      <form className="report-form card" onSubmit={submit} aria-label="Reporting period">
        <label>
          From <input type="date" value={draft.from} required onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <label>
          To <input type="date" value={draft.to} required onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
        <button type="submit" className="button">
          Show
        </button>
      </form>
      <Loaded state={report.state}>
        {(r) => (
          <>
            <Attendance report={r} milestones={milestones.state.status === 'ready' ? milestones.state.data : undefined} />
            <div className="report-grid">
              <Suspense fallback={<p role="status">Loading charts…</p>}>
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

function downloadCsv(r: AttendanceReport, m: MilestonesReport | undefined) {
  const url = URL.createObjectURL(new Blob([attendanceReportCsv(r, m)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `red-mug-circles-${r.from}-to-${r.to}.csv`;
  a.click();
  URL.revokeObjectURL(url);
}

function Attendance({ report: r, milestones }: { report: AttendanceReport; milestones: MilestonesReport | undefined }) {
  const t = r.threshold;
  return (
    <section aria-labelledby="period-heading">
      <h2 id="period-heading">
        {r.from} to {r.to}
      </h2>
      <ul className="report-figures" aria-label="Figures for the period">
        <li>
          <strong data-testid="sessions-held">{r.sessionsHeld}</strong> sessions held online
        </li>
        <li>
          <strong data-testid="attendance">{formatCount(r.attendance, t)}</strong> attendances online
        </li>
        <li>
          <strong data-testid="unique">{formatCount(r.uniqueIndividuals, t)}</strong> unique individuals online
        </li>
        <li>
          <strong data-testid="average-minutes">{r.averageMinutes === null ? 'withheld' : `${r.averageMinutes} min`}</strong> average time in an online circle
        </li>
      </ul>
      <p className="hint">
        Groups of fewer than {t} people of one kind at one session are left out of every figure, so a small circle
        looks the same as an empty one. Counts under {t} (zero included) show as “fewer than {t}” and the others are
        rounded to a multiple of {t}, so no figure — or difference of figures — reveals a small group.
        {' '}In-person figures come from the headcounts hosts record (numbers only, so no unique individuals there), under
        the same rules; they stand beside the online ones in the table below and in the CSV.
        {!r.uniqueComplete && ' Individual join and leave times are kept only for a while, so unique counts cover only the recent part of this period.'}
      </p>
      <button type="button" className="button secondary" onClick={() => downloadCsv(r, milestones)}>
        Export CSV
      </button>
      <OnlineAndInPerson report={r} />
      <div className="report-grid">
        <CellTable caption="New and returning attendees (online)" cells={r.newVersusReturning} threshold={t} />
        <CellTable caption="Attendees by kind (online)" cells={r.byKind} threshold={t} />
        <CellTable caption="Attendance by topic (online)" cells={r.byTopic} threshold={t} />
        <CellTable caption="Attendance per session (online)" cells={r.bySession} threshold={t} />
        <CellTable caption="Attendance per session (in person, from headcounts)" cells={r.inPerson.bySession} threshold={t} />
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
  const t = r.threshold;
  const ip = r.inPerson;
  const kinds = [...new Set([...r.byKind, ...ip.byKind].map((c) => c.key))];
  const cell = (list: ReportCell[], key: string) => {
    const c = list.find((x) => x.key === key);
    return c ? formatCount(c.count, t) : '—';
  };
  const rows = [
    { key: 'sessions', label: 'Sessions held', online: String(r.sessionsHeld), inPerson: String(ip.sessionsHeld) },
    { key: 'attendance', label: 'Attendances', online: formatCount(r.attendance, t), inPerson: formatCount(ip.attendance, t) },
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
        caption="Online and in person"
        headers={['Figure', 'Online', 'In person']}
        rows={rows}
        rowKey={(row) => row.key}
        cells={(row) => [row.label, <span data-testid={`online-${row.key}`}>{row.online}</span>, <span data-testid={`in-person-${row.key}`}>{row.inPerson}</span>]}
      />
    </div>
  );
}

function CellTable({ caption, cells, threshold }: { caption: string; cells: ReportCell[]; threshold: number }) {
  return <CountTable caption={caption} rows={cells.map((c) => ({ key: c.key, label: c.label, value: formatCount(c.count, threshold) }))} />;
}

function Milestones({ m }: { m: MilestonesReport }) {
  return (
    <section className="card" aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">People reached, by reporting year</h2>
      <DataTable
        headers={['Year', 'Unique individuals', ...(m.years[0]?.byKind.map((c) => c.label) ?? [])]}
        rows={m.years}
        rowKey={(y) => String(y.year)}
        cells={(y) => [y.year, formatCount(y.uniqueIndividuals, m.threshold), ...y.byKind.map((c) => formatCount(c.count, m.threshold))]}
      />
      <p>
        {m.years.every((y) => y.uniqueIndividuals === null) ? (
          <>No sum to show: every yearly figure is {formatCount(null, m.threshold)}.</>
        ) : (
          <>
            <strong data-testid="sum-of-years">{m.sumOfYearlyFigures}</strong> — the sum of the yearly figures
            {m.years.some((y) => y.uniqueIndividuals === null) && `, not counting the years with ${formatCount(null, m.threshold)}`}.
          </>
        )}{' '}
        Someone who came in two years counts in both: attendance keys change every year, so people are never linked
        across years.
      </p>
    </section>
  );
}
