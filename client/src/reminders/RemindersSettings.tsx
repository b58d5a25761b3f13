import { useCallback, useState } from 'react';
import { REMINDER_LIST_LABELS, type ReminderList, type ReminderSettings } from '../../../shared/schemas/reminders';
import { ErrorLine } from '../ui/ErrorLine';
import { Loaded } from '../ui/Loaded';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';
import { chooseReminder, fetchReminderSettings } from './remindersApi';

const clockHour = (h: number) => `${String(h).padStart(2, '0')}:00`;
const hints = (hour: number): Record<ReminderList, string> => ({
  circle_day: `At ${clockHour(hour)} (the circle’s time zone) on a day with a circle you can join.`,
  assignments: 'Each time you are added to or taken off a circle’s roster.',
  day_before: `At ${clockHour(hour)} the day before a circle you host or back up.`,
  changes: 'If a circle you are rostered on moves, is cancelled or is back on.',
});

/**
 * The "Reminders" settings of the signed-in person: every list is off until they turn it on, each box saves at
 * once, and the line below says what changed. Only one's own choices: the server takes no one else's.
 */
export function RemindersSettings() {
  const { state } = useLoad(fetchReminderSettings);
  return (
    <section className="card reminders-card" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">Reminders</h2>
      <Loaded state={state}>{(data) => <Choices initial={data} />}</Loaded>
    </section>
  );
}

function Choices({ initial }: { initial: ReminderSettings }) {
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
        setSaid(subscribed ? `Saved: we will e-mail you ${phrase(list)}.` : `Saved: no more e-mails ${phrase(list)}.`);
      }).then((saved) => saved || mark(!subscribed));
    },
    [run],
  );
  return (
    <>
      <p>
        E-mails are off unless you turn them on. They say when and what a circle is about, never who else comes or
        who else hosts. Every e-mail has a link to stop it.
      </p>
      {!settings.mailAvailable && (
        <div className="notice" role="note">
          <p>This Red Mug does not send e-mail yet, so nothing will arrive for now. Staff can set it up.</p>
        </div>
      )}
      <fieldset className="reminder-choices" disabled={busy}>
        <legend>E-mail me</legend>
        {settings.lists.map(({ list, subscribed }) => (
          <div key={list} className="reminder-choice">
            <input
              type="checkbox"
              id={`reminder-${list}`}
              checked={subscribed}
              aria-describedby={`reminder-${list}-hint`}
              onChange={(e) => choose(list, e.target.checked)}
            />
            <label htmlFor={`reminder-${list}`}>{REMINDER_LIST_LABELS[list]}</label>
            <p className="hint" id={`reminder-${list}-hint`}>
              {hints(settings.hour)[list]}
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

function phrase(list: ReminderList): string {
  return {
    circle_day: 'on the morning of circle days',
    assignments: 'when your roster changes',
    day_before: 'the day before you host or back up',
    changes: 'when a circle you are rostered on moves or is cancelled',
  }[list];
}
