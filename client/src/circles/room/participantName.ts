import type { LiveParticipant } from '../../../../shared/schemas/live';

/**
 * The name to show on a tile: the display name chosen at join, as the live circle lists it for this identity.
 * LiveKit never carries names (its identities are opaque), so a tile never reads the LiveKit participant's name.
 */
export function participantName(participants: readonly LiveParticipant[], identity: string): string {
  const name = participants.find((p) => p.identity === identity)?.displayName.trim();
  return name ? name : 'Guest';
}
