import type { LiveParticipant } from '../../../../shared/schemas/live';

/**
 * The name to show on a tile: the display name chosen at join, as the live circle lists it for this identity, or
 * null while it lists none (the tile then says "Guest" in the person's language). LiveKit never carries names (its
 * identities are opaque), so a tile never reads the LiveKit participant's name.
 */
export function participantName(participants: readonly LiveParticipant[], identity: string): string | null {
  const name = participants.find((p) => p.identity === identity)?.displayName.trim();
  return name ? name : null;
}
