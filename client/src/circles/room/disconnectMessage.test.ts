import { DisconnectReason } from 'livekit-client';
import { describe, expect, test } from 'vitest';
import { LOCALES } from '../../../../shared/i18n/locales';
import { translator } from '../../../../shared/i18n/catalog';
import { CONNECT_FAILED_MESSAGE, disconnectMessage, UNAVAILABLE_PREFIX, unavailableMessage } from './disconnectMessage';

const en = translator('en-CA');
const fr = translator('fr-CA');

describe('failure notices', () => {
  test.each([
    ['Audio and video are unavailable right now. Try later.', 'Audio and video are unavailable right now. Try later.'],
    ['LiveKit is down.', 'Audio and video are unavailable. LiveKit is down.'],
  ])('unavailableMessage(%j)', (input, expected) => {
    expect(unavailableMessage(en, input)).toBe(expected);
  });

  test('in French, the server’s reason is introduced in French', () => {
    expect(unavailableMessage(fr, 'LiveKit est en panne.')).toBe('L’audio et la vidéo ne sont pas disponibles. LiveKit est en panne.');
    expect(unavailableMessage(fr, 'L’audio et la vidéo ne sont pas disponibles pour le moment.')).toBe('L’audio et la vidéo ne sont pas disponibles pour le moment.');
  });

  test.each(LOCALES.flatMap((locale) => [undefined, DisconnectReason.SERVER_SHUTDOWN, DisconnectReason.DUPLICATE_IDENTITY, DisconnectReason.ROOM_DELETED, DisconnectReason.PARTICIPANT_REMOVED].map((r) => [locale, r] as const)))(
    '%s: disconnectMessage(%s) starts with the common prefix',
    (locale, reason) => {
      const t = translator(locale);
      expect(t(disconnectMessage(reason)).startsWith(t(UNAVAILABLE_PREFIX))).toBe(true);
      expect(t(CONNECT_FAILED_MESSAGE).startsWith(t(UNAVAILABLE_PREFIX))).toBe(true);
    },
  );
});
