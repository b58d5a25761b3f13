import '../live/knocks.css';
import { Link } from 'react-router';
import type { KnockState } from './useKnock';

/**
 * At a locked circle: knock to ask the host to let you in, wait with a clear status (and give up whenever you
 * like), and hear the answer. A decline says what to do next: the next circle, or matched peer support.
 */
export function KnockCard({ state, onKnock, onGiveUp, disabled }: { state: KnockState; onKnock: () => void; onGiveUp: () => void; disabled: boolean }) {
  const waiting = state.status === 'waiting' || state.status === 'knocking';
  const answer = state.status === 'answered' ? state.answer : null;
  return (
    <div className="knock-wait" data-testid="knock">
      <p role="status" data-testid="knock-status">
        {waiting ? 'Waiting for the host to let you in…' : answer?.outcome === 'admitted' ? answer.message : ''}
      </p>
      {answer && answer.outcome !== 'admitted' && (
        <div role="alert" className="notice">
          <p>{answer.message}</p>
          <p>
            <Link to="/">See the next circles</Link> · <Link to="/support/request">Ask for matched peer support</Link>
          </p>
        </div>
      )}
      {state.status === 'refused' && (
        <div role="alert" className="error">
          <p>{state.message}</p>
        </div>
      )}
      <div className="button-row">
        {waiting ? (
          <button type="button" className="button secondary" onClick={onGiveUp}>
            Stop waiting
          </button>
        ) : (
          answer?.outcome !== 'admitted' && (
            <button type="button" className="button primary" disabled={disabled} onClick={onKnock}>
              {answer || state.status === 'refused' ? 'Knock again' : 'Knock to ask to come in'}
            </button>
          )
        )}
      </div>
    </div>
  );
}
