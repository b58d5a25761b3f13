import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
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
  type MatchView,
  type Outcome,
  type RequestDetail,
  type Suggestion,
  type Weights,
} from '../../../shared/schemas/matching';
import { useStore } from '../store';
import { ErrorLine } from '../ui/ErrorLine';
import { Loaded } from '../ui/Loaded';
import { memberKindLabel } from '../ui/memberKindLabel';
import { SelectField } from '../ui/SelectField';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';
import { closeMatch, fetchRequest, fetchSuggestions, proposeMatch } from './matchingApi';
import { MatchingLayout } from './MatchingLayout';

const OUTCOME_TEXT = { match: 'Matches', partial: 'Partly matches', mismatch: 'Does not match', not_shared: 'Not shared' } as const;

/** /support/requests/:id — staff: the request (this read is audited), ranked suggestions, propose and close. */
export function RequestDetailPage() {
  const { id = '' } = useParams();
  const { state, reload } = useLoad(useCallback(() => fetchRequest(id), [id]));
  return (
    <MatchingLayout title="Request">
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
  const p = r.preferences;
  const prefs: Array<[string, string | undefined]> = [
    ['Region', p.region && REGION_LABELS[p.region]],
    ['Municipality', p.municipality],
    ['Practice area', p.practiceArea && PRACTICE_AREA_LABELS[p.practiceArea]],
    ['Work role', p.workRole && WORK_ROLE_LABELS[p.workRole]],
    ['Seniority', p.seniority && SENIORITY_LABELS[p.seniority]],
    ['Gender', p.gender],
    ['Language', p.language],
    ['Lived experience', p.livedExperience.map((l) => LIVED_EXPERIENCE_LABELS[l]).join(', ') || undefined],
    ['Diversity', p.diversity.join(', ') || undefined],
  ];
  return (
    <section className="card" aria-labelledby="summary-heading">
      <h2 id="summary-heading">
        {CATEGORY_LABELS[r.category]} · {memberKindLabel(r.callerKind)}
        {r.callerFirstName ? ` · ${r.callerFirstName}` : ''}
      </h2>
      <p className="hint">
        Received {new Date(r.createdAt).toLocaleString()}
        {r.fromCircle ? ', referred from a circle' : ''}. Confidential: your reading of this request is recorded in the
        audit log.
      </p>
      {r.details && <p className="request-details">{r.details}</p>}
      <dl>
        {r.organisation && (
          <>
            <dt>Firm or organisation</dt>
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
        <dt>Contact by</dt>
        <dd>
          {r.contact.method === 'email' ? r.contact.email : r.contact.phone}
          {r.contact.bestTimes ? ` (${r.contact.bestTimes})` : ''}
        </dd>
      </dl>
    </section>
  );
}

function Matches({ r, onChange }: { r: RequestDetail; onChange: () => void }) {
  if (r.matches.length === 0) return null;
  return (
    <section aria-labelledby="matches-heading">
      <h2 id="matches-heading">Matches</h2>
      <ul>
        {r.matches.map((m) => (
          <li key={m.id}>
            {m.volunteerFirstName}: {m.status}
            {m.outcome ? ` (${OUTCOME_LABELS[m.outcome]})` : ''}
            {m.status === 'active' && <CloseMatch match={m} onClosed={onChange} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CloseMatch({ match, onClosed }: { match: MatchView; onClosed: () => void }) {
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  // Closing reloads the request, which replaces this form.
  const { busy, error, run } = useAction({ staysBusy: true });
  async function close() {
    if (await run(() => closeMatch(match.id, outcome as Outcome))) onClosed();
  }
  return (
    <div className="card form">
      <SelectField id={`outcome-${match.id}`} label="Outcome" options={OUTCOME_LABELS} value={outcome} onChange={setOutcome} emptyLabel="Choose an outcome" />
      <ErrorLine message={error} />
      <button type="button" className="button secondary" disabled={busy} onClick={() => void close()}>
        Close the match
      </button>
    </div>
  );
}

function Suggestions({ requestId, onProposed }: { requestId: string; onProposed: () => void }) {
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
      <h2 id="suggestions-heading">Suggested peers</h2>
      <details>
        <summary>Weights of the criteria</summary>
        <div className="weights">
          {CRITERIA.map((c) => (
            <div className="field" key={c}>
              <label htmlFor={`weight-${c}`}>
                {CRITERION_LABELS[c]}: {draft[c]}
              </label>
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
          Re-rank with these weights
        </button>
      </details>
      <p className="hint">
        Score: the weight of each criterion the caller asked about that the volunteer matches (half for the same region
        only, a share for lists). Fields a volunteer keeps private never count. Ties go to whoever has waited longest
        since a match.
      </p>
      <ErrorLine message={error} />
      
      <Loaded state={state} loading="Ranking…">{(data) =>
        (data.suggestions.length === 0 ? (
          <p>No volunteer has a peer profile yet.</p>
        ) : (
          <ol className="suggestions" aria-label="Suggested peers">
            {data.suggestions.map((s) => (
              <li key={s.volunteerId} className={`card suggestion${s.excluded.length ? ' excluded' : ''}`} aria-label={s.firstName}>
                <h3>
                  {s.firstName} · score {s.score} of {s.maxScore}
                </h3>
                <p className="hint">
                  {s.activeMatches} of {s.capacity} active matches · last matched{' '}
                  {s.lastMatchedAt ? new Date(s.lastMatchedAt).toLocaleDateString() : 'never'}
                </p>
                {s.excluded.length > 0 && (
                  <p className="error">Excluded: {s.excluded.map((x) => EXCLUSION_LABELS[x]).join('; ')}</p>
                )}
                {s.reasons.length > 0 && (
                  <ul className="reasons">
                    {s.reasons.map((r) => (
                      <li key={r.criterion} className={`reason-${r.outcome}`}>
                        {CRITERION_LABELS[r.criterion]}: {OUTCOME_TEXT[r.outcome]} — {r.text} (+{r.points})
                      </li>
                    ))}
                  </ul>
                )}
                {s.excluded.length === 0 && (
                  <button type="button" className="button primary" onClick={() => void propose(s)}>
                    Propose {s.firstName}
                  </button>
                )}
              </li>
            ))}
          </ol>
        ))}</Loaded>
    </section>
  );
}
