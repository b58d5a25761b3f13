import type { VolunteerChoice } from '../../../shared/schemas/scheduling';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Audience, ScheduledSession, SeriesView } from '../../../shared/schemas/scheduling';
import { useT, type T } from '../i18n/useT';
import { useStore } from '../store';
import { ErrorLine } from '../ui/ErrorLine';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { addLibraryTopic, createPopup, createSeries, pasteTopics, removeLibraryTopic, updateSeries } from './schedulingApi';
import { viewPath } from './staffSchedulePaths';
import { weekdayName } from './circleTime';
import { SessionTime } from './SessionTime';
import { VolunteerSelect } from './VolunteerSelect';

/** The action's message; when several fields were refused, each by name (these forms show no message per field). */
function withFieldMessages(t: T, error: string | null, fields: Record<string, string>): string | null {
  const extra = Object.entries(fields).map(([field, message]) => t('scheduling.forms.fieldMessage', { field, message }));
  return error && extra.length > 1 ? t('scheduling.forms.withFields', { error, fields: extra.join('; ') }) : error;
}

/** Paste a list of topics, one per line, for the next sessions that meet. */
export function PasteTopicsForm({ seriesId, onDone }: { seriesId: string; onDone: () => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [from, setFrom] = useState('');
  const { busy, error, fields, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const topics = text.split('\n').map((t) => t.trim()).filter(Boolean);
    const ok = await run(async () => {
      const res = await pasteTopics(seriesId, topics, from || undefined);
      setDone(t('scheduling.paste.done', { count: res.sessions.length }));
    });
    if (ok) {
      setText('');
      onDone();
    }
  }
  return (
    <form className="staff-section" onSubmit={submit} aria-labelledby="paste-heading">
      <h2 id="paste-heading">{t('scheduling.paste.heading')}</h2>
      <label>
        {t('scheduling.paste.label')}
        <textarea rows={5} value={text} onChange={(e) => setText(e.target.value)} aria-label={t('scheduling.paste.textLabel')} style={{ width: '100%' }} />
      </label>
      <p className="inline-form">
        <label>{t('scheduling.paste.from')}<input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <button type="submit" className="button primary" disabled={busy}>{t('scheduling.paste.submit')}</button>
      </p>
      {done && <p role="status">{done}</p>}
      <ErrorLine message={withFieldMessages(t, error, fields)} />
    </form>
  );
}

export function LibraryEditor({ topics, onChanged }: { topics: Array<{ id: string; topic: string }>; onChanged: () => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const { busy, error, fields, run } = useAction();
  return (
    <section className="staff-section" aria-labelledby="library-heading">
      <h2 id="library-heading">{t('scheduling.library.heading')}</h2>
      <p className="hint">{t('scheduling.library.hint')}</p>
      <ul>
        {topics.map((entry) => (
          <li key={entry.id}>
            {entry.topic} <button type="button" className="button secondary" disabled={busy} onClick={() => run(async () => { await removeLibraryTopic(entry.id); onChanged(); })}>
              {t('scheduling.library.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await run(() => addLibraryTopic(text))) {
            setText('');
            onChanged();
          }
        }}
      >
        <label>{t('scheduling.library.newTopic')}<input type="text" value={text} onChange={(e) => setText(e.target.value)} /></label>
        <button type="submit" className="button secondary" disabled={busy}>{t('scheduling.library.add')}</button>
      </form>
      <ErrorLine message={withFieldMessages(t, error, fields)} />
    </section>
  );
}

type Details = {
  title: string;
  description: string;
  format: 'online' | 'in_person';
  location: string;
  /** The venue of an in-person circle; sent only for one. */
  address: string;
  room: string;
  directionsUrl: string;
  accessibility: string;
  whatToExpect: string;
  audience: Audience;
  audienceMaxYears: string;
  capacityHint: string;
  opens: string;
  closes: string;
};
type OnText = (e: { target: { value: string } }) => void;
const orNull = (n: string) => (n ? Number(n) : null);

/** The details a series or pop-up has, as the API takes them. */
function detailsBody(v: Details) {
  return {
    title: v.title,
    description: v.description,
    format: v.format,
    location: v.location.trim() || null,
    // Blank optional venue fields go as they are: the server keeps them as none.
    venue:
      v.format === 'in_person'
        ? { address: v.address, room: v.room, directionsUrl: v.directionsUrl, accessibility: v.accessibility, whatToExpect: v.whatToExpect }
        : null,
    audience: v.audience,
    audienceMaxYears: orNull(v.audienceMaxYears),
    capacityHint: orNull(v.capacityHint),
    dropInOpensMinutesBefore: orNull(v.opens),
    dropInClosesMinutesAfterEnd: orNull(v.closes),
  };
}

/**
 * Inputs for the details; blank drop-in minutes keep the platform default. `title: false` leaves the title out.
 * An in-person circle gets its venue's fields, each with the server's message for it under it (`errors`, keyed by
 * the last segment of the field's path); `idPrefix` keeps their ids apart where two forms share a page.
 */
function DetailsFields({
  v,
  set,
  title = true,
  errors,
  idPrefix,
}: {
  v: Details;
  set: (k: keyof Details) => OnText;
  title?: boolean;
  errors: Record<string, string>;
  idPrefix: string;
}) {
  const t = useT();
  const text = (k: keyof Details) => (value: string) => set(k)({ target: { value } });
  const inPerson = v.format === 'in_person';
  return (
    <>
      {title && <label>{t('scheduling.details.title')}<input type="text" value={v.title} onChange={set('title')} required /></label>}
      <label>{t('scheduling.details.description')}<input type="text" value={v.description} onChange={set('description')} /></label>
      <label>
        {t('scheduling.details.format')}
        <select value={v.format} onChange={set('format')}>
          <option value="online">{t('scheduling.format.online')}</option>
          <option value="in_person">{t('scheduling.format.inPerson')}</option>
        </select>
      </label>
      {inPerson ? (
        <fieldset className="venue-fields">
          <legend>{t('scheduling.details.where')}</legend>
          <TextField id={`${idPrefix}-location`} label={t('scheduling.details.place')} value={v.location} onChange={text('location')} error={errors.location} />
          <TextField id={`${idPrefix}-address`} label={t('scheduling.details.address')} value={v.address} onChange={text('address')} autoComplete="off" error={errors.address} />
          <TextField id={`${idPrefix}-room`} label={t('scheduling.details.room')} value={v.room} onChange={text('room')} error={errors.room} />
          <TextField
            id={`${idPrefix}-directions`}
            label={t('scheduling.details.directions')}
            hint={t('scheduling.details.directionsHint')}
            type="url"
            value={v.directionsUrl}
            onChange={text('directionsUrl')}
            error={errors.directionsUrl}
          />
          <TextField
            id={`${idPrefix}-accessibility`}
            label={t('scheduling.details.accessibility')}
            hint={t('scheduling.details.accessibilityHint')}
            multiline
            value={v.accessibility}
            onChange={text('accessibility')}
            error={errors.accessibility}
          />
          <TextField
            id={`${idPrefix}-expect`}
            label={t('scheduling.details.expect')}
            hint={t('scheduling.details.expectHint')}
            multiline
            value={v.whatToExpect}
            onChange={text('whatToExpect')}
            error={errors.whatToExpect}
          />
        </fieldset>
      ) : (
        <label>{t('scheduling.details.location')}<input type="text" value={v.location} onChange={set('location')} /></label>
      )}
      <label>
        {t('scheduling.details.audience')}
        <select value={v.audience} onChange={set('audience')}>
          <option value="everyone">{t('scheduling.details.audienceEveryone')}</option>
          <option value="articling_students">{t('scheduling.details.audienceStudents')}</option>
          <option value="early_career">{t('scheduling.details.audienceEarlyCareer')}</option>
          <option value="volunteers">{t('scheduling.details.audienceVolunteers')}</option>
        </select>
      </label>
      {v.audience === 'early_career' && (
        <label>{t('scheduling.details.maxYears')}<input type="number" min={0} max={60} value={v.audienceMaxYears} onChange={set('audienceMaxYears')} /></label>
      )}
      <label>{t('scheduling.details.capacity')}<input type="number" min={1} value={v.capacityHint} onChange={set('capacityHint')} /></label>
      <label>
        {t('scheduling.details.opens')}
        <input type="number" min={0} max={120} value={v.opens} onChange={set('opens')} placeholder={t('scheduling.details.opensPlaceholder')} />
      </label>
      <label>
        {t('scheduling.details.closes')}
        <input type="number" min={0} max={120} value={v.closes} onChange={set('closes')} placeholder={t('scheduling.details.closesPlaceholder')} />
      </label>
    </>
  );
}

function useForm<T extends object>(initial: T) {
  const [v, setV] = useState(initial);
  const set = (k: keyof T) => (e: { target: { value: string } }) => setV((p) => ({ ...p, [k]: e.target.value }));
  return { v, set, reset: () => setV(initial) };
}

const EMPTY_DETAILS: Details = {
  title: '',
  description: '',
  format: 'online',
  location: '',
  address: '',
  room: '',
  directionsUrl: '',
  accessibility: '',
  whatToExpect: '',
  audience: 'everyone',
  audienceMaxYears: '',
  capacityHint: '',
  opens: '',
  closes: '',
};
/** A new circle's defaults: noon to one, in the program's own zone (staff may type another). */
const newCircle = (zone: string) => ({ ...EMPTY_DETAILS, startLocal: '12:00', endLocal: '13:00', timezone: zone });

/**
 * A form that makes a circle, a weekly series or a pop-up: its title, when it meets (`when`: the fields of its
 * kind, then the time of day and zone), `children` (who hosts, what about), the other details, then its button.
 * `create` gets the details as the API takes them and answers with the confirmation to show; after it, beside the
 * button where the person is looking, the confirmation is read out and every field is back to its default
 * (`onReset` puts back those of the kind). A refusal keeps what was typed and says why, in the same place.
 */
function NewCircleForm({
  id,
  title,
  submitLabel,
  create,
  onReset,
  when,
  children,
}: {
  id: string;
  title: string;
  submitLabel: string;
  create: (details: ReturnType<typeof detailsBody> & { startLocal: string; endLocal: string; timezone: string }) => Promise<ReactNode>;
  onReset: () => void;
  when: ReactNode;
  children?: ReactNode;
}) {
  const t = useT();
  const zone = useStore((s) => s.program?.zone ?? 'UTC');
  const { v, set, reset } = useForm(newCircle(zone));
  // By the last segment: "venue.address" shows under the address field.
  const { busy, error, fields, run } = useAction({ fieldsBy: 'last' });
  const [done, setDone] = useState<ReactNode>(null);
  return (
    <form
      className="staff-section new-circle"
      aria-labelledby={id}
      onSubmit={async (e) => {
        e.preventDefault();
        setDone(null);
        let confirmation: ReactNode = null;
        const ok = await run(async () => {
          confirmation = await create({ ...detailsBody(v), startLocal: v.startLocal, endLocal: v.endLocal, timezone: v.timezone });
        });
        if (ok) {
          reset();
          onReset();
          setDone(confirmation);
        }
      }}
    >
      <h2 id={id}>{title}</h2>
      <div className="inline-form">
        <label className="grow">{t('scheduling.details.title')}<input type="text" value={v.title} onChange={set('title')} required /></label>
      </div>
      <fieldset>
        <legend>{t('scheduling.new.when')}</legend>
        <div className="inline-form">
          {when}
          <label>{t('scheduling.new.start')}<input type="time" value={v.startLocal} onChange={set('startLocal')} /></label>
          <label>{t('scheduling.new.end')}<input type="time" value={v.endLocal} onChange={set('endLocal')} /></label>
          <label>{t('scheduling.new.zone')}<input type="text" value={v.timezone} onChange={set('timezone')} /></label>
        </div>
      </fieldset>
      {children}
      <fieldset>
        <legend>{t('scheduling.new.details')}</legend>
        <div className="inline-form">
          <DetailsFields v={v} set={set} title={false} errors={fields} idPrefix={id} />
        </div>
      </fieldset>
      <div className="submit-row">
        <button type="submit" className="button primary" disabled={busy}>{submitLabel}</button>
        {/* Always there, so what lands in it is read out. */}
        <p role="status" className="form-status">{done}</p>
      </div>
      <ErrorLine message={withFieldMessages(t, error, fields)} />
    </form>
  );
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export function NewSeriesForm({ onCreated }: { onCreated: (s: SeriesView) => void }) {
  const t = useT();
  const [weekday, setWeekday] = useState('1');
  const [startsOn, setStartsOn] = useState('');
  const [skipHolidays, setSkipHolidays] = useState(true);
  return (
    <NewCircleForm
      id="new-series-heading"
      title={t('scheduling.new.seriesHeading')}
      submitLabel={t('scheduling.new.seriesSubmit')}
      create={async (details) => {
        const s = await createSeries({ ...details, weekday: Number(weekday), startsOn, skipHolidays });
        onCreated(s);
        return (
          <>
            {t('scheduling.new.seriesCreated', {
              title: s.title,
              days: t('scheduling.settings.days', { day: String(s.weekday) }),
              start: s.startLocal,
              end: s.endLocal,
              zone: s.timezone,
              date: s.startsOn,
            })}{' '}
            <Link to={viewPath('sessions', s.id)}>{t('scheduling.new.viewInSessions')}</Link>
          </>
        );
      }}
      onReset={() => {
        setWeekday('1');
        setStartsOn('');
        setSkipHolidays(true);
      }}
      when={
        <>
          <label>
            {t('scheduling.new.weekday')}
            <select value={weekday} onChange={(e) => setWeekday(e.target.value)}>
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>{weekdayName(t.locale, d)}</option>
              ))}
            </select>
          </label>
          <label>{t('scheduling.new.firstDate')}<input type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} required /></label>
          <label className="check">
            <input type="checkbox" checked={skipHolidays} onChange={(e) => setSkipHolidays(e.target.checked)} /> {t('scheduling.new.skipHolidays')}
          </label>
        </>
      }
    />
  );
}

export function PopupForm({ volunteers, onCreated }: { volunteers: VolunteerChoice[]; onCreated: (s: ScheduledSession) => void }) {
  const t = useT();
  const [date, setDate] = useState('');
  const [topic, setTopic] = useState('');
  const [hostId, setHostId] = useState('');
  const [backupId, setBackupId] = useState('');
  return (
    <NewCircleForm
      id="popup-heading"
      title={t('scheduling.new.popupHeading')}
      submitLabel={t('scheduling.new.popupSubmit')}
      create={async (details) => {
        const s = await createPopup({ ...details, date, topic: topic.trim() || null, hostId: hostId || null, backupId: backupId || null });
        onCreated(s);
        return (
          <>
            {t.rich('scheduling.new.popupCreated', { title: s.title, when: <SessionTime session={s} /> })}{' '}
            {s.roster?.hostName ? t('scheduling.new.popupHost', { name: s.roster.hostName }) : t('scheduling.new.popupNoHost')}{' '}
            <Link to={viewPath('sessions', s.seriesId)}>{t('scheduling.new.viewInSessions')}</Link>
          </>
        );
      }}
      onReset={() => {
        setDate('');
        setTopic('');
        setHostId('');
        setBackupId('');
      }}
      when={<label>{t('scheduling.new.date')}<input type="date" value={date} onChange={(e) => setDate(e.target.value)} required /></label>}
    >
      <fieldset>
        <legend>{t('scheduling.new.topicAndHosts')}</legend>
        <div className="inline-form">
          <label className="grow">{t('scheduling.new.topic')}<input type="text" list="topic-library" value={topic} onChange={(e) => setTopic(e.target.value)} /></label>
          {/* Labels beside, not around, the selects: a label around one would add the chosen name to its own. */}
          <div className="labelled">
            <label htmlFor="popup-host">{t('scheduling.new.host')}</label>
            <VolunteerSelect id="popup-host" none={t('scheduling.hosts.noHost')} value={hostId} volunteers={volunteers} onChange={setHostId} />
          </div>
          <div className="labelled">
            <label htmlFor="popup-backup">{t('scheduling.new.backup')}</label>
            <VolunteerSelect id="popup-backup" none={t('scheduling.hosts.noBackup')} value={backupId} volunteers={volunteers} onChange={setBackupId} />
          </div>
        </div>
      </fieldset>
    </NewCircleForm>
  );
}

/** Edits a series' details; its weekly rule stays (make a new series for a new day or time). */
export function EditSeriesForm({ series, onSaved }: { series: SeriesView; onSaved: () => void }) {
  const str = (n: number | null) => n?.toString() ?? '';
  const { v, set } = useForm({
    title: series.title,
    description: series.description,
    format: series.format,
    location: series.location ?? '',
    address: series.venue?.address ?? '',
    room: series.venue?.room ?? '',
    directionsUrl: series.venue?.directionsUrl ?? '',
    accessibility: series.venue?.accessibility ?? '',
    whatToExpect: series.venue?.whatToExpect ?? '',
    audience: series.audience,
    audienceMaxYears: str(series.audienceMaxYears),
    capacityHint: str(series.capacityHint),
    opens: str(series.dropInOpensMinutesBefore),
    closes: str(series.dropInClosesMinutesAfterEnd),
    defaultTopic: series.defaultTopic ?? '',
  });
  const t = useT();
  const { busy, error, fields, run } = useAction({ fieldsBy: 'last' });
  return (
    <details>
      <summary>{t('scheduling.details.edit')}</summary>
      <form
        className="inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          await run(async () => {
            await updateSeries(series.id, { ...detailsBody(v), defaultTopic: v.defaultTopic.trim() || null });
            onSaved();
          });
        }}
      >
        <DetailsFields v={v} set={set} errors={fields} idPrefix={`edit-${series.id}`} />
        <label>{t('scheduling.details.defaultTopic')}<input type="text" list="topic-library" value={v.defaultTopic} onChange={set('defaultTopic')} /></label>
        <button type="submit" className="button secondary" disabled={busy}>{t('scheduling.details.save')}</button>
      </form>
      <ErrorLine message={withFieldMessages(t, error, fields)} />
    </details>
  );
}
