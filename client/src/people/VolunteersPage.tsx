import { useCallback, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { ReadinessListResponse, SetReadinessBody, VolunteerReadinessRow } from '../../../shared/schemas/readiness';
import { useStore } from '../store';
import { AppHeader } from '../ui/AppHeader';
import { ErrorLine } from '../ui/ErrorLine';
import { Loaded } from '../ui/Loaded';
import { itemWords, readinessSummary } from '../ui/readinessWords';
import { useAction } from '../ui/useAction';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useLoad } from '../ui/useLoad';
import { fetchReadinessList, setReadiness } from './readinessApi';
import './people.css';

/**
 * /staff/volunteers — staff record each volunteer's peer-support training and signed confidentiality undertaking
 * (Code of Conduct), each renewed yearly, and see who needs recording, who lapsed and who is due within a month.
 * Only current volunteers wear the red mug, host, back up or get matched.
 */
export function VolunteersPage() {
  useDocumentTitle('Volunteer readiness');
  const me = useStore((s) => s.user);
  if (me?.role !== 'staff') {
    return (
      <>
        <AppHeader />
        <main className="page narrow">
          <h1>Volunteer readiness</h1>
          <p>Only staff record volunteers’ training and confidentiality undertakings. Your own status is on My assignments.</p>
          <p>
            <Link to="/">Go to the home page</Link>
          </p>
        </main>
      </>
    );
  }
  return <StaffVolunteers />;
}

function StaffVolunteers() {
  const fetcher = useCallback(() => fetchReadinessList(), []);
  const { state, reload } = useLoad(fetcher, { keepOnError: true });
  const [announcement, setAnnouncement] = useState('');
  return (
    <>
      <AppHeader />
      <main className="page">
        <h1>Volunteer readiness</h1>
        <p className="lede">
          Record each volunteer’s peer-support training and signed confidentiality undertaking. Each counts for 12 months from
          its date; only volunteers with both current wear the red mug, host, back up or are matched. Recording one as lapsed
          takes the red mug off at once, even in a circle running now. Every change is in the audit log.
        </p>
        <p>
          <Link to="/staff/people">Back to People</Link>
        </p>
        <p role="status" className={announcement ? 'success' : undefined}>
          {announcement}
        </p>
        <Loaded state={state} loading="Loading volunteers…">
          {(list) => (
            <Lists
              list={list}
              onSaved={(row, what) => {
                setAnnouncement(`${row.firstName}: ${what}. ${readinessSummary(row.readiness)}.`);
                reload();
              }}
            />
          )}
        </Loaded>
      </main>
    </>
  );
}

function Lists({ list, onSaved }: { list: ReadinessListResponse; onSaved: (row: VolunteerReadinessRow, what: string) => void }) {
  const needs = list.volunteers.filter((v) => !v.readiness.current);
  const due = list.volunteers.filter((v) => v.readiness.current && (v.readiness.training.state === 'due' || v.readiness.undertaking.state === 'due'));
  return (
    <>
      <section aria-labelledby="readiness-needs">
        <h2 id="readiness-needs">Not current: lapsed or not on record ({needs.length})</h2>
        <ul className="readiness-summary" aria-label="Volunteers who are not current">
          {needs.length === 0 ? <li>Everyone is current.</li> : needs.map((v) => <li key={v.userId}>{v.firstName}: {missingWords(v)}</li>)}
        </ul>
      </section>
      <section aria-labelledby="readiness-due">
        <h2 id="readiness-due">Due for renewal within a month ({due.length})</h2>
        <ul className="readiness-summary" aria-label="Volunteers due for renewal within a month">
          {due.length === 0 ? <li>Nobody is due within a month.</li> : due.map((v) => <li key={v.userId}>{v.firstName}: renew by {v.readiness.validUntil}</li>)}
        </ul>
      </section>
      <section aria-labelledby="readiness-all">
        <h2 id="readiness-all">Record training and undertakings</h2>
        <p className="hint">As of {list.today} (Alberta).</p>
        {list.volunteers.length === 0 ? (
          <p>There are no volunteers yet. Make someone a volunteer on the People page.</p>
        ) : (
          <ul className="readiness-cards" aria-label="Every volunteer">
            {list.volunteers.map((v) => (
              <li key={v.userId} className="readiness-card" data-testid="readiness-card">
                <h3>{v.firstName}</h3>
                <p>
                  <strong>{readinessSummary(v.readiness)}</strong>
                </p>
                <ul>
                  <li>Peer-support training: {itemWords(v.readiness.training, 'completed')}</li>
                  <li>Confidentiality undertaking: {itemWords(v.readiness.undertaking, 'signed')}</li>
                </ul>
                <RecordForm key={`record-${v.readiness.training.on ?? ''}-${v.readiness.undertaking.on ?? ''}`} row={v} today={list.today} onSaved={onSaved} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function missingWords(v: VolunteerReadinessRow): string {
  const words = { training: 'peer-support training', undertaking: 'confidentiality undertaking' } as const;
  return v.readiness.missing
    .map((m) => `${words[m]} ${v.readiness[m].state === 'lapsed' ? `lapsed (valid until ${v.readiness[m].validUntil})` : 'not on record'}`)
    .join('; ');
}

/** Dates for one volunteer: record either, or record one as lapsed (withdrawn). */
function RecordForm({ row, today, onSaved }: { row: VolunteerReadinessRow; today: string; onSaved: (row: VolunteerReadinessRow, what: string) => void }) {
  const [training, setTraining] = useState(row.readiness.training.on ?? '');
  const [undertaking, setUndertaking] = useState(row.readiness.undertaking.on ?? '');
  const { busy, error, fields, run, setError } = useAction();
  const name = row.firstName;

  async function send(body: SetReadinessBody, what: string) {
    let saved: VolunteerReadinessRow | null = null;
    if (await run(async () => (saved = await setReadiness(row.userId, body)))) onSaved(saved!, what);
  }
  function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body: SetReadinessBody = {};
    if (training && training !== row.readiness.training.on) body.trainingCompletedOn = training;
    if (undertaking && undertaking !== row.readiness.undertaking.on) body.undertakingSignedOn = undertaking;
    if (body.trainingCompletedOn === undefined && body.undertakingSignedOn === undefined) {
      setError('Enter a new date for the training or the undertaking first.');
      return;
    }
    void send(body, 'dates recorded');
  }
  const tId = `training-${row.userId}`;
  const uId = `undertaking-${row.userId}`;
  return (
    <form className="readiness-form" onSubmit={save} aria-label={`Record for ${name}`}>
      <label htmlFor={tId}>Training completed ({name})</label>
      <input id={tId} type="date" max={today} value={training} aria-invalid={fields.trainingCompletedOn ? true : undefined} onChange={(e) => setTraining(e.target.value)} />
      <label htmlFor={uId}>Undertaking signed ({name})</label>
      <input id={uId} type="date" max={today} value={undertaking} aria-invalid={fields.undertakingSignedOn ? true : undefined} onChange={(e) => setUndertaking(e.target.value)} />
      <button type="submit" className="button" disabled={busy}>
        Save dates for {name}
      </button>
      {row.readiness.undertaking.on && (
        <button type="button" className="button secondary" disabled={busy} onClick={() => void send({ undertakingSignedOn: null }, 'confidentiality undertaking recorded as lapsed')}>
          Record {name}’s undertaking as lapsed
        </button>
      )}
      {row.readiness.training.on && (
        <button type="button" className="button secondary" disabled={busy} onClick={() => void send({ trainingCompletedOn: null }, 'training recorded as lapsed')}>
          Record {name}’s training as lapsed
        </button>
      )}
      <ErrorLine message={error} />
    </form>
  );
}
