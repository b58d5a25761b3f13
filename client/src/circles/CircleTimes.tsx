import type { CircleSession } from '../../../shared/schemas/circles';
import { albertaTime, viewerTime, viewerZone, wallDate } from '../ui/formatCircleTime';

/** When a circle meets: Alberta time always, the viewer's own time too when it reads differently. */
export function CircleTimes({ session }: { session: CircleSession }) {
  const yours = viewerTime(session.startsAt, session.wallClock.startsAt, viewerZone(), session.timezone);
  return (
    <div className="circle-times">
      <p className="circle-date">{wallDate(session.wallClock.startsAt)}</p>
      <p className="circle-time">
        <time dateTime={session.startsAt}>{albertaTime(session.wallClock.startsAt)}</time>
      </p>
      {yours && <p className="circle-time-yours">{yours}</p>}
    </div>
  );
}
