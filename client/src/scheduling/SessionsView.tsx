import { useState } from 'react';
import type { ScheduledSession, SeriesView } from '../../../shared/schemas/scheduling';
import { useT } from '../i18n/useT';
import { ErrorLine } from '../ui/ErrorLine';
import { Loaded } from '../ui/Loaded';
import { useAction } from '../ui/useAction';
import { changeSession, updateSeries } from './schedulingApi';
import { meets, sessionState } from './sessionState';
import { SessionTime } from './SessionTime';
import { EditSeriesForm } from './StaffForms';
import { useSeriesSessions } from './useSeriesSessions';

/** Staff: one series' settings and its sessions coming up, each with its state, topic and hosts, and its changes. */
export function SessionsView({ series, onSeriesChanged }: { series: SeriesView; onSeriesChanged: () => void }) {
  const t = useT();
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
        <h2 id="sessions-heading">{t('scheduling.sessions.heading')}</h2>
        <Loaded state={state} loading={t('scheduling.sessions.loading')}>
          {({ sessions }) =>
            sessions.length === 0 ? (
              <p>{t('scheduling.sessions.none')}</p>
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
  const t = useT();
  const { busy, error, run } = useAction();
  const act = (u: Parameters<typeof updateSeries>[1]) =>
    run(async () => {
      await updateSeries(series.id, u);
      onChanged();
    });
  return (
    <section className="staff-section" aria-label={t('scheduling.settings.label')}>
      <p>
        {t.rich('scheduling.settings.summary', {
          kind: series.kind,
          days: t('scheduling.settings.days', { day: String(series.weekday) }),
          date: series.startsOn,
          start: series.startLocal,
          end: series.endLocal,
          zone: series.timezone,
          status: t('scheduling.settings.status', { status: series.status }),
          strong: (chunks) => <strong>{chunks}</strong>,
          feed: series.feedPath ? <a href={series.feedPath}>{t('scheduling.settings.feed')}</a> : t('scheduling.settings.noFeed'),
        })}
      </p>
      {series.kind === 'weekly' && (
        <div className="inline-form">
          <SeriesToggle checked={series.skipHolidays} disabled={busy} onChange={(on) => act({ skipHolidays: on })}>
            {t('scheduling.settings.skipHolidays')}
          </SeriesToggle>
          {series.status !== 'active' && (
            <button type="button" className="button secondary" disabled={busy} onClick={() => act({ status: 'active' })}>
              {t('scheduling.settings.resume')}
            </button>
          )}
          {series.status === 'active' && (
            <button type="button" className="button secondary" disabled={busy} onClick={() => act({ status: 'paused' })}>
              {t('scheduling.settings.pause')}
            </button>
          )}
          {series.status !== 'ended' && (
            <button type="button" className="button secondary" disabled={busy} onClick={() => act({ status: 'ended' })}>
              {t('scheduling.settings.end')}
            </button>
          )}
        </div>
      )}
      <div className="inline-form">
        <SeriesToggle checked={series.anyVolunteerMayHost} disabled={busy} onChange={(on) => act({ anyVolunteerMayHost: on })}>
          {t('scheduling.settings.anyVolunteer')}
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
      /> {children}
    </label>
  );
}

/** Who hosts, as staff read it at a glance; an uncovered role says so. */
function HostLine({ session: s }: { session: ScheduledSession }) {
  const t = useT();
  const r = s.roster;
  if (!r?.hostId) {
    return <p className="uncovered">{r?.hostDeclined ? t('scheduling.hosts.hostDeclined') : t('scheduling.hosts.noHostYet')}</p>;
  }
  const strong = (chunks: React.ReactNode[]) => <strong>{chunks}</strong>;
  return (
    <p>
      {t.rich('scheduling.hosts.host', { name: r.hostName ?? t('scheduling.hosts.aVolunteer'), strong })}
      {t('scheduling.dot')}
      {r.backupId ? (
        t.rich('scheduling.hosts.backup', { name: r.backupName ?? t('scheduling.hosts.aVolunteer'), strong })
      ) : r.backupDeclined ? (
        <span className="uncovered">{t('scheduling.hosts.backupDeclined')}</span>
      ) : (
        t('scheduling.hosts.noBackup')
      )}
    </p>
  );
}

function SessionCard({ session: s, onChanged }: { session: ScheduledSession; onChanged: () => void }) {
  const [note, setNote] = useState('');
  const [moveDate, setMoveDate] = useState(s.wallClock.startsAt.slice(0, 10));
  const [moveStart, setMoveStart] = useState(s.wallClock.startsAt.slice(11, 16));
  const [moveEnd, setMoveEnd] = useState(s.wallClock.endsAt.slice(11, 16));
  const t = useT();
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
          <strong>{t('scheduling.sessions.status', { status: s.status })}</strong>
          {meeting && (
            <>
              {t('scheduling.dot')}
              <span className={`doors-state doors-${state.tone}`}>{t(state.label)}</span>
            </>
          )}
          {s.note && t('scheduling.sessions.note', { note: s.note })}
          {!meeting && s.holiday && t('scheduling.sessions.holiday', { holiday: s.holiday })}
        </p>
      </div>
      <div className="staff-card-body">
        {meeting && (
          <>
            <p className="topic">{s.topic ? t('scheduling.session.topic', { topic: s.topic }) : t('scheduling.sessions.noTopic')}</p>
            <HostLine session={s} />
          </>
        )}
        <details>
          <summary>{t('scheduling.sessions.change')}</summary>
          <div className="inline-form">
            <label>
              {t('scheduling.sessions.noteForMembers')}
              <input type="text" value={note} onChange={(e) => setNote(e.target.value)} aria-label={t('scheduling.sessions.noteFor', { date: label })} />
            </label>
            {meeting && (
              <button type="button" className="button secondary" disabled={busy} onClick={() => done(() => changeSession(s.id, { action: 'cancel', note }))}>
                {t('scheduling.sessions.cancel')}
              </button>
            )}
            {meeting && (
              <button type="button" className="button secondary" disabled={busy} onClick={() => done(() => changeSession(s.id, { action: 'skip', note }))}>
                {t('scheduling.sessions.skip')}
              </button>
            )}
            {s.status !== 'scheduled' && (
              <button type="button" className="button secondary" disabled={busy} onClick={() => done(() => changeSession(s.id, { action: 'restore' }))}>
                {t('scheduling.sessions.restore')}
              </button>
            )}
          </div>
          <div className="inline-form">
            <label>
              {t('scheduling.new.date')}
              <input type="date" value={moveDate} onChange={(e) => setMoveDate(e.target.value)} />
            </label>
            <label>
              {t('scheduling.new.start')}
              <input type="time" value={moveStart} onChange={(e) => setMoveStart(e.target.value)} />
            </label>
            <label>
              {t('scheduling.new.end')}
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
              {t('scheduling.sessions.move')}
            </button>
          </div>
        </details>
        <ErrorLine message={error} />
      </div>
    </li>
  );
}
