import { useState, type FormEvent } from 'react';
import type { Headcount, HeadcountSession } from '../../../shared/schemas/headcount';
import { AppHeader } from '../ui/AppHeader';
import { ErrorLine } from '../ui/ErrorLine';
import { useStore } from '../store';
import { circleTime, wallDate } from '../ui/formatCircleTime';
import { Loaded } from '../ui/Loaded';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useLoad } from '../ui/useLoad';
import { fetchHeadcountSessions, recordHeadcount } from './headcountsApi';

/**
 * /headcounts — the in-person circles a volunteer hosts or backs up (staff: every one) that have started and are
 * still open for a headcount: how many came, by kind if they wish. Never names.
 */
export function HeadcountsPage() {
  useDocumentTitle('Headcounts');
  const { state } = useLoad(fetchHeadcountSessions, { keepOnError: true });
  return (
    <>
      <AppHeader />
      <main className="page headcounts-page">
        <h1>In-person headcounts</h1>
        <p>
          After an in-person circle, count how many people came — not staff — and, if you like, how many were lawyers,
          articling students and volunteers. Never write down names. You can correct a count for two weeks after the
          circle; reports only ever show these numbers with small groups left out.
        </p>
        <Loaded state={state} loading="Loading your in-person circles…">
          {({ sessions }) =>
            sessions.length === 0 ? (
              <p>No in-person circle of yours needs a headcount right now.</p>
            ) : (
              <ul className="session-list" aria-label="In-person circles to count">
                {sessions.map((s) => (
                  <li key={s.sessionId} className="session-item" data-testid="headcount-session">
                    <HeadcountForm session={s} />
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </main>
    </>
  );
}

const blank = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
/** A blank optional field is "not said"; anything else goes as a number for the server to check. */
const part = (v: string) => (v.trim() === '' ? null : Number(v));

function HeadcountForm({ session: s }: { session: HeadcountSession }) {
  const locale = useStore((st) => st.locale);
  const [saved, setSaved] = useState<Headcount | null>(s.headcount);
  const [v, setV] = useState({
    total: blank(s.headcount?.total),
    lawyers: blank(s.headcount?.lawyers),
    articlingStudents: blank(s.headcount?.articlingStudents),
    volunteers: blank(s.headcount?.volunteers),
  });
  const [done, setDone] = useState('');
  const { busy, error, fields, run } = useAction();
  const set = (k: keyof typeof v) => (value: string) => setV((p) => ({ ...p, [k]: value }));
  const id = `hc-${s.sessionId}`;
  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone('');
    await run(async () => {
      const h = await recordHeadcount(s.sessionId, {
        // An empty total goes as null: the server says what to enter.
        total: part(v.total) as number,
        lawyers: part(v.lawyers),
        articlingStudents: part(v.articlingStudents),
        volunteers: part(v.volunteers),
      });
      setSaved(h);
      setDone(`Saved: ${h.total} ${h.total === 1 ? 'person' : 'people'}.`);
    });
  }
  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`} className="session-title">
        {s.title}
      </h2>
      <p>
        {wallDate(locale, s.wallClockStartsAt)}, {circleTime(locale, s.wallClockStartsAt)}
        {s.location ? ` · ${s.location}` : ''}
        {s.venue?.room ? ` · ${s.venue.room}` : ''}
      </p>
      {s.topic && <p className="topic">Topic: {s.topic}</p>}
      <p className="hint" data-testid="headcount-state">
        {saved ? `Recorded: ${saved.total} ${saved.total === 1 ? 'person' : 'people'}.` : 'No headcount recorded yet.'} You can change it until{' '}
        {new Date(s.openUntil).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' })}.
      </p>
      <div className="inline-form headcount-fields">
        <TextField id={`${id}-total`} label="How many came" type="number" inputMode="numeric" min={0} value={v.total} onChange={set('total')} error={fields.total} />
        <TextField id={`${id}-lawyers`} label="Lawyers (optional)" type="number" inputMode="numeric" min={0} value={v.lawyers} onChange={set('lawyers')} error={fields.lawyers} />
        <TextField
          id={`${id}-students`}
          label="Articling students (optional)"
          type="number"
          inputMode="numeric"
          min={0}
          value={v.articlingStudents}
          onChange={set('articlingStudents')}
          error={fields.articlingStudents}
        />
        <TextField id={`${id}-volunteers`} label="Volunteers (optional)" type="number" inputMode="numeric" min={0} value={v.volunteers} onChange={set('volunteers')} error={fields.volunteers} />
      </div>
      <div className="submit-row">
        <button type="submit" className="button primary" disabled={busy}>
          {saved ? 'Correct the headcount' : 'Save the headcount'}
        </button>
        <p role="status" className="form-status">
          {done}
        </p>
      </div>
      <ErrorLine message={error} />
    </form>
  );
}
