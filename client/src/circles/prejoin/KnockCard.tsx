import '../live/knocks.css';
import { Link } from 'react-router';
import { useT } from '../../i18n/useT';
import type { KnockState } from './useKnock';

/**
 * At a locked circle: knock to ask the host to let you in, wait with a clear status (and give up whenever you
 * like), and hear the answer. A decline says what to do next: the next circle, or matched peer support.
 */
export function KnockCard({ state, onKnock, onGiveUp, disabled }: { state: KnockState; onKnock: () => void; onGiveUp: () => void; disabled: boolean }) {
  const t = useT();
  const waiting = state.status === 'waiting' || state.status === 'knocking';
  // A dropped connection withdrew the knock: said like any other answer that is not "come in".
  const answer = state.status === 'answered' ? state.answer : state.status === 'dropped' ? { outcome: 'ended' as const, message: t('circles.knock.dropped') } : null;
  return (
    <div className="knock-wait" data-testid="knock">
      <p role="status" data-testid="knock-status">
        {waiting ? t('circles.knock.waiting') : answer?.outcome === 'admitted' ? answer.message : ''}
      </p>
      {answer && answer.outcome !== 'admitted' && (
        <div role="alert" className="notice">
          <p>{answer.message}</p>
          <p>
            {t.rich('circles.knock.whatNext', {
              next: (chunks) => (
                <Link key="next" to="/">
                  {chunks}
                </Link>
              ),
              support: (chunks) => (
                <Link key="support" to="/support/request">
                  {chunks}
                </Link>
              ),
            })}
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
            {t('circles.knock.stop')}
          </button>
        ) : (
          answer?.outcome !== 'admitted' && (
            <button type="button" className="button primary" disabled={disabled} onClick={onKnock}>
              {t(answer || state.status === 'refused' ? 'circles.knock.again' : 'circles.knock.ask')}
            </button>
          )
        )}
      </div>
    </div>
  );
}
