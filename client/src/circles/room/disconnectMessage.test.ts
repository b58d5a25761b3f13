import { DisconnectReason } from 'livekit-client';
import { describe, expect, test } from 'vitest';
import { disconnectMessage, UNAVAILABLE_PREFIX, unavailableMessage } from './disconnectMessage';

describe('failure notices', () => {
  test.each([
    ['Audio and video are unavailable right now. Try later.', 'Audio and video are unavailable right now. Try later.'],
    ['LiveKit is down.', 'Audio and video are unavailable. LiveKit is down.'],
  ])('unavailableMessage(%j)', (input, expected) => {
    expect(unavailableMessage(input)).toBe(expected);
  });

  test.each([undefined, DisconnectReason.SERVER_SHUTDOWN, DisconnectReason.DUPLICATE_IDENTITY, DisconnectReason.ROOM_DELETED])(
    'disconnectMessage(%s) starts with the common prefix',
    (reason) => {
      expect(disconnectMessage(reason).startsWith(UNAVAILABLE_PREFIX)).toBe(true);
    },
  );
});
