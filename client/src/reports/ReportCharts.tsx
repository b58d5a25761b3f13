import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useT } from '../i18n/useT';
import type { AttendanceReport, ReportCell } from '../../../shared/schemas/reports';
import { countText } from './figures';

ChartJS.register(BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/**
 * Charts of the published (already withheld and rounded) figures. A withheld cell is drawn as a gap and its label
 * says "fewer than N", so a chart never shows more than the table beside it. Labels, tooltips and the axis' numbers
 * read in the person's language.
 */
function CellChart({ title, cells, threshold }: { title: string; cells: ReportCell[]; threshold: number }) {
  const t = useT();
  // Nothing to draw but empty axes: say why instead (every figure withheld, or none at all).
  if (!cells.some((c) => c.count !== null && c.count > 0)) {
    return (
      <figure className="card">
        <figcaption>{title}</figcaption>
        <p className="hint chart-empty">{cells.length === 0 ? t('reports.chart.nothing') : t('reports.chart.allWithheld', { threshold })}</p>
      </figure>
    );
  }
  const labels = cells.map((c) => (c.count === null ? t('reports.chart.withheldLabel', { label: c.label, value: countText(t, null, threshold) }) : c.label));
  const figures = cells.map((c) => t('reports.chart.figure', { label: c.label, value: countText(t, c.count, threshold) })).join(', ');
  return (
    <figure className="card">
      <figcaption>{title}</figcaption>
      <div className="report-chart">
        <Bar
          aria-label={t('reports.chart.summary', { title, figures })}
          role="img"
          data={{ labels, datasets: [{ label: title, data: cells.map((c) => c.count), backgroundColor: '#b3261e' }] }}
          options={{
            locale: t.locale,
            maintainAspectRatio: false,
            animation: false,
            plugins: {
              legend: { display: false },
              tooltip: { callbacks: { label: (c) => t('reports.chart.tooltip', { label: title, value: countText(t, c.raw as number | null, threshold) }) } },
            },
            scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
          }}
        />
      </div>
    </figure>
  );
}

export default function ReportCharts({ report }: { report: AttendanceReport }) {
  const t = useT();
  return (
    <>
      <CellChart title={t('reports.chart.bySession')} cells={report.bySession} threshold={report.threshold} />
      <CellChart title={t('reports.chart.byKind')} cells={report.byKind} threshold={report.threshold} />
      <CellChart title={t('reports.chart.inPerson')} cells={report.inPerson.bySession} threshold={report.threshold} />
    </>
  );
}
