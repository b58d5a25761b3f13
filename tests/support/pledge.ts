import type { Clock } from '../../server/src/clock';
import type { Db } from '../../server/src/store/db';

/** Most tests are about something else: their people agreed to the confidentiality pledge just now. */
export async function agreeToPledge(app: { db: Db; clock: Clock }, ...userIds: string[]): Promise<void> {
  for (const id of userIds) {
    await app.db.query(
      'INSERT INTO confidentiality_pledges (user_id, agreed_at) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET agreed_at = EXCLUDED.agreed_at',
      [id, app.clock.now()],
    );
  }
}
