import { DisconnectReason } from 'livekit-client';
import type { MessageId } from '../../../../shared/i18n/catalog';
import type { Translate } from '../../../../shared/i18n/translate';

/** Every failure notice starts the same way, so people (and screen readers) recognise it at once. */
export const UNAVAILABLE_PREFIX = 'circles.unavailable.prefix' satisfies MessageId;

export const CONNECT_FAILED_MESSAGE = 'circles.unavailable.connectFailed' satisfies MessageId;

/** The server's reason when it had no media to offer (already in the person's words), worded to start like every other such notice. */
export function unavailableMessage(t: Translate, serverMessage: string): string {
  return serverMessage.startsWith(t(UNAVAILABLE_PREFIX)) ? serverMessage : t('circles.unavailable.withReason', { reason: serverMessage });
}

/** What to say when the room dropped us, by LiveKit's reason. */
export function disconnectMessage(reason: DisconnectReason | undefined): MessageId {
  switch (reason) {
    case DisconnectReason.DUPLICATE_IDENTITY:
      return 'circles.unavailable.duplicate';
    case DisconnectReason.PARTICIPANT_REMOVED:
      return 'circles.unavailable.removed';
    case DisconnectReason.ROOM_DELETED:
    case DisconnectReason.ROOM_CLOSED:
      return 'circles.unavailable.ended';
    default:
      return 'circles.unavailable.lost';
  }
}
