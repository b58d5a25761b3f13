import { useCallback, useState } from 'react';
import type { MessageId } from '../../../shared/i18n/catalog';
import { wallTime } from '../../../shared/i18n/formatTime';
import { REMINDER_LIST_LABELS, type ReminderList, type ReminderSettings } from '../../../shared/schemas/reminders';
import { useT } from '../i18n/useT';
import { ErrorLine } from '../ui/ErrorLine';
import { Loaded } from '../ui/Loaded';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';
import { chooseReminder, fetchReminderSettings } from './remindersApi';

const HINTS: Record<ReminderList, MessageId> = {
  circle_day: 'reminders.hint.circle_day',
  assignments: 'reminders.hint.assignments',
  day_before: 'reminders.hint.day_before',
  changes: 'reminders.hint.changes',
};

/** How each list ends "Saved: we will e-mail you …" and "Saved: no more e-mails …". */
const PHRASES: Record<ReminderList, MessageId> = {
  circle_day: 'reminders.phrase.circle_day',
  assignments: 'reminders.phrase.assignments',
  day_before: 'reminders.phrase.day_before',
  changes: 'reminders.phrase.changes',
};

/**
 * The "Reminders" settings of the signed-in person: every list is off until they turn it on, each box saves at
 * once, and the line below says what changed. Only one's own choices: the server takes no one else's.
 */
export function RemindersSettings() {
  const t = useT();
  const { state } = useLoad(fetchReminderSettings);
  return (
    <section className="card reminders-card" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">{t('reminders.settings.heading')}</h2>
      <Loaded state={state}>{(data) => <Choices initial={data} />}</Loaded>
    </section>
  );
}

function Choices({ initial }: { initial: ReminderSettings }) {
  const t = useT();
  const [settings, setSettings] = useState(initial);
  const [said, setSaid] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const choose = useCallback(
    (list: ReminderList, subscribed: boolean) => {
      // The box shows the choice at once; the server's answer replaces it, and a failure puts it back.
      const mark = (on: boolean) => setSettings((s) => ({ ...s, lists: s.lists.map((l) => (l.list === list ? { ...l, subscribed: on } : l)) }));
      mark(subscribed);
      void run(async () => {
        setSaid(null);
        setSettings(await chooseReminder(list, subscribed));
        setSaid(t(subscribed ? 'reminders.settings.savedOn' : 'reminders.settings.savedOff', { phrase: t(PHRASES[list]) }));
      }).then((saved) => saved || mark(!subscribed));
    },
    [run, t],
  );
  // The hour in the page's language ("8:00 a.m.", "8 h"), as a wall-clock time of the circle's own zone.
  const time = wallTime(t.locale, `2000-01-01T${String(settings.hour).padStart(2, '0')}:00`);
  return (
    <>
      <p>{t('reminders.settings.intro')}</p>
      {!settings.mailAvailable && (
        <div className="notice" role="note">
          <p>{t('reminders.settings.noMail')}</p>
        </div>
      )}
      <fieldset className="reminder-choices" disabled={busy}>
        <legend>{t('reminders.settings.legend')}</legend>
        {settings.lists.map(({ list, subscribed }) => (
          <div key={list} className="reminder-choice">
            <input
              type="checkbox"
              id={`reminder-${list}`}
              checked={subscribed}
              aria-describedby={`reminder-${list}-hint`}
              onChange={(e) => choose(list, e.target.checked)}
            />
            <label htmlFor={`reminder-${list}`}>{t(REMINDER_LIST_LABELS[list])}</label>
            <p className="hint" id={`reminder-${list}-hint`}>
              {t(HINTS[list], { time })}
            </p>
          </div>
        ))}
      </fieldset>
      <p role="status" className="reminder-said">
        {said}
      </p>
      <ErrorLine message={error} />
    </>
  );
}
