import { useParticipantAttributes } from '@livekit/components-react';
import type { Participant } from 'livekit-client';
import { ParticipantAttributes } from '../../../../shared/schemas/circles';

/**
 * Whether a participant wears the red mug. The server sets the attribute in the token and participants cannot
 * change their own, so the badge is trustworthy; the hook follows attribute changes as they arrive.
 */
export function useRedMugBadge(participant: Participant): { redMug: boolean; role: ParticipantAttributes['role'] | null } {
  const { attributes } = useParticipantAttributes({ participant });
  const parsed = ParticipantAttributes.safeParse(attributes ?? {});
  if (!parsed.success) return { redMug: false, role: null };
  return { redMug: parsed.data.badge === 'red-mug', role: parsed.data.role };
}
