import { DisconnectReason } from 'livekit-client';

/** Every failure notice starts the same way, so people (and screen readers) recognise it at once. */
export const UNAVAILABLE_PREFIX = 'Audio and video are unavailable';

export const CONNECT_FAILED_MESSAGE =
  'Audio and video are unavailable right now: we could not connect to the circle. Check your internet connection ' +
  'and choose Try again. If it keeps happening, the video service may be down; try again in a few minutes.';

/** The server's reason when it had no media to offer, worded to start like every other such notice. */
export function unavailableMessage(serverMessage: string): string {
  return serverMessage.startsWith(UNAVAILABLE_PREFIX) ? serverMessage : `${UNAVAILABLE_PREFIX}. ${serverMessage}`;
}

/** What to say when the room dropped us, by LiveKit's reason. */
export function disconnectMessage(reason: DisconnectReason | undefined): string {
  switch (reason) {
    case DisconnectReason.DUPLICATE_IDENTITY:
      return `${UNAVAILABLE_PREFIX} in this window: you joined the circle from another window or device. Choose Try again to move the circle back here.`;
    case DisconnectReason.PARTICIPANT_REMOVED:
      return `${UNAVAILABLE_PREFIX}: a host removed you from the circle. If you think this was a mistake, contact staff.`;
    case DisconnectReason.ROOM_DELETED:
    case DisconnectReason.ROOM_CLOSED:
      return `${UNAVAILABLE_PREFIX}: the circle has ended. Thank you for coming. Leave to see when the next one meets.`;
    default:
      return (
        `${UNAVAILABLE_PREFIX} right now: the connection to the circle was lost. Check your internet connection ` +
        'and choose Try again.'
      );
  }
}
