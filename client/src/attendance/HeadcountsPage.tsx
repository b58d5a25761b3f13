import { useState, type FormEvent } from 'react';
import type { Headcount, HeadcountSession } from '../../../shared/schemas/headcount';
import { wallDate, wallTime } from '../../../shared/i18n/formatTime';
import { useT } from '../i18n/useT';
import { AppHeader } from '../ui/AppHeader';
import { ErrorLine } from '../ui/ErrorLine';
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
  const t = useT();
  useDocumentTitle(t('attendance.headcounts.documentTitle'));
  const { state } = useLoad(fetchHeadcountSessions, { keepOnError: true });
  return (
    <>
      <AppHeader />
      <main className="page headcounts-page">
        <h1>{t('attendance.headcounts.heading')}</h1>
        <p>{t('attendance.headcounts.intro')}</p>
        <Loaded state={state} loading={t('attendance.headcounts.loading')}>
          {({ sessions }) =>
            sessions.length === 0 ? (
              <p>{t('attendance.headcounts.none')}</p>
            ) : (
              <ul className="session-list" aria-label={t('attendance.headcounts.listLabel')}>
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
  const t = useT();
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
  const until = t('attendance.headcounts.until', {
    date: new Intl.DateTimeFormat(t.locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(s.openUntil)),
  });
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
      setDone(t('attendance.headcounts.saved', { count: h.total }));
    });
  }
  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`} className="session-title">
        {s.title}
      </h2>
      <p>
        {/* The circle's zone is the program's: a headcount is for the program's own in-person circles. */}
        {t('attendance.headcounts.when', { date: wallDate(t.locale, s.wallClockStartsAt), time: wallTime(t.locale, s.wallClockStartsAt) })}
        {s.location ? t('attendance.headcounts.place', { place: s.location }) : ''}
        {s.venue?.room ? t('attendance.headcounts.place', { place: s.venue.room }) : ''}
      </p>
      {s.topic && <p className="topic">{t('attendance.headcounts.topic', { topic: s.topic })}</p>}
      <p className="hint" data-testid="headcount-state">
        {saved ? t('attendance.headcounts.recorded', { count: saved.total }) : t('attendance.headcounts.notYet')} {until}
      </p>
      <div className="inline-form headcount-fields">
        <TextField id={`${id}-total`} label={t('attendance.headcounts.total')} type="number" inputMode="numeric" min={0} value={v.total} onChange={set('total')} error={fields.total} />
        <TextField id={`${id}-lawyers`} label={t('attendance.headcounts.lawyers')} type="number" inputMode="numeric" min={0} value={v.lawyers} onChange={set('lawyers')} error={fields.lawyers} />
        <TextField
          id={`${id}-students`}
          label={t('attendance.headcounts.articlingStudents')}
          type="number"
          inputMode="numeric"
          min={0}
          value={v.articlingStudents}
          onChange={set('articlingStudents')}
          error={fields.articlingStudents}
        />
        <TextField id={`${id}-volunteers`} label={t('attendance.headcounts.volunteers')} type="number" inputMode="numeric" min={0} value={v.volunteers} onChange={set('volunteers')} error={fields.volunteers} />
      </div>
      <div className="submit-row">
        <button type="submit" className="button primary" disabled={busy}>
          {saved ? t('attendance.headcounts.correct') : t('attendance.headcounts.save')}
        </button>
        <p role="status" className="form-status">
          {done}
        </p>
      </div>
      <ErrorLine message={error} />
    </form>
  );
}
