import type { BroadcastOperator, Namespace } from 'socket.io';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from '../../../shared/events';
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

/**
 * A local broadcast (this instance's sockets only) in each listener's own words, for the hot path (a chat line):
 * the sockets in `to` are grouped by their locale room, so a circle whose people all read one language costs one
 * emit, encoded once, and a mixed one an emit per language present. `emitLocalized` instead excepts the other
 * locales' rooms, which walks every socket of those languages on the instance for each message; it stays for
 * broadcasts through the adapter (other instances), which cannot be grouped here.
 */
export function emitLocalizedHere<E extends keyof ServerToClientEvents>(
  i18n: I18n,
  nsp: Namespace<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>,
  localeOf: (socket: LiveSocket) => Locale,
  to: string | readonly string[],
  event: E,
  payload: (t: Translate, locale: Locale) => Parameters<ServerToClientEvents[E]>[0],
): void {
  const rooms = typeof to === 'string' ? [to] : to;
  const groups = new Map<Locale, string[]>();
  const seen = rooms.length > 1 ? new Set<string>() : null;
  for (const room of rooms) {
    for (const id of nsp.adapter.rooms.get(room) ?? []) {
      const socket = nsp.sockets.get(id);
      if (!socket || seen?.has(id)) continue;
      seen?.add(id);
      const locale = localeOf(socket);
      const group = groups.get(locale);
      if (group) group.push(id);
      else groups.set(locale, [id]);
    }
  }
  const emit = (target: string | string[], locale: Locale) =>
    (nsp.local.to(target).emit as (event: string, payload: unknown) => boolean)(event, payload(i18n.t(locale), locale));
  // One language among them (the usual circle): the rooms as given, one encoding.
  if (groups.size === 1) return void emit([...rooms], groups.keys().next().value!);
  for (const [locale, ids] of groups) emit(ids, locale);
}
