import { REMINDER_LIST_LABELS } from '../../../shared/schemas/reminders';
import { useT } from '../i18n/useT';
import { countText } from '../reports/figures';
import { CountTable } from '../ui/CountTable';
import { Loaded } from '../ui/Loaded';
import { useLoad } from '../ui/useLoad';
import { fetchReminderCounts } from './remindersApi';

/** Staff: how many people are on each reminder list, small counts withheld as everywhere in the reports; never who. */
export function ReminderCountsCard() {
  const t = useT();
  const { state } = useLoad(fetchReminderCounts);
  return (
    <section className="card" aria-labelledby="reminder-counts-heading">
      <h2 id="reminder-counts-heading">{t('reminders.counts.heading')}</h2>
      <Loaded state={state}>
        {(data) => (
          <CountTable
            caption={t('reminders.counts.caption')}
            groupHeader={t('reminders.counts.group')}
            countHeader={t('reminders.counts.count')}
            rows={data.lists.map((l) => ({ key: l.list, label: t(REMINDER_LIST_LABELS[l.list]), value: countText(t, l.count, data.threshold) }))}
          />
        )}
      </Loaded>
    </section>
  );
}
