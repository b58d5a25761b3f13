import { meets } from './sessionState';
import { OnlyThose } from './OnlyThose';
import { useState } from 'react';
import type { ScheduledSession, SeriesView } from '../../../shared/schemas/scheduling';
import { useT } from '../i18n/useT';
import { ErrorLine } from '../ui/ErrorLine';
import { Loaded } from '../ui/Loaded';
import { useAction } from '../ui/useAction';
import { setTopic } from './schedulingApi';
import { SessionTime } from './SessionTime';
import { LibraryEditor, PasteTopicsForm } from './StaffForms';
import { useSeriesSessions } from './useSeriesSessions';


/** Staff: the topic of each session that meets, many at once for a weekly series, and the library they suggest. */
export function TopicsView({
  series,
  library,
  onLibraryChanged,
}: {
  series: SeriesView;
  library: Array<{ id: string; topic: string }>;
  onLibraryChanged: () => void;
}) {
  const t = useT();
  const { state, reload } = useSeriesSessions(series);
  const [onlyMissing, setOnlyMissing] = useState(false);
  return (
    <>
      <section className="staff-section" aria-labelledby="topics-heading">
        <h2 id="topics-heading">{t('scheduling.topics.heading')}</h2>
        <Loaded state={state} loading={t('scheduling.sessions.loading')}>
          {({ sessions }) => {
            const meeting = sessions.filter(meets);
            const missing = meeting.filter((s) => !s.topicSet);
            const shown = onlyMissing ? missing : meeting;
            return (
              <>
                <OnlyThose
                  summary={t('scheduling.onlyThose.withoutTopic', { count: missing.length })}
                  checked={onlyMissing}
                  onChange={setOnlyMissing}
                />
                {meeting.length === 0 ? (
                  <p>{t('scheduling.sessions.noneMeet')}</p>
                ) : (
                  <ul className="staff-list" aria-labelledby="topics-heading">
                    {shown.map((s) => (
                      <TopicCard key={s.id} session={s} onChanged={reload} />
                    ))}
                  </ul>
                )}
              </>
            );
          }}
        </Loaded>
      </section>
      {series.kind === 'weekly' && <PasteTopicsForm seriesId={series.id} onDone={reload} />}
      <LibraryEditor topics={library} onChanged={onLibraryChanged} />
    </>
  );
}

function TopicCard({ session: s, onChanged }: { session: ScheduledSession; onChanged: () => void }) {
  const saved = s.topicSet ? (s.topic ?? '') : '';
  const [topic, setTopicText] = useState(saved);
  // A topic set elsewhere (pasted for many weeks, another staff member) shows here once the list is fetched again.
  const [shown, setShown] = useState(saved);
  if (shown !== saved) {
    setShown(saved);
    setTopicText(saved);
  }
  const t = useT();
  const { busy, error, run } = useAction();
  return (
    <li className="staff-card" data-testid={`session-row-${s.id}`}>
      <div className="staff-card-when">
        <SessionTime session={s} />
      </div>
      <div className="staff-card-body">
        <form
          className="inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await run(() => setTopic(s.id, topic.trim() ? topic : null))) onChanged();
          }}
        >
          <input
            type="text"
            className="grow"
            list="topic-library"
            aria-label={t('scheduling.topics.topicFor', { date: s.localDate })}
            value={topic}
            placeholder={s.topic ?? t('scheduling.sessions.noTopic')}
            onChange={(e) => setTopicText(e.target.value)}
          />
          <button type="submit" className="button secondary" disabled={busy}>
            {t('scheduling.topics.save')}
          </button>
        </form>
        <ErrorLine message={error} />
      </div>
    </li>
  );
}
