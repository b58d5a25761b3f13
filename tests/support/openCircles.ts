import { DateTime } from 'luxon';
import { circlesRepository } from '../../server/src/circles/circles.repository';
import { sessionIdOf } from '../../server/src/circles/sessionId';
import type { Db } from '../../server/src/store/db';

/**
 * A weekly series whose drop-in window is open right now (started five minutes ago, three hours long), for
 * tests that run the real server with the real clock. Returns the id of the session in progress.
 */
export async function openCircleNow(db: Db, seriesId: string, topic: string | null = null, now = new Date()): Promise<string> {
  const start = DateTime.fromJSDate(now, { zone: 'UTC' }).minus({ minutes: 5 });
  await circlesRepository(db).insertSeries({
    id: seriesId,
    title: `Test circle ${seriesId}`,
    description: '',
    weekday: start.weekday,
    start_local: start.toFormat('HH:mm'),
    duration_minutes: 180,
    timezone: 'UTC',
    default_topic: topic,
    starts_on: start.minus({ weeks: 1 }).toISODate()!,
  });
  // A test must not find its circle skipped because it happens to run on an Alberta holiday.
  await db.query('UPDATE circle_series SET skip_holidays = false WHERE id = $1', [seriesId]);
  return sessionIdOf(seriesId, start.toISODate()!);
}
