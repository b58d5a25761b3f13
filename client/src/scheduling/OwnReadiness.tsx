import { useCallback } from 'react';
import { OwnReadinessResponse } from '../../../shared/schemas/readiness';
import { apiGet } from '../api/apiRequest';
import { Loaded } from '../ui/Loaded';
import { itemWords, readinessSummary } from '../ui/readinessWords';
import { useLoad } from '../ui/useLoad';

const fetchOwnReadiness = () => apiGet('/api/people/me/readiness', OwnReadinessResponse);

/**
 * A volunteer's own readiness on their assignments page: their training and confidentiality undertaking with the
 * dates they must be renewed by, and what not being current means.
 */
export function OwnReadiness() {
  const fetcher = useCallback(() => fetchOwnReadiness(), []);
  const { state } = useLoad(fetcher);
  return (
    <section aria-labelledby="own-readiness" className="own-readiness">
      <h2 id="own-readiness">My training and confidentiality undertaking</h2>
      <Loaded state={state} loading="Loading your training and undertaking…">
        {({ readiness }) => (
          <>
            <p data-testid="own-readiness-summary">
              <strong>{readinessSummary(readiness)}</strong>
            </p>
            <ul>
              <li>Peer-support training: {itemWords(readiness.training, 'completed')}</li>
              <li>Confidentiality undertaking (Code of Conduct): {itemWords(readiness.undertaking, 'signed')}</li>
            </ul>
            <p className="hint">
              Each is renewed every year. While either is missing or lapsed you do not wear the red mug, host, back up or take
              matches. To renew, contact program staff.
            </p>
          </>
        )}
      </Loaded>
    </section>
  );
}
