import type { PublicUser } from '../../../shared/schemas/auth';

/** The volunteer host and backup assigned to a session in the schedule. */
export type SessionHostIds = (sessionId: string) => Promise<{ hostId: string | null; backupId: string | null }>;

/** Whether a volunteer's readiness is current now (people/readiness.ts). */
export type IsCurrentVolunteer = (userId: string) => Promise<boolean>;

/**
 * Host rights come from the schedule and the role, never from who joined first, so they survive a dropped
 * connection: staff may host any circle; a volunteer only the sessions they are assigned to (as host or backup), and
 * only while their readiness is current.
 */
export async function isHostOf(user: PublicUser, sessionId: string, hostIds: SessionHostIds, isCurrent: IsCurrentVolunteer): Promise<boolean> {
  if (user.role === 'staff') return true;
  if (user.role !== 'volunteer') return false;
  const { hostId, backupId } = await hostIds(sessionId);
  if (user.id !== hostId && user.id !== backupId) return false;
  return isCurrent(user.id);
}
