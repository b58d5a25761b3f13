import { wallDate, wallTime } from '../../../shared/i18n/formatTime';
import type { MessageId } from '../../../shared/i18n/catalog';
import type { ScheduledSession } from '../../../shared/schemas/scheduling';
import { useT, type T } from '../i18n/useT';
import { useStore } from '../store';
import { viewerTime, viewerZone, zoneLabelOf } from './circleTime';

/**
 * A session's date and time in its circle's zone (from the server's wall clock, named as the program names its
 * zone: "Alberta time"), in the person's locale, plus the viewer's own when it differs.
 */
export function SessionTime({ session }: { session: ScheduledSession }) {
  const t = useT();
  const program = useStore((s) => s.program);
  const yours = viewerTime(t, session.startsAt, session.wallClock.startsAt, viewerZone(), session.timezone);
  return (
    <span className="session-time">
      <span>{wallDate(t.locale, session.wallClock.startsAt)}</span> <time dateTime={session.startsAt}>
        {t('scheduling.time.span', {
          start: wallTime(t.locale, session.wallClock.startsAt),
          end: wallTime(t.locale, session.wallClock.endsAt),
          zone: zoneLabelOf(program, session.timezone),
        })}
      </time>
      {yours && (
        <span className="session-time-yours">
          {t('scheduling.dot')}
          {yours}
        </span>
      )}
    </span>
  );
}

export function audienceLabel(t: T, s: Pick<ScheduledSession, 'audience' | 'audienceMaxYears'>): string {
  const ids: Record<ScheduledSession['audience'], MessageId> = {
    everyone: 'scheduling.audience.everyone',
    articling_students: 'scheduling.audience.articlingStudents',
    early_career: 'scheduling.audience.earlyCareer',
    volunteers: 'scheduling.audience.volunteers',
  };
  return t(ids[s.audience], { years: s.audienceMaxYears ?? '?' });
}

/** "Online", or "In person, Edmonton": how a circle meets. */
export function formatText(t: T, s: Pick<ScheduledSession, 'format' | 'location'>): string {
  if (s.format !== 'in_person') return t('scheduling.format.online');
  return s.location ? t('scheduling.format.inPersonAt', { location: s.location }) : t('scheduling.format.inPerson');
}
