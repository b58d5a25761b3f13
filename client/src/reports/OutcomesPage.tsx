import { lazy, Suspense, useCallback, useState, type FormEvent, type ReactNode } from 'react';
import type { MessageId } from '../../../shared/i18n/catalog';
import { formatCount } from '../../../shared/i18n/formatTime';
import type { HistoryResponse, OutcomesReport, OutcomesYear } from '../../../shared/schemas/outcomes';
import { withQuery } from '../api/apiPath';
import { useT } from '../i18n/useT';
import { DataTable } from '../ui/DataTable';
import { ErrorLine } from '../ui/ErrorLine';
import { Loaded } from '../ui/Loaded';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';
import { countText, milestoneNameText, milestoneWhenText, pluralOf, shareText } from './figures';
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
  const t = useT();
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
    <ReportsLayout title={t('reports.outcomes.title')}>
      <div className="outcomes-page">
        <p className="hint">{t('reports.outcomes.intro')}</p>
        <form className="report-form card" onSubmit={submit} aria-label={t('reports.outcomes.years')}>
          <TextField
            id="outcomes-from"
            label={t('reports.outcomes.fromYear')}
            type="number"
            inputMode="numeric"
            value={draft.from}
            onChange={(from) => setDraft({ ...draft, from })}
            hint={t('reports.outcomes.fromYearHint')}
          />
          <TextField id="outcomes-to" label={t('reports.outcomes.toYear')} type="number" inputMode="numeric" value={draft.to} onChange={(to) => setDraft({ ...draft, to })} hint={t('reports.outcomes.toYearHint')} />
          <button type="submit" className="button">
            {t('reports.show')}
          </button>
        </form>
        <Loaded state={report.state}>
          {(r) => (
            <>
              <Outcomes report={r} />
              <Suspense fallback={<p role="status">{t('reports.loadingCharts')}</p>}>
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

/** A figure in a sentence, with the test id the e2e tests read it by. */
const figure = (testId: string) => (chunks: ReactNode[]) => (
  <strong key={testId} data-testid={testId}>
    {chunks}
  </strong>
);

function Outcomes({ report: r }: { report: OutcomesReport }) {
  const t = useT();
  const threshold = r.threshold;
  const people = r.circleThreshold;
  const count = (c: number | null) => countText(t, c, threshold);
  const sum = r.years.every((y) => y.peopleSupported === null)
    ? t('reports.outcomes.noSum', { threshold: people })
    : t.rich('reports.outcomes.sum', {
        sum: formatCount(t.locale, r.peopleSupportedSumOfYears),
        withheld: r.years.some((y) => y.peopleSupported === null) ? 'yes' : 'no',
        threshold: people,
        figure: figure('people-sum'),
      });
  return (
    <>
      <section aria-labelledby="matches-heading">
        <h2 id="matches-heading">{t('reports.outcomes.matchesHeading')}</h2>
        <ul className="report-figures" aria-label={t('reports.outcomes.toDateLabel')}>
          <li>{t.rich('reports.outcomes.toDate', { count: pluralOf(r.totalMatches, threshold), value: count(r.totalMatches), figure: figure('total-matches') })}</li>
          <li>{t.rich('reports.outcomes.nextMilestone', { n: r.nextMilestone, figure: figure('next-milestone') })}</li>
        </ul>
        <h3 id="milestones-heading">{t('reports.outcomes.milestones')}</h3>
        {r.milestones.length === 0 ? (
          <p>{t('reports.outcomes.noMilestone')}</p>
        ) : (
          <ol className="milestone-timeline" aria-labelledby="milestones-heading">
            {r.milestones.map((m) => (
              <li key={m.count}>
                <strong>{milestoneNameText(t, m)}</strong> <span>{milestoneWhenText(t, m)}</span>
                {m.source === 'history' && <span className="hint"> {t('reports.outcomes.fromHistory')}</span>}
              </li>
            ))}
          </ol>
        )}
        <p className="hint">{t('reports.outcomes.dating', { threshold })}</p>
        {/* The server writes the file, in the reader's language, from the same figures. */}
        <a className="button secondary" href={withQuery('/api/reports/outcomes.csv', { from: r.from, to: r.to })} download>
          {t('reports.exportCsv')}
        </a>
        <div className="outcomes-scroll" role="region" aria-label={t('reports.outcomes.matchesTable')} tabIndex={0}>
          <DataTable
            id="matches-table"
            caption={t('reports.outcomes.matchesPerYear')}
            headers={[t('reports.col.year'), t('reports.outcomes.col.matches'), t('reports.outcomes.col.source')]}
            rows={r.years}
            rowKey={(y) => String(y.year)}
            cells={(y) => [y.year, count(y.matches), y.fromHistory ? t('reports.outcomes.includesHistory') : t('reports.outcomes.platform')]}
          />
        </div>
        {r.matchesWithoutYear !== 0 && (
          <p>{t.rich('reports.outcomes.withoutYear', { count: pluralOf(r.matchesWithoutYear, threshold), value: count(r.matchesWithoutYear), figure: figure('matches-without-year') })}</p>
        )}
        <div className="outcomes-scroll" role="region" aria-label={t('reports.outcomes.requestsTable')} tabIndex={0}>
          <DataTable
            id="requests-table"
            caption={t('reports.outcomes.requestsTitle')}
            headers={[
              t('reports.col.year'),
              t('reports.outcomes.col.requests'),
              t('reports.outcomes.col.careerRelated'),
              t('reports.outcomes.col.careerShare'),
              t('reports.outcomes.col.fromStudents'),
              t('reports.outcomes.col.studentsShare'),
            ]}
            rows={r.years}
            rowKey={(y) => String(y.year)}
            cells={(y: OutcomesYear) => [
              y.year,
              count(y.requests),
              count(y.careerRelated.count),
              shareText(t, y.careerRelated, y.requests),
              count(y.articlingStudents.count),
              shareText(t, y.articlingStudents, y.requests),
            ]}
          />
        </div>
        <p className="hint">{t('reports.outcomes.careerNote', { max: threshold - 1 })}</p>
      </section>
      <section aria-labelledby="circles-heading">
        <h2 id="circles-heading">{t('reports.outcomes.circlesHeading')}</h2>
        <div className="outcomes-scroll" role="region" aria-label={t('reports.outcomes.peopleTable')} tabIndex={0}>
          <DataTable
            id="circles-table"
            caption={t('reports.outcomes.peopleTitle')}
            headers={[t('reports.outcomes.col.reportingYear'), t('reports.outcomes.col.lawyersAndStudents')]}
            rows={r.years}
            rowKey={(y) => String(y.year)}
            cells={(y) => [y.year, countText(t, y.peopleSupported, people)]}
          />
        </div>
        <p>
          {sum} {t('reports.outcomes.acrossYears')}
        </p>
        <p className="hint">{t('reports.outcomes.peopleNote', { threshold: people })}</p>
      </section>
    </>
  );
}

const EMPTY = { year: '', matches: '', requests: '', careerRelated: '', articlingStudents: '' };
/** The form's boxes, in order: one number each. */
const HISTORY_FIELDS: ReadonlyArray<{ key: keyof typeof EMPTY; id: string; label: MessageId }> = [
  { key: 'year', id: 'history-year', label: 'reports.col.year' },
  { key: 'matches', id: 'history-matches', label: 'reports.history.matches' },
  { key: 'requests', id: 'history-requests', label: 'reports.outcomes.col.requests' },
  { key: 'careerRelated', id: 'history-career', label: 'reports.history.careerRelated' },
  { key: 'articlingStudents', id: 'history-articling', label: 'reports.history.fromStudents' },
];

/** Staff enter the society's yearly totals from before the platform, so the timeline starts where the program did. */
function History({ history, onSaved }: { history: HistoryResponse; onSaved: () => void }) {
  const t = useT();
  const [form, setForm] = useState(EMPTY);
  const [saved, setSaved] = useState<number | null>(null);
  const { busy, error, fields, run } = useAction();
  const set = (k: keyof typeof EMPTY) => (v: string) => setForm({ ...form, [k]: v });
  // Sent as typed: an empty or non-numeric box reaches the server's checks and comes back as a message for its field.
  const num = (v: string) => (v.trim() === '' ? undefined : Number(v));
  const n = (v: number) => formatCount(t.locale, v);

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
      <h2 id="history-heading">{t('reports.history.heading')}</h2>
      <p>{t('reports.history.intro')}</p>
      <div className="outcomes-scroll" role="region" aria-label={t('reports.history.table')} tabIndex={0}>
        <DataTable
          caption={t('reports.history.caption')}
          headers={[
            t('reports.col.year'),
            t('reports.outcomes.col.matches'),
            t('reports.outcomes.col.requests'),
            t('reports.outcomes.col.careerRelated'),
            t('reports.outcomes.col.fromStudents'),
          ]}
          rows={history.years}
          rowKey={(y) => String(y.year)}
          cells={(y) => [y.year, n(y.matches), n(y.requests), n(y.careerRelated), n(y.articlingStudents)]}
          empty={t('reports.history.empty')}
        />
      </div>
      <form className="outcomes-history-form" onSubmit={submit} aria-label={t('reports.history.form')} noValidate>
        {HISTORY_FIELDS.map(({ key, id, label }) => (
          <TextField key={key} id={id} label={t(label)} type="number" inputMode="numeric" value={form[key]} onChange={set(key)} error={fields[key]} />
        ))}
        <button type="submit" className="button" disabled={busy}>
          {t('reports.history.save')}
        </button>
      </form>
      <ErrorLine message={error} />
      {saved !== null && <p role="status">{t('reports.history.saved', { year: String(saved) })}</p>}
    </section>
  );
}
