import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { formatMatchCount } from '../../../shared/outcomesCsv';
import type { OutcomesReport } from '../../../shared/schemas/outcomes';

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
 * chart's accessible name reads every figure in words. The table named by `tableId` holds the same figures.
 */
function YearChart({ title, years, series, tableId, unit }: { title: string; years: number[]; series: Series[]; tableId: string; unit?: string }) {
  if (!series.some((s) => s.values.some((v) => v !== null && v > 0))) {
    return (
      <figure className="card">
        <figcaption>{title}</figcaption>
        <p className="hint chart-empty">No chart: nothing to draw in these years (withheld figures are gaps). The table gives every figure.</p>
      </figure>
    );
  }
  const words = years.map((y, i) => `${y}: ${series.map((s) => `${series.length > 1 ? `${s.label} ` : ''}${s.text(s.values[i] ?? null)}`).join(', ')}`).join('; ');
  return (
    <figure className="card">
      <figcaption>{title}</figcaption>
      <div className="report-chart">
        <Bar
          role="img"
          aria-label={`${title}. ${words}.`}
          aria-describedby={tableId}
          data={{
            labels: years.map(String),
            datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color })),
          }}
          options={{
            maintainAspectRatio: false,
            animation: false,
            plugins: { legend: { display: series.length > 1 } },
            scales: { y: { beginAtZero: true, ticks: { precision: 0 }, ...(unit ? { title: { display: true, text: unit } } : {}) } },
          }}
        />
      </div>
      <p className="hint">The same figures are in the table “{title}”.</p>
    </figure>
  );
}

export default function OutcomesCharts({ report: r }: { report: OutcomesReport }) {
  const years = r.years.map((y) => y.year);
  const count = (v: number | null) => formatMatchCount(v, r.threshold);
  const pct = (v: number | null) => (v === null ? 'no share shown' : `${v} %`);
  return (
    <div className="report-grid outcomes-grid">
      <YearChart
        title="Matches per year"
        tableId="matches-table"
        years={years}
        series={[{ label: 'Matches', values: r.years.map((y) => y.matches), text: count, color: '#b3261e' }]}
      />
      <YearChart
        title="Requests: career-related and from articling students"
        tableId="requests-table"
        unit="% of the year's requests"
        years={years}
        series={[
          { label: 'Career-related', values: r.years.map((y) => y.careerRelated.share), text: pct, color: '#b3261e' },
          { label: 'From articling students', values: r.years.map((y) => y.articlingStudents.share), text: pct, color: '#1f5f8b' },
        ]}
      />
      <YearChart
        title="People supported through the circles"
        tableId="circles-table"
        years={years}
        series={[
          {
            label: 'People supported',
            values: r.years.map((y) => y.peopleSupported),
            text: (v) => (v === null ? `fewer than ${r.circleThreshold}` : String(v)),
            color: '#b3261e',
          },
        ]}
      />
    </div>
  );
}
