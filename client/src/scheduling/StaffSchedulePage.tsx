import { useCallback, useState } from 'react';
import type { ScheduledSession, SeriesView } from '../../../shared/schemas/scheduling';
import { AppHeader } from '../ui/AppHeader';
import { ErrorLine } from '../ui/ErrorLine';
import { Loaded } from '../ui/Loaded';
import { useAction } from '../ui/useAction';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useLoad } from '../ui/useLoad';
import { changeSession, fetchLibrary, fetchSeries, fetchSessions, fetchVolunteers, setHosts, setTopic, updateSeries } from './schedulingApi';
import { SessionTime } from './SessionTime';
import { EditSeriesForm, LibraryEditor, NewSeriesForm, PasteTopicsForm, PopupForm } from './StaffForms';
import { VolunteerSelect } from './VolunteerSelect';
import './scheduling.css';

const todayIso = () => new Date().toISOString().slice(0, 10);
type Volunteer = { id: string; firstName: string };

/** Staff: run the schedule. Pick a series, then set topics, hosts and changes per session. */
export function StaffSchedulePage() {
  useDocumentTitle('Run the schedule');
  const series = useLoad(fetchSeries, { keepOnError: true });
  const volunteers = useLoad(fetchVolunteers, { keepOnError: true });
  const library = useLoad(fetchLibrary, { keepOnError: true });
  const [chosen, setSeriesId] = useState<string>('');
  const [version, setVersion] = useState(0);
  const all = series.state.status === 'ready' ? series.state.data.series : [];
  const seriesId = chosen || (all[0]?.id ?? '');
  const current = all.find((s) => s.id === seriesId) ?? null;
  const refresh = () => {
    series.reload();
    setVersion((v) => v + 1);
  };
  const vols = volunteers.state.status === 'ready' ? volunteers.state.data.volunteers : [];
  const topics = library.state.status === 'ready' ? library.state.data.topics : [];

  return (
    <>
      <AppHeader />
      <main className="page staff-page">
        <h1>Run the schedule</h1>
        <ErrorLine message={series.state.status === 'error' ? series.state.message : null} />
        <label>
          Series{' '}
          <select value={seriesId} onChange={(e) => setSeriesId(e.target.value)} aria-label="Series">
            {all.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title} {s.kind === 'popup' ? `(pop-up ${s.startsOn})` : ''} {s.status !== 'active' ? `(${s.status})` : ''}
              </option>
            ))}
          </select>
        </label>
        <datalist id="topic-library">
          {topics.map((t) => (
            <option key={t.id} value={t.topic} />
          ))}
        </datalist>
        {current && <SeriesSettings series={current} onChanged={refresh} />}
        {current && <SessionsTable key={`${current.id}-${version}`} series={current} volunteers={vols} />}
        {current && current.kind === 'weekly' && <PasteTopicsForm seriesId={current.id} onDone={refresh} />}
        <LibraryEditor topics={topics} onChanged={library.reload} />
        <NewSeriesForm onCreated={(s) => { series.reload(); setSeriesId(s.id); }} />
        <PopupForm volunteers={vols} onCreated={(id) => { series.reload(); setSeriesId(id); }} />
      </main>
    </>
  );
}

function SeriesSettings({ series, onChanged }: { series: SeriesView; onChanged: () => void }) {
  const { busy, error, run } = useAction();
  const act = (u: Parameters<typeof updateSeries>[1]) => run(async () => { await updateSeries(series.id, u); onChanged(); });
  return (
    <section className="staff-section" aria-label="Series settings">
      <p>
        {series.kind === 'weekly' ? `Weekly, ${['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'][series.weekday - 1]} ` : `Pop-up on ${series.startsOn}, `}
        {series.startLocal}–{series.endLocal} ({series.timezone}) · status: <strong>{series.status}</strong>
        {' · '}
        <a href={series.feedPath}>Calendar feed</a>
      </p>
      {series.kind === 'weekly' && (
        <p className="inline-form">
          <label>
            <span>
              <input type="checkbox" checked={series.skipHolidays} disabled={busy} onChange={(e) => act({ skipHolidays: e.target.checked })} /> Skip
              Alberta general holidays
            </span>
          </label>
          {series.status !== 'active' && <button type="button" className="button secondary" disabled={busy} onClick={() => act({ status: 'active' })}>Resume</button>}
          {series.status === 'active' && <button type="button" className="button secondary" disabled={busy} onClick={() => act({ status: 'paused' })}>Pause</button>}
          {series.status !== 'ended' && <button type="button" className="button secondary" disabled={busy} onClick={() => act({ status: 'ended' })}>End series</button>}
        </p>
      )}
      <EditSeriesForm key={series.id} series={series} onSaved={onChanged} />
      <ErrorLine message={error} />
    </section>
  );
}

function SessionsTable({ series, volunteers }: { series: SeriesView; volunteers: Volunteer[] }) {
  // The server's today by default (its clock is the schedule's); a series that starts later, from its start.
  const from = series.startsOn > todayIso() ? series.startsOn : undefined;
  const { state, reload } = useLoad(
    useCallback(() => fetchSessions({ seriesId: series.id, weeks: 16, ...(from ? { from } : {}) }), [series.id, from]),
    { keepOnError: true },
  );
  return (
    <Loaded state={state} loading="Loading sessions…">
      {({ sessions }) => <SessionsSection sessions={sessions} volunteers={volunteers} onChanged={reload} />}
    </Loaded>
  );
}

function SessionsSection({ sessions, volunteers, onChanged }: { sessions: ScheduledSession[]; volunteers: Volunteer[]; onChanged: () => void }) {
  const [onlyNoTopic, setOnlyNoTopic] = useState(false);
  const missing = sessions.filter((s) => !s.topicSet && (s.status === 'scheduled' || s.status === 'moved'));
  const shown = onlyNoTopic ? missing : sessions;
  return (
    <section className="staff-section" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Upcoming sessions</h2>
      <p>
        {missing.length} session{missing.length === 1 ? '' : 's'} without a topic yet.{' '}
        <label>
          <input type="checkbox" checked={onlyNoTopic} onChange={(e) => setOnlyNoTopic(e.target.checked)} /> Show only those
        </label>
      </p>
      <table className="staff-table">
        <thead>
          <tr>
            <th>When</th>
            <th>Topic</th>
            <th>Host and backup</th>
            <th>Changes</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((s) => (
            <SessionRow key={s.id} session={s} volunteers={volunteers} onChanged={onChanged} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function SessionRow({ session: s, volunteers, onChanged }: { session: ScheduledSession; volunteers: Volunteer[]; onChanged: () => void }) {
  const [topic, setTopicText] = useState(s.topicSet ? (s.topic ?? '') : '');
  const [hostId, setHostId] = useState(s.roster?.hostId ?? '');
  const [backupId, setBackupId] = useState(s.roster?.backupId ?? '');
  const [note, setNote] = useState('');
  const [moveDate, setMoveDate] = useState(s.wallClock.startsAt.slice(0, 10));
  const [moveStart, setMoveStart] = useState(s.wallClock.startsAt.slice(11, 16));
  const [moveEnd, setMoveEnd] = useState(s.wallClock.endsAt.slice(11, 16));
  const { busy, error, run } = useAction();
  const label = s.localDate;
  const done = (p: Promise<unknown>) => run(async () => { await p; onChanged(); });
  const meets = s.status === 'scheduled' || s.status === 'moved';
  return (
    <tr data-testid={`session-row-${s.id}`}>
      <td>
        <SessionTime session={s} />
        <br />
        <strong>{s.status}</strong>
        {s.note && <> — {s.note}</>}
        {!meets && s.holiday && <> ({s.holiday})</>}
      </td>
      <td>
        {meets && (
          <>
            <input type="text" list="topic-library" aria-label={`Topic for ${label}`} value={topic} placeholder={s.topic ?? 'No topic yet'} onChange={(e) => setTopicText(e.target.value)} />
            <button type="button" className="button secondary" disabled={busy} onClick={() => done(setTopic(s.id, topic.trim() ? topic : null))}>
              Save topic
            </button>
          </>
        )}
      </td>
      <td>
        {meets && (
          <>
            <VolunteerSelect label={`Host for ${label}`} none="No host" value={hostId} volunteers={volunteers} onChange={setHostId} />
            <VolunteerSelect label={`Backup for ${label}`} none="No backup" value={backupId} volunteers={volunteers} onChange={setBackupId} />
            <button type="button" className="button secondary" disabled={busy} onClick={() => done(setHosts(s.id, hostId || null, backupId || null))}>
              Save hosts
            </button>
            {s.roster?.hostDeclined && !s.roster.hostId && <p className="uncovered">Host declined: uncovered</p>}
            {s.roster?.backupDeclined && !s.roster.backupId && <p className="uncovered">Backup declined: uncovered</p>}
            {!s.roster?.hostId && !s.roster?.hostDeclined && <p className="uncovered">No host yet</p>}
          </>
        )}
      </td>
      <td>
        <details>
          <summary>Change…</summary>
          <div className="inline-form">
            <label>
              Note for members
              <input type="text" value={note} onChange={(e) => setNote(e.target.value)} aria-label={`Note for ${label}`} />
            </label>
            {meets && <button type="button" className="button secondary" disabled={busy} onClick={() => done(changeSession(s.id, { action: 'cancel', note }))}>Cancel session</button>}
            {meets && <button type="button" className="button secondary" disabled={busy} onClick={() => done(changeSession(s.id, { action: 'skip', note }))}>Skip date</button>}
            {(s.status !== 'scheduled') && <button type="button" className="button secondary" disabled={busy} onClick={() => done(changeSession(s.id, { action: 'restore' }))}>Restore as usual</button>}
          </div>
          <div className="inline-form">
            <label>Date<input type="date" value={moveDate} onChange={(e) => setMoveDate(e.target.value)} /></label>
            <label>Start<input type="time" value={moveStart} onChange={(e) => setMoveStart(e.target.value)} /></label>
            <label>End<input type="time" value={moveEnd} onChange={(e) => setMoveEnd(e.target.value)} /></label>
            <button type="button" className="button secondary" disabled={busy} onClick={() => done(changeSession(s.id, { action: 'move', date: moveDate, startLocal: moveStart, endLocal: moveEnd, note: note.trim() ? note : null }))}>
              Move
            </button>
          </div>
        </details>
        <ErrorLine message={error} />
      </td>
    </tr>
  );
}
