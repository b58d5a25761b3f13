import type { BroadcastOperator } from 'socket.io';
import type { ServerToClientEvents, SocketData } from '../../../shared/events';
import { LOCALES, type Locale } from '../../../shared/i18n/locales';
import type { Translate } from '../../../shared/i18n/translate';
import type { I18n } from '../i18n/i18n';
import type { LiveSocket } from './liveContext';

/**
 * Each socket sits in exactly one locale room, its person's language. The room is the truth (not socket.data),
 * so a change of language reaches that person's sockets on every instance through the adapter (socketsJoin).
 */
export const localeRoom = (locale: Locale) => `locale:${locale}`;

export function localeOfSocket(socket: Pick<LiveSocket, 'rooms'>, fallback: Locale): Locale {
  return LOCALES.find((l) => socket.rooms.has(localeRoom(l))) ?? fallback;
}

/** Puts a socket in the room of `locale`, out of any other. */
export function joinLocale(socket: LiveSocket, locale: Locale): void {
  for (const l of LOCALES) if (l !== locale && socket.rooms.has(localeRoom(l))) void socket.leave(localeRoom(l));
  void socket.join(localeRoom(locale));
}

type Operator = BroadcastOperator<ServerToClientEvents, SocketData>;

/**
 * A broadcast in each listener's own words: one emit per offered locale, to the target's sockets in that locale's
 * room. `target` is e.g. `io.to(room)` (or `io.local.to(room)`); `payload` builds the event's payload with a
 * translator.
 */
export function emitLocalized<E extends keyof ServerToClientEvents>(
  i18n: I18n,
  target: Operator,
  event: E,
  payload: (t: Translate, locale: Locale) => Parameters<ServerToClientEvents[E]>[0],
): void {
  for (const locale of i18n.offered) {
    const others = i18n.offered.filter((l) => l !== locale).map(localeRoom);
    const to = others.length ? target.except(others) : target;
    (to.emit as (event: string, payload: unknown) => boolean)(event, payload(i18n.t(locale), locale));
  }
}
