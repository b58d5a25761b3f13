import { REMINDER_LIST_LABELS } from '../../../shared/schemas/reminders';
import { formatCount } from '../../../shared/reportCsv';
import { CountTable } from '../ui/CountTable';
import { Loaded } from '../ui/Loaded';
import { useLoad } from '../ui/useLoad';
import { fetchReminderCounts } from './remindersApi';

/** Staff: how many people are on each reminder list, small counts withheld as everywhere in the reports; never who. */
export function ReminderCountsCard() {
  const { state } = useLoad(fetchReminderCounts);
  return (
    <section className="card" aria-labelledby="reminder-counts-heading">
      <h2 id="reminder-counts-heading">Reminder e-mails</h2>
      <Loaded state={state}>
        {(data) => (
          <CountTable
            caption="People who asked for each reminder (how many, never who)"
            groupHeader="Reminder"
            countHeader="People"
            rows={data.lists.map((l) => ({ key: l.list, label: REMINDER_LIST_LABELS[l.list], value: formatCount(l.count, data.threshold) }))}
          />
        )}
      </Loaded>
    </section>
  );
}
