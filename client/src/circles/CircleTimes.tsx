import type { CircleSession } from '../../../shared/schemas/circles';
import { useStore } from '../store';
import { circleTime, viewerTime, viewerZone, wallDate } from '../ui/formatCircleTime';

/** When a circle meets: by the circle's own clock always ("Alberta time"), the viewer's own time too when it reads differently. */
export function CircleTimes({ session }: { session: CircleSession }) {
  const locale = useStore((s) => s.locale);
  const yours = viewerTime(locale, session.startsAt, session.wallClock.startsAt, viewerZone(), session.timezone);
  return (
    <div className="circle-times">
      <p className="circle-date">{wallDate(locale, session.wallClock.startsAt)}</p>
      <p className="circle-time">
        <time dateTime={session.startsAt}>{circleTime(locale, session.wallClock.startsAt)}</time>
      </p>
      {yours && <p className="circle-time-yours">{yours}</p>}
    </div>
  );
}
