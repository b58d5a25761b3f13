import { useCallback } from 'react';
import { OwnReadinessResponse } from '../../../shared/schemas/readiness';
import { apiGet } from '../api/apiRequest';
import { useT } from '../i18n/useT';
import { Loaded } from '../ui/Loaded';
import { itemWords, readinessSummary } from '../ui/readinessWords';
import { useLoad } from '../ui/useLoad';

const fetchOwnReadiness = () => apiGet('/api/people/me/readiness', OwnReadinessResponse);

/**
 * A volunteer's own readiness on their assignments page: their training and confidentiality undertaking with the
 * dates they must be renewed by, and what not being current means.
 */
export function OwnReadiness() {
  const t = useT();
  const fetcher = useCallback(() => fetchOwnReadiness(), []);
  const { state } = useLoad(fetcher);
  return (
    <section aria-labelledby="own-readiness" className="own-readiness">
      <h2 id="own-readiness">{t('scheduling.readiness.heading')}</h2>
      <Loaded state={state} loading={t('scheduling.readiness.loading')}>
        {({ readiness }) => (
          <>
            <p data-testid="own-readiness-summary">
              <strong>{readinessSummary(readiness)}</strong>
            </p>
            <ul>
              <li>{t('scheduling.readiness.training', { status: itemWords(readiness.training, 'completed') })}</li>
              <li>{t('scheduling.readiness.undertaking', { status: itemWords(readiness.undertaking, 'signed') })}</li>
            </ul>
            <p className="hint">{t('scheduling.readiness.hint')}</p>
          </>
        )}
      </Loaded>
    </section>
  );
}
