import { useState } from 'react';
import type { ScheduledSession, SeriesView } from '../../../shared/schemas/scheduling';
import { ErrorLine } from '../ui/ErrorLine';
import { Loaded } from '../ui/Loaded';
import { useAction } from '../ui/useAction';
import { changeSession, updateSeries } from './schedulingApi';
import { meets, sessionState } from './sessionState';
import { SessionTime } from './SessionTime';
import { EditSeriesForm } from './StaffForms';
import { useSeriesSessions } from './useSeriesSessions';

const WEEKDAYS = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];

/** Staff: one series' settings and its sessions coming up, each with its state, topic and hosts, and its changes. */
export function SessionsView({ series, onSeriesChanged }: { series: SeriesView; onSeriesChanged: () => void }) {
  const { state, reload } = useSeriesSessions(series);
  return (
    <>
      <SeriesSettings
        series={series}
        onChanged={() => {
          onSeriesChanged();
          reload();
        }}
      />
      <section className="staff-section" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Upcoming sessions</h2>
        <Loaded state={state} loading="Loading sessions…">
          {({ sessions }) =>
            sessions.length === 0 ? (
              <p>No sessions in the coming weeks.</p>
            ) : (
              <ul className="staff-list" aria-labelledby="sessions-heading">
                {sessions.map((s) => (
                  <SessionCard key={s.id} session={s} onChanged={reload} />
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
    </>
  );
}

function SeriesSettings({ series, onChanged }: { series: SeriesView; onChanged: () => void }) {
  const { busy, error, run } = useAction();
  const act = (u: Parameters<typeof updateSeries>[1]) =>
    run(async () => {
      await updateSeries(series.id, u);
      onChanged();
    });
  return (
    <section className="staff-section" aria-label="Series settings">
      <p>
        {series.kind === 'weekly' ? `Weekly, ${WEEKDAYS[series.weekday - 1]} ` : `Pop-up on ${series.startsOn}, `}
        {series.startLocal}–{series.endLocal} ({series.timezone}) · status: <strong>{series.status}</strong>
        {' · '}
        {series.feedPath ? <a href={series.feedPath}>Calendar feed</a> : 'no public calendar feed'}
      </p>
      {series.kind === 'weekly' && (
        <div className="inline-form">
          <SeriesToggle checked={series.skipHolidays} disabled={busy} onChange={(on) => act({ skipHolidays: on })}>
            Skip Alberta general holidays
          </SeriesToggle>
          {series.status !== 'active' && (
            <button type="button" className="button secondary" disabled={busy} onClick={() => act({ status: 'active' })}>
              Resume
            </button>
          )}
          {series.status === 'active' && (
            <button type="button" className="button secondary" disabled={busy} onClick={() => act({ status: 'paused' })}>
              Pause
            </button>
          )}
          {series.status !== 'ended' && (
            <button type="button" className="button secondary" disabled={busy} onClick={() => act({ status: 'ended' })}>
              End series
            </button>
          )}
        </div>
      )}
      <div className="inline-form">
        <SeriesToggle checked={series.anyVolunteerMayHost} disabled={busy} onChange={(on) => act({ anyVolunteerMayHost: on })}>
          Any red mug volunteer present may take over hosting if neither the host nor the backup has arrived a few minutes after the start
        </SeriesToggle>
      </div>
      <EditSeriesForm key={series.id} series={series} onSaved={onChanged} />
      <ErrorLine message={error} />
    </section>
  );
}

/**
 * A yes/no setting of the series: ticked at once, saved, and put back if saving failed (the error shows beside it),
 * so the box never disagrees with what the server holds for longer than a request.
 */
function SeriesToggle({ checked, disabled, onChange, children }: { checked: boolean; disabled: boolean; onChange: (on: boolean) => Promise<boolean>; children: string }) {
  // What was just chosen, until the series as loaded says the same (or saving failed).
  const [pending, setPending] = useState<boolean | null>(null);
  if (pending !== null && pending === checked) setPending(null);
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={pending ?? checked}
        disabled={disabled}
        onChange={(e) => {
          const on = e.target.checked;
          setPending(on);
          void onChange(on).then((saved) => saved || setPending(null));
        }}
      />{' '}
      {children}
    </label>
  );
}

/** Who hosts, as staff read it at a glance; an uncovered role says so. */
function HostLine({ session: s }: { session: ScheduledSession }) {
  const r = s.roster;
  if (!r?.hostId) {
    return <p className="uncovered">{r?.hostDeclined ? 'Host declined: uncovered' : 'No host yet'}</p>;
  }
  return (
    <p>
      Host: <strong>{r.hostName ?? 'a volunteer'}</strong>
      {' · '}
      {r.backupId ? (
        <>
          Backup: <strong>{r.backupName ?? 'a volunteer'}</strong>
        </>
      ) : r.backupDeclined ? (
        <span className="uncovered">Backup declined: uncovered</span>
      ) : (
        'No backup'
      )}
    </p>
  );
}

function SessionCard({ session: s, onChanged }: { session: ScheduledSession; onChanged: () => void }) {
  const [note, setNote] = useState('');
  const [moveDate, setMoveDate] = useState(s.wallClock.startsAt.slice(0, 10));
  const [moveStart, setMoveStart] = useState(s.wallClock.startsAt.slice(11, 16));
  const [moveEnd, setMoveEnd] = useState(s.wallClock.endsAt.slice(11, 16));
  const { busy, error, run } = useAction();
  const label = s.localDate;
  const done = (p: () => Promise<unknown>) =>
    run(async () => {
      await p();
      onChanged();
    });
  const meeting = meets(s);
  const state = sessionState(s);
  return (
    <li className="staff-card" data-testid={`session-row-${s.id}`}>
      <div className="staff-card-when">
        <p>
          <SessionTime session={s} />
        </p>
        <p>
          <strong>{s.status}</strong>
          {meeting && (
            <>
              {' · '}
              <span className={`doors-state doors-${state.tone}`}>{state.label}</span>
            </>
          )}
          {s.note && <> — {s.note}</>}
          {!meeting && s.holiday && <> ({s.holiday})</>}
        </p>
      </div>
      <div className="staff-card-body">
        {meeting && (
          <>
            <p className="topic">{s.topic ? `Topic: ${s.topic}` : 'No topic yet'}</p>
            <HostLine session={s} />
          </>
        )}
        <details>
          <summary>Change…</summary>
          <div className="inline-form">
            <label>
              Note for members
              <input type="text" value={note} onChange={(e) => setNote(e.target.value)} aria-label={`Note for ${label}`} />
            </label>
            {meeting && (
              <button type="button" className="button secondary" disabled={busy} onClick={() => done(() => changeSession(s.id, { action: 'cancel', note }))}>
                Cancel session
              </button>
            )}
            {meeting && (
              <button type="button" className="button secondary" disabled={busy} onClick={() => done(() => changeSession(s.id, { action: 'skip', note }))}>
                Skip date
              </button>
            )}
            {s.status !== 'scheduled' && (
              <button type="button" className="button secondary" disabled={busy} onClick={() => done(() => changeSession(s.id, { action: 'restore' }))}>
                Restore as usual
              </button>
            )}
          </div>
          <div className="inline-form">
            <label>
              Date
              <input type="date" value={moveDate} onChange={(e) => setMoveDate(e.target.value)} />
            </label>
            <label>
              Start
              <input type="time" value={moveStart} onChange={(e) => setMoveStart(e.target.value)} />
            </label>
            <label>
              End
              <input type="time" value={moveEnd} onChange={(e) => setMoveEnd(e.target.value)} />
            </label>
            <button
              type="button"
              className="button secondary"
              disabled={busy}
              onClick={() =>
                done(() => changeSession(s.id, { action: 'move', date: moveDate, startLocal: moveStart, endLocal: moveEnd, note: note.trim() ? note : null }))
              }
            >
              Move
            </button>
          </div>
        </details>
        <ErrorLine message={error} />
      </div>
    </li>
  );
}
