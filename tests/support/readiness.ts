import { DateTime } from 'luxon';
import type { Clock } from '../../server/src/clock';
import { readinessToday } from '../../server/src/people/readiness';
import type { Db } from '../../server/src/store/db';

/**
 * Most tests are about something else: their volunteers are current (issue #18, item 2), with their training and
 * confidentiality undertaking recorded 60 days before the app's now (so a test may move its clock a little back or
 * months ahead and they stay current).
 */
export async function recordReadiness(app: { db: Db; clock: Clock }, ...userIds: string[]): Promise<void> {
  // Today in the zone of the program the app runs (60 days back, a day either way makes no difference).
  const on = DateTime.fromISO(readinessToday(app.clock.now())).minus({ days: 60 }).toISODate();
  for (const id of userIds) {
    await app.db.query(
      `INSERT INTO volunteer_readiness (user_id, training_completed_on, undertaking_signed_on, updated_at) VALUES ($1, $2, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET training_completed_on = EXCLUDED.training_completed_on, undertaking_signed_on = EXCLUDED.undertaking_signed_on`,
      [id, on, app.clock.now()],
    );
  }
}
