import type { VolunteerChoice } from '../../../shared/schemas/scheduling';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Audience, ScheduledSession, SeriesView } from '../../../shared/schemas/scheduling';
import { ErrorLine } from '../ui/ErrorLine';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { addLibraryTopic, createPopup, createSeries, pasteTopics, removeLibraryTopic, updateSeries } from './schedulingApi';
import { viewPath } from './staffSchedulePaths';
import { SessionTime } from './SessionTime';
import { VolunteerSelect } from './VolunteerSelect';

/** The action's message; when several fields were refused, each by name (these forms show no message per field). */
function withFieldMessages(error: string | null, fields: Record<string, string>): string | null {
  const extra = Object.entries(fields).map(([k, v]) => `${k}: ${v}`);
  return error && extra.length > 1 ? `${error} (${extra.join('; ')})` : error;
}

/** Paste a list of topics, one per line, for the next sessions that meet. */
export function PasteTopicsForm({ seriesId, onDone }: { seriesId: string; onDone: () => void }) {
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
      setDone(`Set ${res.sessions.length} topics.`);
    });
    if (ok) {
      setText('');
      onDone();
    }
  }
  return (
    <form className="staff-section" onSubmit={submit} aria-labelledby="paste-heading">
      <h2 id="paste-heading">Topics for the next weeks</h2>
      <label>
        One topic per line, in order
        <textarea rows={5} value={text} onChange={(e) => setText(e.target.value)} aria-label="Topics, one per line" style={{ width: '100%' }} />
      </label>
      <p className="inline-form">
        <label>Starting from (optional)<input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <button type="submit" className="button primary" disabled={busy}>Fill topics</button>
      </p>
      {done && <p role="status">{done}</p>}
      <ErrorLine message={withFieldMessages(error, fields)} />
    </form>
  );
}

export function LibraryEditor({ topics, onChanged }: { topics: Array<{ id: string; topic: string }>; onChanged: () => void }) {
  const [text, setText] = useState('');
  const { busy, error, fields, run } = useAction();
  return (
    <section className="staff-section" aria-labelledby="library-heading">
      <h2 id="library-heading">Topic library</h2>
      <p className="hint">Reusable topics; the topic fields suggest them.</p>
      <ul>
        {topics.map((t) => (
          <li key={t.id}>
            {t.topic}{' '}
            <button type="button" className="button secondary" disabled={busy} onClick={() => run(async () => { await removeLibraryTopic(t.id); onChanged(); })}>
              Remove
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
        <label>New topic<input type="text" value={text} onChange={(e) => setText(e.target.value)} /></label>
        <button type="submit" className="button secondary" disabled={busy}>Add to library</button>
      </form>
      <ErrorLine message={withFieldMessages(error, fields)} />
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
  const text = (k: keyof Details) => (value: string) => set(k)({ target: { value } });
  const inPerson = v.format === 'in_person';
  return (
    <>
      {title && <label>Title<input type="text" value={v.title} onChange={set('title')} required /></label>}
      <label>Description<input type="text" value={v.description} onChange={set('description')} /></label>
      <label>
        Format
        <select value={v.format} onChange={set('format')}>
          <option value="online">Online</option>
          <option value="in_person">In person</option>
        </select>
      </label>
      {inPerson ? (
        <fieldset className="venue-fields">
          <legend>Where it meets</legend>
          <TextField id={`${idPrefix}-location`} label="Place (city or building)" value={v.location} onChange={text('location')} placeholder="Edmonton" error={errors.location} />
          <TextField id={`${idPrefix}-address`} label="Street address" value={v.address} onChange={text('address')} autoComplete="off" error={errors.address} />
          <TextField id={`${idPrefix}-room`} label="Room (optional)" value={v.room} onChange={text('room')} error={errors.room} />
          <TextField
            id={`${idPrefix}-directions`}
            label="Directions link (optional)"
            hint="A map or the building's page, starting with https://"
            type="url"
            value={v.directionsUrl}
            onChange={text('directionsUrl')}
            error={errors.directionsUrl}
          />
          <TextField
            id={`${idPrefix}-accessibility`}
            label="Accessibility notes (optional)"
            hint="Step-free entrance, elevator, washrooms, quiet room…"
            multiline
            value={v.accessibility}
            onChange={text('accessibility')}
            error={errors.accessibility}
          />
          <TextField
            id={`${idPrefix}-expect`}
            label="What to expect (optional)"
            hint="Where to go on arrival, coffee, who greets people…"
            multiline
            value={v.whatToExpect}
            onChange={text('whatToExpect')}
            error={errors.whatToExpect}
          />
        </fieldset>
      ) : (
        <label>Location<input type="text" value={v.location} onChange={set('location')} placeholder="Edmonton" /></label>
      )}
      <label>
        Audience
        <select value={v.audience} onChange={set('audience')}>
          <option value="everyone">Everyone</option>
          <option value="articling_students">Articling students</option>
          <option value="early_career">Articling students and lawyers up to N years of call</option>
          <option value="volunteers">Volunteers only (volunteer meeting)</option>
        </select>
      </label>
      {v.audience === 'early_career' && <label>Up to years of call<input type="number" min={0} max={60} value={v.audienceMaxYears} onChange={set('audienceMaxYears')} /></label>}
      <label>Capacity hint<input type="number" min={1} value={v.capacityHint} onChange={set('capacityHint')} /></label>
      <label>Doors open (minutes before)<input type="number" min={0} max={120} value={v.opens} onChange={set('opens')} placeholder="10" /></label>
      <label>Stays open (minutes after end)<input type="number" min={0} max={120} value={v.closes} onChange={set('closes')} placeholder="0" /></label>
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
const NEW_CIRCLE = { ...EMPTY_DETAILS, startLocal: '12:00', endLocal: '13:00', timezone: 'America/Edmonton' };

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
  const { v, set, reset } = useForm(NEW_CIRCLE);
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
        <label className="grow">Title<input type="text" value={v.title} onChange={set('title')} required /></label>
      </div>
      <fieldset>
        <legend>When</legend>
        <div className="inline-form">
          {when}
          <label>Start<input type="time" value={v.startLocal} onChange={set('startLocal')} /></label>
          <label>End<input type="time" value={v.endLocal} onChange={set('endLocal')} /></label>
          <label>Time zone<input type="text" value={v.timezone} onChange={set('timezone')} /></label>
        </div>
      </fieldset>
      {children}
      <fieldset>
        <legend>Details</legend>
        <div className="inline-form">
          <DetailsFields v={v} set={set} title={false} errors={fields} idPrefix={id} />
        </div>
      </fieldset>
      <div className="submit-row">
        <button type="submit" className="button primary" disabled={busy}>{submitLabel}</button>
        {/* Always there, so what lands in it is read out. */}
        <p role="status" className="form-status">{done}</p>
      </div>
      <ErrorLine message={withFieldMessages(error, fields)} />
    </form>
  );
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function NewSeriesForm({ onCreated }: { onCreated: (s: SeriesView) => void }) {
  const [weekday, setWeekday] = useState('1');
  const [startsOn, setStartsOn] = useState('');
  const [skipHolidays, setSkipHolidays] = useState(true);
  return (
    <NewCircleForm
      id="new-series-heading"
      title="New weekly series"
      submitLabel="Create series"
      create={async (details) => {
        const s = await createSeries({ ...details, weekday: Number(weekday), startsOn, skipHolidays });
        onCreated(s);
        return (
          <>
            Weekly series “{s.title}” created: {WEEKDAYS[s.weekday - 1]}s, {s.startLocal}–{s.endLocal} ({s.timezone}), from {s.startsOn}.{' '}
            <Link to={viewPath('sessions', s.id)}>View it in sessions</Link>
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
            Weekday
            <select value={weekday} onChange={(e) => setWeekday(e.target.value)}>
              {WEEKDAYS.map((d, i) => (
                <option key={d} value={i + 1}>{d}</option>
              ))}
            </select>
          </label>
          <label>First date<input type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} required /></label>
          <label className="check"><input type="checkbox" checked={skipHolidays} onChange={(e) => setSkipHolidays(e.target.checked)} /> Skip Alberta holidays</label>
        </>
      }
    />
  );
}

export function PopupForm({ volunteers, onCreated }: { volunteers: VolunteerChoice[]; onCreated: (s: ScheduledSession) => void }) {
  const [date, setDate] = useState('');
  const [topic, setTopic] = useState('');
  const [hostId, setHostId] = useState('');
  const [backupId, setBackupId] = useState('');
  return (
    <NewCircleForm
      id="popup-heading"
      title="New pop-up circle"
      submitLabel="Create pop-up"
      create={async (details) => {
        const s = await createPopup({ ...details, date, topic: topic.trim() || null, hostId: hostId || null, backupId: backupId || null });
        onCreated(s);
        return (
          <>
            Pop-up “{s.title}” created: <SessionTime session={s} />. {s.roster?.hostName ? `Host: ${s.roster.hostName}.` : 'No host yet.'}{' '}
            <Link to={viewPath('sessions', s.seriesId)}>View it in sessions</Link>
          </>
        );
      }}
      onReset={() => {
        setDate('');
        setTopic('');
        setHostId('');
        setBackupId('');
      }}
      when={<label>Date<input type="date" value={date} onChange={(e) => setDate(e.target.value)} required /></label>}
    >
      <fieldset>
        <legend>Topic and hosts</legend>
        <div className="inline-form">
          <label className="grow">Topic<input type="text" list="topic-library" value={topic} onChange={(e) => setTopic(e.target.value)} /></label>
          {/* Labels beside, not around, the selects: a label around one would add the chosen name to its own. */}
          <div className="labelled">
            <label htmlFor="popup-host">Host</label>
            <VolunteerSelect id="popup-host" none="No host" value={hostId} volunteers={volunteers} onChange={setHostId} />
          </div>
          <div className="labelled">
            <label htmlFor="popup-backup">Backup</label>
            <VolunteerSelect id="popup-backup" none="No backup" value={backupId} volunteers={volunteers} onChange={setBackupId} />
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
  const { busy, error, fields, run } = useAction({ fieldsBy: 'last' });
  return (
    <details>
      <summary>Edit details</summary>
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
        <label>Default topic<input type="text" list="topic-library" value={v.defaultTopic} onChange={set('defaultTopic')} /></label>
        <button type="submit" className="button secondary" disabled={busy}>Save details</button>
      </form>
      <ErrorLine message={withFieldMessages(error, fields)} />
    </details>
  );
}
