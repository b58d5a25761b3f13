import { isParticipantRole, type ParticipantRole, type PublicUser } from '../../../shared/schemas/auth';
import type { MessageId } from '../../../shared/i18n/catalog';
import { AppError } from '../http/errors';

/** What an auditor is told wherever they are refused: they read the audit log, and that is all. */
export const AUDITOR_REFUSAL: MessageId = 'live.auditorRefusal';

/**
 * The role someone takes part in circles and peer support with. Anyone who does not take part (an auditor) gets
 * a 403 here, before any room, token or live state is touched.
 */
export function participantRole(user: PublicUser): ParticipantRole {
  if (!isParticipantRole(user.role)) throw new AppError(403, 'FORBIDDEN', AUDITOR_REFUSAL);
  return user.role;
}
