import { Link } from 'react-router';
import type { Translate } from '../../../shared/i18n/translate';
import { useT } from '../i18n/useT';
import { formatCount } from '../../../shared/i18n/formatTime';
import { useWaitingRequests } from './useWaitingRequests';
import './inbox.css';

/** "Requests, 3 waiting": how the link reads out, its visible label first (WCAG 2.5.3). */
export function requestsLinkName(t: Translate, waiting: number | null): string {
  return waiting === null ? t('inbox.link') : t('inbox.linkName', { waiting });
}

/** Staff's way to the inbox, with a badge of how many requests wait (kept current by useWaitingRequests). */
export function RequestsLink() {
  const t = useT();
  const waiting = useWaitingRequests(true);
  return (
    <Link to="/staff/requests" className="header-link requests-link" aria-label={requestsLinkName(t, waiting)}>
      {t('inbox.link')}
      {/* The space keeps the visible text ("Requests 3") a part of the name ("Requests, 3 waiting"). */}
      {waiting !== null && waiting > 0 && <> </>}
      {waiting !== null && waiting > 0 && (
        <span className="count-badge" aria-hidden="true" data-testid="requests-badge">
          {formatCount(t.locale, waiting)}
        </span>
      )}
    </Link>
  );
}
