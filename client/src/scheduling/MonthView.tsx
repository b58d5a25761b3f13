import { useState } from 'react';
import type { ScheduledSession } from '../../../shared/schemas/scheduling';
import { wallTime } from '../../../shared/i18n/formatTime';
import { useT } from '../i18n/useT';
import { useStore } from '../store';
import { HostBadge } from '../ui/HostBadge';
import { weekdayName, zoneLabelOf } from './circleTime';
import { meets, sessionState } from './sessionState';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** Days of a month grid (Monday first) as "YYYY-MM-DD", padded with nulls. */
export function monthGrid(year: number, month: number): Array<string | null> {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: Array<string | null> = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7) cells.push(null);
  return cells;
}

/** The month's cells, seven to a row. */
function weeksOf(cells: Array<string | null>): Array<Array<string | null>> {
  const weeks: Array<Array<string | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** A month calendar of sessions, placed by their date in the circle's zone (from the server's wall clock). */
export function MonthView({ sessions }: { sessions: ScheduledSession[] }) {
  const t = useT();
  const program = useStore((s) => s.program);
  const firstDate = sessions[0]?.wallClock.startsAt.slice(0, 7) ?? new Date().toISOString().slice(0, 7);
  const [ym, setYm] = useState(firstDate);
  const [year, month] = ym.split('-').map(Number) as [number, number];
  const shift = (n: number) => {
    const d = new Date(Date.UTC(year, month - 1 + n, 1));
    setYm(d.toISOString().slice(0, 7));
  };
  const byDay = new Map<string, ScheduledSession[]>();
  for (const s of sessions) {
    const day = s.wallClock.startsAt.slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }
  const title = new Intl.DateTimeFormat(t.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
  return (
    <section className="month-view" aria-label={title}>
      <div className="month-nav">
        <button type="button" className="button secondary" onClick={() => shift(-1)} aria-label={t('scheduling.month.previous')}>
          {t('scheduling.month.previousSymbol')}
        </button>
        <h2>{title}</h2>
        <button type="button" className="button secondary" onClick={() => shift(1)} aria-label={t('scheduling.month.next')}>
          {t('scheduling.month.nextSymbol')}
        </button>
      </div>
      {/* A static calendar: a table (weeks as rows, days as cells), read cell by cell like any table. */}
      <table className="month-grid">
        <caption className="visually-hidden">
          {t('scheduling.month.caption', { month: title, zone: zoneLabelOf(program, sessions[0]?.timezone ?? program?.zone ?? '') })}
        </caption>
        <thead>
          <tr>
            {WEEKDAYS.map((d) => (
              <th key={d} scope="col" className="month-head">
                {weekdayName(t.locale, d, 'short')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeksOf(monthGrid(year, month)).map((week, w) => (
            <tr key={week.find((d) => d) ?? `week-${w}`}>
              {week.map((day, i) => (
                <td key={day ?? `pad-${w}-${i}`} className="month-cell">
                  {day && <span className="month-day">{Number(day.slice(8))}</span>}
                  {day &&
                    (byDay.get(day) ?? []).map((s) => (
                      <p key={s.id} className={`month-session status-${s.status}`}>
                        {meets(s) ? (
                          <>
                            {wallTime(t.locale, s.wallClock.startsAt)} {s.title}
                            {s.topic && <span className="month-topic">{s.topic}</span>}
                            {s.doors !== 'upcoming' && <span className="month-topic">{t(sessionState(s).label)}</span>}
                            {s.hosted && <HostBadge />}
                          </>
                        ) : (
                          <span>{s.note ?? t('scheduling.doors.noCircle')}</span>
                        )}
                      </p>
                    ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
