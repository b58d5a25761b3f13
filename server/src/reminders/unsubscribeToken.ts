import { timingSafeEqual } from 'node:crypto';
import { ReminderList, UnsubscribeToken } from '../../../shared/schemas/reminders';
import { keyedHash } from '../live/sealed';

/**
 * One-click unsubscribe tokens, one per person and list: `<list>.<account id>.<HMAC of both under the app secret>`.
 * They carry no e-mail address, cannot be made for another person or list without the secret, and need no table:
 * leaving a list is idempotent, so a token may work for as long as the list exists.
 */
const PURPOSE = 'rm:unsubscribe';

const idToText = (userId: string) => Buffer.from(userId.replace(/-/g, ''), 'hex').toString('base64url');
function textToId(text: string): string | null {
  const hex = Buffer.from(text, 'base64url').toString('hex');
  if (hex.length !== 32) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function unsubscribeToken(secret: string, userId: string, list: ReminderList): string {
  return `${list}.${idToText(userId)}.${keyedHash(secret, PURPOSE, `${list}\u0000${userId}`)}`;
}

/** The person and list a token names, or null when it was not made with this secret (forged or altered). */
export function readUnsubscribeToken(secret: string, token: string): { userId: string; list: ReminderList } | null {
  if (!UnsubscribeToken.safeParse(token).success) return null;
  const [listText, idText, mac] = token.split('.') as [string, string, string];
  const list = ReminderList.safeParse(listText);
  const userId = textToId(idText);
  if (!list.success || !userId || idToText(userId) !== idText) return null;
  const expected = Buffer.from(keyedHash(secret, PURPOSE, `${list.data}\u0000${userId}`));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { userId, list: list.data };
}
