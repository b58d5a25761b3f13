import { lazy, Suspense, useCallback, useState, type FormEvent } from 'react';
import { formatMatchCount, formatShare, milestoneName, milestoneWhen, outcomesCsv } from '../../../shared/outcomesCsv';
import type { HistoryResponse, OutcomesReport, OutcomesYear } from '../../../shared/schemas/outcomes';
import { DataTable } from '../ui/DataTable';
import { ErrorLine } from '../ui/ErrorLine';
import { Loaded } from '../ui/Loaded';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';
import { fetchMatchHistory, fetchOutcomes, saveMatchHistoryYear } from './outcomesApi';
import { ReportsLayout } from './ReportsLayout';
import './outcomes.css';

// chart.js in its own chunk, loaded after the numbers (as on the circle reports).
const OutcomesCharts = lazy(() => import('./OutcomesCharts'));

/**
 * /staff/outcomes — what the society reports to funders: matches per year and every hundredth match, the shares of
 * requests that are career-related and from articling students, and the people the circles supported. Aggregates
 * only, already withheld and rounded by the server; the CSV holds exactly what the page shows.
 */
export function OutcomesPage() {
  const [span, setSpan] = useState<{ from?: number; to?: number }>({});
  const [draft, setDraft] = useState({ from: '', to: '' });
  const report = useLoad(useCallback(() => fetchOutcomes(span.from, span.to), [span]));
  const history = useLoad(fetchMatchHistory);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const year = (v: string) => (v.trim() === '' ? undefined : Number(v));
    setSpan({ from: year(draft.from), to: year(draft.to) });
  };

  return (
    <ReportsLayout title="Outcomes">
      <div className="outcomes-page">
        <p className="hint">
          Figures for funders from what Red Mug already counts. Nothing here names or points at a person: small counts
          are withheld and the page, the charts and the CSV show the same figures.
        </p>
        <form className="report-form card" onSubmit={submit} aria-label="Years to show">
          <TextField id="outcomes-from" label="From year" type="number" inputMode="numeric" value={draft.from} onChange={(from) => setDraft({ ...draft, from })} hint="Empty: the first year on record" />
          <TextField id="outcomes-to" label="To year" type="number" inputMode="numeric" value={draft.to} onChange={(to) => setDraft({ ...draft, to })} hint="Empty: this year" />
          <button type="submit" className="button">
            Show
          </button>
        </form>
        <Loaded state={report.state}>
          {(r) => (
            <>
              <Outcomes report={r} />
              <Suspense fallback={<p role="status">Loading charts…</p>}>
                <OutcomesCharts report={r} />
              </Suspense>
            </>
          )}
        </Loaded>
        <Loaded state={history.state}>
          {(h) => (
            <History
              history={h}
              onSaved={() => {
                history.reload();
                report.reload();
              }}
            />
          )}
        </Loaded>
      </div>
    </ReportsLayout>
  );
}

function downloadCsv(r: OutcomesReport) {
  const url = URL.createObjectURL(new Blob([outcomesCsv(r)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `red-mug-outcomes-${r.from}-to-${r.to}.csv`;
  a.click();
  URL.revokeObjectURL(url);
}

function Outcomes({ report: r }: { report: OutcomesReport }) {
  const t = r.threshold;
  const count = (c: number | null) => formatMatchCount(c, t);
  return (
    <>
      <section aria-labelledby="matches-heading">
        <h2 id="matches-heading">Matched peer support</h2>
        <ul className="report-figures" aria-label="Matches to date">
          <li>
            <strong data-testid="total-matches">{count(r.totalMatches)}</strong> matches to date
          </li>
          <li>
            <strong data-testid="next-milestone">{r.nextMilestone}th</strong> the next milestone
          </li>
        </ul>
        <h3 id="milestones-heading">Milestones</h3>
        {r.milestones.length === 0 ? (
          <p>No hundredth match yet.</p>
        ) : (
          <ol className="milestone-timeline" aria-labelledby="milestones-heading">
            {r.milestones.map((m) => (
              <li key={m.count}>
                <strong>{milestoneName(m)}</strong> <span>{milestoneWhen(m)}</span>
                {m.source === 'history' && <span className="hint"> (history entered by staff)</span>}
              </li>
            ))}
          </ol>
        )}
        <p className="hint">
          A match made on Red Mug is dated by its month only where that month had at least {t} matches, and by its year
          otherwise; matches from before Red Mug are dated by the year staff entered.
        </p>
        <button type="button" className="button secondary" onClick={() => downloadCsv(r)}>
          Export CSV
        </button>
        <div className="outcomes-scroll" role="region" aria-label="Matches per year (table)" tabIndex={0}>
          <DataTable
            id="matches-table"
            caption="Matches per year"
            headers={['Year', 'Matches', 'Source']}
            rows={r.years}
            rowKey={(y) => String(y.year)}
            cells={(y) => [y.year, count(y.matches), y.fromHistory ? 'Includes history entered by staff' : 'Red Mug']}
          />
        </div>
        {r.matchesWithoutYear !== 0 && (
          <p>
            Also <strong>{count(r.matchesWithoutYear)}</strong> matches from before Red Mug with no year on record. Enter
            the yearly history below to place them.
          </p>
        )}
        <div className="outcomes-scroll" role="region" aria-label="Requests per year (table)" tabIndex={0}>
          <DataTable
            id="requests-table"
            caption="Requests: career-related and from articling students"
            headers={['Year', 'Requests', 'Career-related', 'Career-related share', 'From articling students', 'Articling students share']}
            rows={r.years}
            rowKey={(y) => String(y.year)}
            cells={(y: OutcomesYear) => [
              y.year,
              count(y.requests),
              count(y.careerRelated.count),
              formatShare(y.careerRelated, y.requests),
              count(y.articlingStudents.count),
              formatShare(y.articlingStudents, y.requests),
            ]}
          />
        </div>
        <p className="hint">
          Career-related: requests about career and job search, the workplace or articling. Counts from 1 to {t - 1} are
          withheld, with another figure beside any that a total would give away; no share is made from a withheld count.
        </p>
      </section>
      <section aria-labelledby="circles-heading">
        <h2 id="circles-heading">The circles</h2>
        <div className="outcomes-scroll" role="region" aria-label="People supported per year (table)" tabIndex={0}>
          <DataTable
            id="circles-table"
            caption="People supported through the circles"
            headers={['Reporting year', 'Lawyers and articling students']}
            rows={r.years}
            rowKey={(y) => String(y.year)}
            cells={(y) => [y.year, y.peopleSupported === null ? `fewer than ${r.circleThreshold}` : y.peopleSupported]}
          />
        </div>
        <p>
          {r.years.every((y) => y.peopleSupported === null) ? (
            <>No sum to show: every yearly figure here is fewer than {r.circleThreshold}.</>
          ) : (
            <>
              <strong data-testid="people-sum">{r.peopleSupportedSumOfYears}</strong> — the sum of the yearly figures shown
              {r.years.some((y) => y.peopleSupported === null) && `, not counting the years with fewer than ${r.circleThreshold}`}.
            </>
          )}{' '}
          Each person counts once in a reporting year, but someone who came in two years counts in both: attendance keys
          change every year, so nobody is linked across years.
        </p>
        <p className="hint">
          Counted online through the attendance reports, without joining anyone to their presence; volunteers and staff
          are not counted. Groups of fewer than {r.circleThreshold} people of one kind at one circle count nowhere; yearly
          figures under {r.circleThreshold} are withheld and the others rounded to a multiple of {r.circleThreshold}.
          In-person headcounts are numbers of attendances, not of distinct people, so they are not part of this figure.
        </p>
      </section>
    </>
  );
}

const EMPTY = { year: '', matches: '', requests: '', careerRelated: '', articlingStudents: '' };

/** Staff enter the society's yearly totals from before the platform, so the timeline starts where the program did. */
function History({ history, onSaved }: { history: HistoryResponse; onSaved: () => void }) {
  const [form, setForm] = useState(EMPTY);
  const [saved, setSaved] = useState<number | null>(null);
  const { busy, error, fields, run } = useAction();
  const set = (k: keyof typeof EMPTY) => (v: string) => setForm({ ...form, [k]: v });
  // Sent as typed: an empty or non-numeric box reaches the server's checks and comes back as a message for its field.
  const num = (v: string) => (v.trim() === '' ? undefined : Number(v));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const body = { year: num(form.year), matches: num(form.matches), requests: num(form.requests), careerRelated: num(form.careerRelated), articlingStudents: num(form.articlingStudents) };
    if (await run(() => saveMatchHistoryYear(body))) {
      setSaved(Number(form.year));
      setForm(EMPTY);
      onSaved();
    }
  };

  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">Match history before Red Mug</h2>
      <p>
        The society&apos;s matches from before the platform, year by year, from its own records. Totals only. Entering a
        year again replaces it; once any year is entered, these totals replace the configured count of earlier matches.
      </p>
      <div className="outcomes-scroll" role="region" aria-label="Years of history entered (table)" tabIndex={0}>
        <DataTable
          caption="Years entered"
          headers={['Year', 'Matches', 'Requests', 'Career-related', 'From articling students']}
          rows={history.years}
          rowKey={(y) => String(y.year)}
          cells={(y) => [y.year, y.matches, y.requests, y.careerRelated, y.articlingStudents]}
          empty="No year entered yet."
        />
      </div>
      <form className="outcomes-history-form" onSubmit={submit} aria-label="Enter a year of match history" noValidate>
        <TextField id="history-year" label="Year" type="number" inputMode="numeric" value={form.year} onChange={set('year')} error={fields.year} />
        <TextField id="history-matches" label="Matches made" type="number" inputMode="numeric" value={form.matches} onChange={set('matches')} error={fields.matches} />
        <TextField id="history-requests" label="Requests" type="number" inputMode="numeric" value={form.requests} onChange={set('requests')} error={fields.requests} />
        <TextField id="history-career" label="Career-related requests" type="number" inputMode="numeric" value={form.careerRelated} onChange={set('careerRelated')} error={fields.careerRelated} />
        <TextField id="history-articling" label="Requests from articling students" type="number" inputMode="numeric" value={form.articlingStudents} onChange={set('articlingStudents')} error={fields.articlingStudents} />
        <button type="submit" className="button" disabled={busy}>
          Save year
        </button>
      </form>
      <ErrorLine message={error} />
      {saved !== null && <p role="status">Saved {saved}.</p>}
    </section>
  );
}
