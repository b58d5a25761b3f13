import { DateTime } from 'luxon';
import { schedulingRepository, WEEKLY_DEFAULTS } from '../../server/src/scheduling/scheduling.repository';
import { sessionIdOf } from '../../server/src/scheduling/sessionId';
import type { Db } from '../../server/src/store/db';

/**
 * A weekly series whose drop-in window is open right now, for tests that run the real server with the real clock
 * (a browser or LiveKit reads it too). It started two hours ago (or at midnight UTC, if that is later) and runs
 * five hours, so it is open for the whole test and comes before a real Monday circle that happens to be in
 * progress (which started at most an hour ago): the home page offers this one. Returns the session's id.
 */
export async function openCircleNow(db: Db, seriesId: string, topic: string | null = null, now = new Date()): Promise<string> {
  // Never before today's midnight (UTC), so the session's date is today's: reports by date and year find it.
  const utc = DateTime.fromJSDate(now, { zone: 'UTC' });
  const start = DateTime.max(utc.minus({ hours: 2 }), utc.startOf('day'));
  await schedulingRepository(db).insertSeries(
    {
      ...WEEKLY_DEFAULTS,
      id: seriesId,
      title: `Test circle ${seriesId}`,
      description: '',
      weekday: start.weekday,
      startLocal: start.toFormat('HH:mm'),
      durationMinutes: 300,
      timezone: 'UTC',
      defaultTopic: topic,
      startsOn: start.minus({ weeks: 1 }).toISODate()!,
      // A test must not find its circle skipped because it happens to run on an Alberta holiday.
      skipHolidays: false,
    },
    null,
    { ifAbsent: true },
  );
  return sessionIdOf(seriesId, start.toISODate()!);
}

/**
 * A pop-up circle that started `minutesAgo` minutes before the real now (to the minute, rounded down), running
 * two hours, with its host and backup on the roster: for what happens some minutes after a start (the host's
 * grace). Kept clear of midnight in its zone (UTC, or Tokyo when UTC is near midnight) so it is one day's pop-up.
 * Returns the session's id and the start as the server computes it.
 */
export async function popupStartedAgo(
  db: Db,
  seriesId: string,
  minutesAgo: number,
  roster: { hostId?: string | null; backupId?: string | null } = {},
  now = new Date(),
): Promise<{ sessionId: string; startsAt: Date }> {
  const startUtc = DateTime.fromJSDate(now, { zone: 'UTC' }).startOf('minute').minus({ minutes: minutesAgo });
  const zone = startUtc.hour >= 1 && startUtc.hour < 21 ? 'UTC' : 'Asia/Tokyo';
  const start = startUtc.setZone(zone);
  const date = start.toISODate()!;
  const repo = schedulingRepository(db);
  await repo.insertSeries(
    {
      ...WEEKLY_DEFAULTS,
      kind: 'popup',
      id: seriesId,
      title: `Pop-up ${seriesId}`,
      description: '',
      weekday: start.weekday,
      startLocal: start.toFormat('HH:mm'),
      durationMinutes: 120,
      timezone: zone,
      defaultTopic: null,
      startsOn: date,
      endsOn: date,
      skipHolidays: false,
    },
    null,
  );
  if (roster.hostId || roster.backupId) {
    const by = roster.hostId ?? roster.backupId!;
    await repo.patchOverride(seriesId, date, { hostId: roster.hostId ?? null, backupId: roster.backupId ?? null }, by);
  }
  return { sessionId: sessionIdOf(seriesId, date), startsAt: start.toJSDate() };
}
