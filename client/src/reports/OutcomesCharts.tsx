import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useT } from '../i18n/useT';
import type { OutcomesReport } from '../../../shared/schemas/outcomes';
import { countText } from './figures';

ChartJS.register(BarElement, CategoryScale, LinearScale, Tooltip, Legend);

interface Series {
  label: string;
  values: Array<number | null>;
  /** How a value reads in words, withheld ones included. */
  text: (v: number | null) => string;
  color: string;
}

/**
 * One bar chart of yearly figures, already withheld and rounded by the server: a withheld figure is a gap, and the
 * chart's accessible name reads every figure in words. The table named by `tableId` holds the same figures. Labels,
 * tooltips, the axis title and its numbers read in the person's language.
 */
function YearChart({ title, years, series, tableId, unit }: { title: string; years: number[]; series: Series[]; tableId: string; unit?: string }) {
  const t = useT();
  if (!series.some((s) => s.values.some((v) => v !== null && v > 0))) {
    return (
      <figure className="card">
        <figcaption>{title}</figcaption>
        <p className="hint chart-empty">{t('reports.outcomes.chart.nothing')}</p>
      </figure>
    );
  }
  const words = years
    .map((year, i) => {
      const figures = series.map((s) => {
        const value = s.text(s.values[i] ?? null);
        return series.length > 1 ? t('reports.chart.figure', { label: s.label, value }) : value;
      });
      return t('reports.outcomes.chart.year', { year: String(year), figures: figures.join(', ') });
    })
    .join('; ');
  return (
    <figure className="card">
      <figcaption>{title}</figcaption>
      <div className="report-chart">
        <Bar
          role="img"
          aria-label={t('reports.outcomes.chart.label', { title, figures: words })}
          aria-describedby={tableId}
          data={{
            labels: years.map(String),
            datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color })),
          }}
          options={{
            locale: t.locale,
            maintainAspectRatio: false,
            animation: false,
            plugins: {
              legend: { display: series.length > 1 },
              tooltip: {
                callbacks: {
                  label: (c) => t('reports.chart.tooltip', { label: c.dataset.label ?? '', value: series[c.datasetIndex]?.text(c.raw as number | null) ?? '' }),
                },
              },
            },
            scales: { y: { beginAtZero: true, ticks: { precision: 0 }, ...(unit ? { title: { display: true, text: unit } } : {}) } },
          }}
        />
      </div>
      <p className="hint">{t('reports.outcomes.chart.sameFigures', { title })}</p>
    </figure>
  );
}

export default function OutcomesCharts({ report: r }: { report: OutcomesReport }) {
  const t = useT();
  const years = r.years.map((y) => y.year);
  const count = (v: number | null) => countText(t, v, r.threshold);
  const pct = (v: number | null) => (v === null ? t('reports.outcomes.chart.noShare') : t('reports.percent', { share: v }));
  return (
    <div className="report-grid outcomes-grid">
      <YearChart
        title={t('reports.outcomes.matchesPerYear')}
        tableId="matches-table"
        years={years}
        series={[{ label: t('reports.outcomes.col.matches'), values: r.years.map((y) => y.matches), text: count, color: '#b3261e' }]}
      />
      <YearChart
        title={t('reports.outcomes.requestsTitle')}
        tableId="requests-table"
        unit={t('reports.outcomes.chart.shareUnit')}
        years={years}
        series={[
          { label: t('reports.outcomes.col.careerRelated'), values: r.years.map((y) => y.careerRelated.share), text: pct, color: '#b3261e' },
          { label: t('reports.outcomes.col.fromStudents'), values: r.years.map((y) => y.articlingStudents.share), text: pct, color: '#1f5f8b' },
        ]}
      />
      <YearChart
        title={t('reports.outcomes.peopleTitle')}
        tableId="circles-table"
        years={years}
        series={[
          {
            label: t('reports.outcomes.chart.peopleSupported'),
            values: r.years.map((y) => y.peopleSupported),
            text: (v) => countText(t, v, r.circleThreshold),
            color: '#b3261e',
          },
        ]}
      />
    </div>
  );
}
