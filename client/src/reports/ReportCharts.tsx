import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { formatCount } from '../../../shared/reportCsv';
import type { AttendanceReport, ReportCell } from '../../../shared/schemas/reports';

ChartJS.register(BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/**
 * Charts of the published (already withheld and rounded) figures. A withheld cell is drawn as a gap and its label
 * says "fewer than N", so a chart never shows more than the table beside it.
 */
function CellChart({ title, cells, threshold }: { title: string; cells: ReportCell[]; threshold: number }) {
  // Nothing to draw but empty axes: say why instead (every figure withheld, or none at all).
  if (!cells.some((c) => c.count !== null && c.count > 0)) {
    return (
      <figure className="card">
        <figcaption>{title}</figcaption>
        <p className="hint chart-empty">
          {cells.length === 0
            ? 'Nothing to show for this period.'
            : `No chart: every figure here is ${formatCount(null, threshold)}, so it is withheld to keep small groups unidentifiable.`}
        </p>
      </figure>
    );
  }
  const labels = cells.map((c) => (c.count === null ? `${c.label} (${formatCount(null, threshold)})` : c.label));
  return (
    <figure className="card">
      <figcaption>{title}</figcaption>
      <div className="report-chart">
        <Bar
          aria-label={`${title}: ${cells.map((c) => `${c.label} ${formatCount(c.count, threshold)}`).join(', ')}`}
          role="img"
          data={{ labels, datasets: [{ label: title, data: cells.map((c) => c.count), backgroundColor: '#b3261e' }] }}
          options={{
            maintainAspectRatio: false,
            animation: false,
            plugins: { legend: { display: false } },
            scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
          }}
        />
      </div>
    </figure>
  );
}

export default function ReportCharts({ report }: { report: AttendanceReport }) {
  return (
    <>
      <CellChart title="Online attendance over time (per session)" cells={report.bySession} threshold={report.threshold} />
      <CellChart title="Online attendees by kind" cells={report.byKind} threshold={report.threshold} />
      <CellChart title="In-person attendance (per session, from headcounts)" cells={report.inPerson.bySession} threshold={report.threshold} />
    </>
  );
}
