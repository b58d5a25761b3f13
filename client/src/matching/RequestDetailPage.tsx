import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
import type { MessageId } from '../../../shared/i18n/catalog';
import {
  CATEGORY_LABELS,
  CRITERIA,
  CRITERION_LABELS,
  EXCLUSION_LABELS,
  LIVED_EXPERIENCE_LABELS,
  OUTCOME_LABELS,
  PRACTICE_AREA_LABELS,
  REGION_LABELS,
  SENIORITY_LABELS,
  WORK_ROLE_LABELS,
  type MatchStatus,
  type MatchView,
  type Outcome,
  type Reason,
  type RequestDetail,
  type Suggestion,
  type Weights,
} from '../../../shared/schemas/matching';
import { useT } from '../i18n/useT';
import { useStore } from '../store';
import { ErrorLine } from '../ui/ErrorLine';
import { Loaded } from '../ui/Loaded';
import { SelectField } from '../ui/SelectField';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';
import { callerKindIn, dayIn, labelsIn, momentIn } from './labels';
import { closeMatch, fetchRequest, fetchSuggestions, proposeMatch } from './matchingApi';
import { MatchingLayout } from './MatchingLayout';

const OUTCOME_TEXT = {
  match: 'matching.reasonOutcome.match',
  partial: 'matching.reasonOutcome.partial',
  mismatch: 'matching.reasonOutcome.mismatch',
  not_shared: 'matching.reasonOutcome.not_shared',
} as const satisfies Record<Reason['outcome'], MessageId>;

const MATCH_STATUS = {
  proposed: 'matching.matchStatus.proposed',
  declined: 'matching.matchStatus.declined',
  active: 'matching.matchStatus.active',
  closed: 'matching.matchStatus.closed',
} as const satisfies Record<MatchStatus, MessageId>;

/** /support/requests/:id — staff: the request (this read is audited), ranked suggestions, propose and close. */
export function RequestDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { state, reload } = useLoad(useCallback(() => fetchRequest(id), [id]));
  return (
    <MatchingLayout title={t('matching.detail.title')}>
      <Loaded state={state}>{(data) => (
        <>
          <RequestSummary r={data} />
          <Matches r={data} onChange={reload} />
          {data.status === 'open' && !data.matches.some((m) => m.status === 'proposed') && (
            <Suggestions requestId={id} onProposed={reload} />
          )}
        </>
      )}</Loaded>
    </MatchingLayout>
  );
}

function RequestSummary({ r }: { r: RequestDetail }) {
  const t = useT();
  const p = r.preferences;
  const prefs: Array<[string, string | undefined]> = [
    [t('matching.field.region'), p.region && t(REGION_LABELS[p.region])],
    [t('matching.field.municipality'), p.municipality],
    [t('matching.field.practiceArea'), p.practiceArea && t(PRACTICE_AREA_LABELS[p.practiceArea])],
    [t('matching.field.workRole'), p.workRole && t(WORK_ROLE_LABELS[p.workRole])],
    [t('matching.detail.seniority'), p.seniority && t(SENIORITY_LABELS[p.seniority])],
    [t('matching.detail.gender'), p.gender],
    [t('matching.field.language'), p.language],
    [t('matching.detail.lived'), p.livedExperience.map((l) => t(LIVED_EXPERIENCE_LABELS[l])).join(', ') || undefined],
    [t('matching.detail.diversity'), p.diversity.join(', ') || undefined],
  ];
  const topic = { category: t(CATEGORY_LABELS[r.category]), caller: callerKindIn(t, r.callerKind) };
  const contact = (r.contact.method === 'email' ? r.contact.email : r.contact.phone) ?? '';
  return (
    <section className="card" aria-labelledby="summary-heading">
      <h2 id="summary-heading">
        {r.callerFirstName ? t('matching.topicCallerName', { ...topic, name: r.callerFirstName }) : t('matching.topicCaller', topic)}
      </h2>
      <p className="hint">{t('matching.detail.received', { at: momentIn(t.locale, r.createdAt), fromCircle: r.fromCircle ? 'yes' : 'no' })}</p>
      {r.details && <p className="request-details">{r.details}</p>}
      <dl>
        {r.organisation && (
          <>
            <dt>{t('matching.field.organisation')}</dt>
            <dd>{r.organisation}</dd>
          </>
        )}
        {prefs
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        <dt>{t('matching.detail.contactBy')}</dt>
        <dd>{r.contact.bestTimes ? t('matching.detail.contactTimes', { contact, times: r.contact.bestTimes }) : contact}</dd>
      </dl>
    </section>
  );
}

function Matches({ r, onChange }: { r: RequestDetail; onChange: () => void }) {
  const t = useT();
  if (r.matches.length === 0) return null;
  return (
    <section aria-labelledby="matches-heading">
      <h2 id="matches-heading">{t('matching.detail.matches')}</h2>
      <ul>
        {r.matches.map((m) => (
          <li key={m.id}>
            {m.outcome
              ? t('matching.detail.matchLineOutcome', { name: m.volunteerFirstName, status: t(MATCH_STATUS[m.status]), outcome: t(OUTCOME_LABELS[m.outcome]) })
              : t('matching.detail.matchLine', { name: m.volunteerFirstName, status: t(MATCH_STATUS[m.status]) })}
            {m.status === 'active' && <CloseMatch match={m} onClosed={onChange} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CloseMatch({ match, onClosed }: { match: MatchView; onClosed: () => void }) {
  const t = useT();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  // Closing reloads the request, which replaces this form.
  const { busy, error, run } = useAction({ staysBusy: true });
  async function close() {
    if (await run(() => closeMatch(match.id, outcome as Outcome))) onClosed();
  }
  return (
    <div className="card form">
      <SelectField
        id={`outcome-${match.id}`}
        label={t('matching.detail.outcome')}
        options={labelsIn(t, OUTCOME_LABELS)}
        value={outcome}
        onChange={setOutcome}
        emptyLabel={t('matching.detail.chooseOutcome')}
      />
      <ErrorLine message={error} />
      <button type="button" className="button secondary" disabled={busy} onClick={() => void close()}>
        {t('matching.detail.close')}
      </button>
    </div>
  );
}

function Suggestions({ requestId, onProposed }: { requestId: string; onProposed: () => void }) {
  const t = useT();
  const weights = useStore((s) => s.weights);
  const setWeights = useStore((s) => s.setWeights);
  const [draft, setDraft] = useState<Weights>(weights);
  const { state } = useLoad(useCallback(() => fetchSuggestions(requestId, weights), [requestId, weights]));
  const { error, run } = useAction();

  async function propose(s: Suggestion) {
    if (await run(() => proposeMatch(requestId, s.volunteerId))) onProposed();
  }

  return (
    <section aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">{t('matching.detail.suggested')}</h2>
      <details>
        <summary>{t('matching.detail.weights')}</summary>
        <div className="weights">
          {CRITERIA.map((c) => (
            <div className="field" key={c}>
              <label htmlFor={`weight-${c}`}>{t('matching.detail.weight', { criterion: t(CRITERION_LABELS[c]), value: draft[c] })}</label>
              <input
                id={`weight-${c}`}
                type="range"
                min={0}
                max={10}
                step={1}
                value={draft[c]}
                onChange={(e) => setDraft({ ...draft, [c]: Number(e.target.value) })}
              />
            </div>
          ))}
        </div>
        <button type="button" className="button secondary" onClick={() => setWeights(draft)}>
          {t('matching.detail.rerank')}
        </button>
      </details>
      <p className="hint">{t('matching.detail.scoreHint')}</p>
      <ErrorLine message={error} />

      <Loaded state={state} loading={t('matching.detail.ranking')}>{(data) =>
        (data.suggestions.length === 0 ? (
          <p>{t('matching.detail.noProfiles')}</p>
        ) : (
          <ol className="suggestions" aria-label={t('matching.detail.suggested')}>
            {data.suggestions.map((s) => (
              <li key={s.volunteerId} className={`card suggestion${s.excluded.length ? ' excluded' : ''}`} aria-label={s.firstName}>
                <h3>{t('matching.detail.score', { name: s.firstName, score: s.score, max: s.maxScore })}</h3>
                <p className="hint">
                  {t('matching.detail.load', {
                    active: s.activeMatches,
                    capacity: s.capacity,
                    last: s.lastMatchedAt ? dayIn(t.locale, s.lastMatchedAt) : t('matching.detail.never'),
                  })}
                </p>
                {s.excluded.length > 0 && (
                  <p className="error">{t('matching.detail.excluded', { reasons: s.excluded.map((x) => t(EXCLUSION_LABELS[x])).join('; ') })}</p>
                )}
                {s.reasons.length > 0 && (
                  <ul className="reasons">
                    {s.reasons.map((r) => (
                      <li key={r.criterion} className={`reason-${r.outcome}`}>
                        {t('matching.detail.reason', { criterion: t(CRITERION_LABELS[r.criterion]), outcome: t(OUTCOME_TEXT[r.outcome]), text: r.text, points: r.points })}
                      </li>
                    ))}
                  </ul>
                )}
                {s.excluded.length === 0 && (
                  <button type="button" className="button primary" onClick={() => void propose(s)}>
                    {t('matching.detail.propose', { name: s.firstName })}
                  </button>
                )}
              </li>
            ))}
          </ol>
        ))}</Loaded>
    </section>
  );
}
