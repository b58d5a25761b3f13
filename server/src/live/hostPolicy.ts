import type { PublicUser } from '../../../shared/schemas/auth';

/** The volunteer host and backup assigned to a session in the schedule. */
export type SessionHostIds = (sessionId: string) => Promise<{ hostId: string | null; backupId: string | null }>;

/**
 * Host rights come from the schedule and the role, never from who joined first, so they survive a dropped
 * connection: staff may host any circle; a volunteer only the sessions they are assigned to (as host or backup).
 */
export async function isHostOf(user: PublicUser, sessionId: string, hostIds: SessionHostIds): Promise<boolean> {
  if (user.role === 'staff') return true;
  if (user.role !== 'volunteer') return false;
  const { hostId, backupId } = await hostIds(sessionId);
  return user.id === hostId || user.id === backupId;
}
