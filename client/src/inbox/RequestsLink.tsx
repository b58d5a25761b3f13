import { Link } from 'react-router';
import { useWaitingRequests } from './useWaitingRequests';
import './inbox.css';

/** "Requests, 3 waiting": how the link reads out, its visible label first (WCAG 2.5.3). */
export function requestsLinkName(waiting: number | null): string {
  if (waiting === null) return 'Requests';
  return waiting === 0 ? 'Requests, none waiting' : `Requests, ${waiting} waiting`;
}

/** Staff's way to the inbox, with a badge of how many requests wait (kept current by useWaitingRequests). */
export function RequestsLink() {
  const waiting = useWaitingRequests(true);
  return (
    <Link to="/staff/requests" className="header-link requests-link" aria-label={requestsLinkName(waiting)}>
      Requests
      {/* The space keeps the visible text ("Requests 3") a part of the name ("Requests, 3 waiting"). */}
      {waiting !== null && waiting > 0 && ' '}
      {waiting !== null && waiting > 0 && (
        <span className="count-badge" aria-hidden="true" data-testid="requests-badge">
          {waiting}
        </span>
      )}
    </Link>
  );
}
