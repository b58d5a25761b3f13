import { LocalDate } from '../../../shared/schemas/scheduling';
import type { Queryable } from '../store/db';
import { schedulingRepository } from './scheduling.repository';
import { parseSessionId } from './sessionId';

/**
 * The volunteer host and backup assigned to one session (user ids), for host rights in the live circle: only
 * they and staff may moderate. Both are null when nobody is assigned, the assignment was declined, or the session
 * id is unknown. A moved session keeps its original id, so this works for it unchanged.
 *
 * @param db the store (or a transaction)
 * @param sessionId a session id, `${seriesId}_${YYYY-MM-DD}` of the original occurrence
 */
export async function sessionHostIds(db: Queryable, sessionId: string): Promise<{ hostId: string | null; backupId: string | null }> {
  const parsed = parseSessionId(sessionId);
  if (!parsed || !LocalDate.safeParse(parsed.localDate).success) return { hostId: null, backupId: null };
  const o = await schedulingRepository(db).override(parsed.seriesId, parsed.localDate);
  return { hostId: o?.hostId ?? null, backupId: o?.backupId ?? null };
}
