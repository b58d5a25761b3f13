import type { ScheduledSession } from '../../../shared/schemas/scheduling';
import { useStore } from '../store';
import { viewerTime, viewerZone, wallDate, wallTime, zoneLabelOf } from '../ui/formatCircleTime';

/** A session's date and time in Alberta time (from the server's wall clock), plus the viewer's own when it differs. */
export function SessionTime({ session }: { session: ScheduledSession }) {
  const locale = useStore((s) => s.locale);
  const yours = viewerTime(locale, session.startsAt, session.wallClock.startsAt, viewerZone(), session.timezone);
  return (
    <span className="session-time">
      <span>{wallDate(locale, session.wallClock.startsAt)}</span>{' '}
      <time dateTime={session.startsAt}>
        {wallTime(locale, session.wallClock.startsAt)}–{wallTime(locale, session.wallClock.endsAt)}{' '}
        {zoneLabelOf(session.timezone)}
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
