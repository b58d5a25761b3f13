import type { ScheduledSession } from '../../../shared/schemas/scheduling';
import { ALBERTA_TIME, ALBERTA_ZONE, viewerTime, viewerZone, wallDate, wallTime } from '../ui/formatCircleTime';

/** A session's date and time in Alberta time (from the server's wall clock), plus the viewer's own when it differs. */
export function SessionTime({ session }: { session: ScheduledSession }) {
  const yours = viewerTime(session.startsAt, session.wallClock.startsAt, viewerZone(), session.timezone);
  return (
    <span className="session-time">
      <span>{wallDate(session.wallClock.startsAt)}</span>{' '}
      <time dateTime={session.startsAt}>
        {wallTime(session.wallClock.startsAt)}–{wallTime(session.wallClock.endsAt)}{' '}
        {session.timezone === ALBERTA_ZONE ? ALBERTA_TIME : session.timezone}
      </time>
      {yours && <span className="session-time-yours"> · {yours}</span>}
    </span>
  );
}

export function audienceLabel(s: Pick<ScheduledSession, 'audience' | 'audienceMaxYears'>): string {
  if (s.audience === 'articling_students') return 'For articling students';
  if (s.audience === 'volunteers') return 'Volunteer meeting (volunteers and staff only)';
  if (s.audience === 'early_career') return `For articling students and lawyers up to ${s.audienceMaxYears ?? '?'} years of call`;
  return 'Everyone welcome';
}
