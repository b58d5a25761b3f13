import type { PublicUser } from '../../../shared/schemas/auth';

/** The volunteer host and backup assigned to a session in the schedule. */
export type SessionHostIds = (sessionId: string) => Promise<{ hostId: string | null; backupId: string | null }>;

/** Whom a host-rights check is about: the account id and role are enough (a socket on another instance carries no more). */
export type HostCandidate = Pick<PublicUser, 'id' | 'role'>;

/** Whether a volunteer's readiness is current now (people/readiness.ts). */
export type IsCurrentVolunteer = (userId: string) => Promise<boolean>;

/**
 * Host rights come from the schedule, the role, the volunteer's readiness and the live circle's acting host, never
 * from who joined first, so they survive a dropped connection: staff may host any circle; a volunteer, only while
 * their readiness is current, the sessions they are assigned to (as host or backup) and the one session where they
 * are the acting host (they took over when the host was absent past the grace, or a host handed over to them).
 * Someone who hands over keeps host rights only if rostered.
 */
export function hostRule(
  user: HostCandidate,
  roster: { hostId: string | null; backupId: string | null },
  isActingHost: boolean,
  isCurrent: boolean,
): boolean {
  if (user.role === 'staff') return true;
  if (user.role !== 'volunteer' || !isCurrent) return false;
  return user.id === roster.hostId || user.id === roster.backupId || isActingHost;
}

/** `hostRule` with the roster and readiness looked up; `isActingHost` says whether this person is the session's acting host. */
export async function isHostOf(
  user: HostCandidate,
  sessionId: string,
  hostIds: SessionHostIds,
  isCurrent: IsCurrentVolunteer,
  isActingHost: () => Promise<boolean> = async () => false,
): Promise<boolean> {
  if (user.role === 'staff') return true;
  if (user.role !== 'volunteer') return false;
  const [roster, acting] = await Promise.all([hostIds(sessionId), isActingHost()]);
  // Readiness is asked only of someone who would otherwise host.
  return hostRule(user, roster, acting, true) && (await isCurrent(user.id));
}
