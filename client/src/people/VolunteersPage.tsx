import { useCallback, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { ReadinessListResponse, SetReadinessBody, VolunteerReadinessRow } from '../../../shared/schemas/readiness';
import { useT, type T } from '../i18n/useT';
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
  const t = useT();
  useDocumentTitle(t('people.volunteers.title'));
  const me = useStore((s) => s.user);
  if (me?.role !== 'staff') {
    return (
      <>
        <AppHeader />
        <main className="page narrow">
          <h1>{t('people.volunteers.title')}</h1>
          <p>{t('people.volunteers.staffOnly')}</p>
          <p>
            <Link to="/">{t('common.notFound.home')}</Link>
          </p>
        </main>
      </>
    );
  }
  return <StaffVolunteers />;
}

function StaffVolunteers() {
  const t = useT();
  const fetcher = useCallback(() => fetchReadinessList(), []);
  const { state, reload } = useLoad(fetcher, { keepOnError: true });
  const [announcement, setAnnouncement] = useState('');
  return (
    <>
      <AppHeader />
      <main className="page">
        <h1>{t('people.volunteers.title')}</h1>
        <p className="lede">{t('people.volunteers.lede')}</p>
        <p>
          <Link to="/staff/people">{t('people.volunteers.backToPeople')}</Link>
        </p>
        <p role="status" className={announcement ? 'success' : undefined}>
          {announcement}
        </p>
        <Loaded state={state} loading={t('people.volunteers.loading')}>
          {(list) => (
            <Lists
              list={list}
              onSaved={(row, what) => {
                setAnnouncement(t('people.volunteers.saved', { name: row.firstName, what, summary: readinessSummary(row.readiness) }));
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
  const t = useT();
  const needs = list.volunteers.filter((v) => !v.readiness.current);
  const due = list.volunteers.filter((v) => v.readiness.current && (v.readiness.training.state === 'due' || v.readiness.undertaking.state === 'due'));
  return (
    <>
      <section aria-labelledby="readiness-needs">
        <h2 id="readiness-needs">{t('people.volunteers.needsHeading', { count: needs.length })}</h2>
        <ul className="readiness-summary" aria-label={t('people.volunteers.needsLabel')}>
          {needs.length === 0 ? (
            <li>{t('people.volunteers.everyoneCurrent')}</li>
          ) : (
            needs.map((v) => <li key={v.userId}>{t('people.volunteers.nameAndWords', { name: v.firstName, words: missingWords(t, v) })}</li>)
          )}
        </ul>
      </section>
      <section aria-labelledby="readiness-due">
        <h2 id="readiness-due">{t('people.volunteers.dueHeading', { count: due.length })}</h2>
        <ul className="readiness-summary" aria-label={t('people.volunteers.dueLabel')}>
          {due.length === 0 ? (
            <li>{t('people.volunteers.nobodyDue')}</li>
          ) : (
            due.map((v) => <li key={v.userId}>{t('people.volunteers.renewBy', { name: v.firstName, date: v.readiness.validUntil ?? '' })}</li>)
          )}
        </ul>
      </section>
      <section aria-labelledby="readiness-all">
        <h2 id="readiness-all">{t('people.volunteers.recordHeading')}</h2>
        <p className="hint">{t('people.volunteers.asOf', { today: list.today })}</p>
        {list.volunteers.length === 0 ? (
          <p>{t('people.volunteers.none')}</p>
        ) : (
          <ul className="readiness-cards" aria-label={t('people.volunteers.everyLabel')}>
            {list.volunteers.map((v) => (
              <li key={v.userId} className="readiness-card" data-testid="readiness-card">
                <h3>{v.firstName}</h3>
                <p>
                  <strong>{readinessSummary(v.readiness)}</strong>
                </p>
                <ul>
                  <li>{t('people.volunteers.trainingLine', { words: itemWords(v.readiness.training, 'completed') })}</li>
                  <li>{t('people.volunteers.undertakingLine', { words: itemWords(v.readiness.undertaking, 'signed') })}</li>
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

function missingWords(t: T, v: VolunteerReadinessRow): string {
  const words = { training: 'people.volunteers.missing.training', undertaking: 'people.volunteers.missing.undertaking' } as const;
  return v.readiness.missing
    .map((m) => {
      const item = t(words[m]);
      return v.readiness[m].state === 'lapsed'
        ? t('people.volunteers.missing.lapsed', { item, until: v.readiness[m].validUntil ?? '' })
        : t('people.volunteers.missing.notOnRecord', { item });
    })
    .join('; ');
}

/** Dates for one volunteer: record either, or record one as lapsed (withdrawn). */
function RecordForm({ row, today, onSaved }: { row: VolunteerReadinessRow; today: string; onSaved: (row: VolunteerReadinessRow, what: string) => void }) {
  const t = useT();
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
      setError(t('people.volunteers.enterADate'));
      return;
    }
    void send(body, t('people.volunteers.what.recorded'));
  }
  const tId = `training-${row.userId}`;
  const uId = `undertaking-${row.userId}`;
  return (
    <form className="readiness-form" onSubmit={save} aria-label={t('people.volunteers.form.label', { name })}>
      <label htmlFor={tId}>{t('people.volunteers.form.training', { name })}</label>
      <input id={tId} type="date" max={today} value={training} aria-invalid={fields.trainingCompletedOn ? true : undefined} onChange={(e) => setTraining(e.target.value)} />
      <label htmlFor={uId}>{t('people.volunteers.form.undertaking', { name })}</label>
      <input id={uId} type="date" max={today} value={undertaking} aria-invalid={fields.undertakingSignedOn ? true : undefined} onChange={(e) => setUndertaking(e.target.value)} />
      <button type="submit" className="button" disabled={busy}>
        {t('people.volunteers.form.save', { name })}
      </button>
      {row.readiness.undertaking.on && (
        <button type="button" className="button secondary" disabled={busy} onClick={() => void send({ undertakingSignedOn: null }, t('people.volunteers.what.undertakingLapsed'))}>
          {t('people.volunteers.form.undertakingLapsed', { name })}
        </button>
      )}
      {row.readiness.training.on && (
        <button type="button" className="button secondary" disabled={busy} onClick={() => void send({ trainingCompletedOn: null }, t('people.volunteers.what.trainingLapsed'))}>
          {t('people.volunteers.form.trainingLapsed', { name })}
        </button>
      )}
      <ErrorLine message={error} />
    </form>
  );
}
