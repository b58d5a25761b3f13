import type { VolunteerChoice } from '../../../shared/schemas/scheduling';
import { meets } from './sessionState';
import { OnlyThose } from './OnlyThose';
import { useState } from 'react';
import type { ScheduledSession, SeriesView } from '../../../shared/schemas/scheduling';
import { useT } from '../i18n/useT';
import { ErrorLine } from '../ui/ErrorLine';
import { Loaded } from '../ui/Loaded';
import { useAction } from '../ui/useAction';
import { setHosts } from './schedulingApi';
import { SessionTime } from './SessionTime';
import { VolunteerSelect } from './VolunteerSelect';
import { useSeriesSessions } from './useSeriesSessions';

type Volunteer = VolunteerChoice;

/** Staff: the host and backup of each session that meets; the uncovered ones first to the eye. */
export function HostsView({ series, volunteers }: { series: SeriesView; volunteers: Volunteer[] }) {
  const t = useT();
  const { state, reload } = useSeriesSessions(series);
  const [onlyUncovered, setOnlyUncovered] = useState(false);
  return (
    <section className="staff-section" aria-labelledby="hosts-heading">
      <h2 id="hosts-heading">{t('scheduling.hosts.heading')}</h2>
      <Loaded state={state} loading={t('scheduling.sessions.loading')}>
        {({ sessions }) => {
          const meeting = sessions.filter(meets);
          const uncovered = meeting.filter((s) => !s.roster?.hostId);
          const shown = onlyUncovered ? uncovered : meeting;
          return (
            <>
              <OnlyThose
                summary={t('scheduling.onlyThose.withoutHost', { count: uncovered.length })}
                checked={onlyUncovered}
                onChange={setOnlyUncovered}
              />
              {meeting.length === 0 ? (
                <p>{t('scheduling.sessions.noneMeet')}</p>
              ) : (
                <ul className="staff-list" aria-labelledby="hosts-heading">
                  {shown.map((s) => (
                    <HostsCard key={s.id} session={s} volunteers={volunteers} onChanged={reload} />
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function HostsCard({ session: s, volunteers, onChanged }: { session: ScheduledSession; volunteers: Volunteer[]; onChanged: () => void }) {
  const saved = `${s.roster?.hostId ?? ''} ${s.roster?.backupId ?? ''}`;
  const [hostId, setHostId] = useState(s.roster?.hostId ?? '');
  const [backupId, setBackupId] = useState(s.roster?.backupId ?? '');
  // Hosts changed elsewhere (a volunteer declined, another staff member) show here once the list is fetched again.
  const [shown, setShown] = useState(saved);
  if (shown !== saved) {
    setShown(saved);
    setHostId(s.roster?.hostId ?? '');
    setBackupId(s.roster?.backupId ?? '');
  }
  const t = useT();
  const { busy, error, run } = useAction();
  const label = s.localDate;
  return (
    <li className="staff-card" data-testid={`session-row-${s.id}`}>
      <div className="staff-card-when">
        <SessionTime session={s} />
        {s.topic && <p className="topic">{t('scheduling.session.topic', { topic: s.topic })}</p>}
      </div>
      <div className="staff-card-body">
        <form
          className="inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await run(() => setHosts(s.id, hostId || null, backupId || null))) onChanged();
          }}
        >
          <VolunteerSelect
            label={t('scheduling.hosts.hostFor', { date: label })}
            none={t('scheduling.hosts.noHost')}
            value={hostId}
            volunteers={volunteers}
            onChange={setHostId}
          />
          <VolunteerSelect
            label={t('scheduling.hosts.backupFor', { date: label })}
            none={t('scheduling.hosts.noBackup')}
            value={backupId}
            volunteers={volunteers}
            onChange={setBackupId}
          />
          <button type="submit" className="button secondary" disabled={busy}>
            {t('scheduling.hosts.save')}
          </button>
        </form>
        {s.roster?.hostDeclined && !s.roster.hostId && <p className="uncovered">{t('scheduling.hosts.hostDeclined')}</p>}
        {s.roster?.backupDeclined && !s.roster.backupId && <p className="uncovered">{t('scheduling.hosts.backupDeclined')}</p>}
        {!s.roster?.hostId && !s.roster?.hostDeclined && <p className="uncovered">{t('scheduling.hosts.noHostYet')}</p>}
        <ErrorLine message={error} />
      </div>
    </li>
  );
}
