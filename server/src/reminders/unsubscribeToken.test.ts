import { describe, expect, it } from 'vitest';
import { REMINDER_LISTS } from '../../../shared/schemas/reminders';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribeToken';

const SECRET = 'unit-test-secret-0123456789abcdef0123';
const ID = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';

describe('unsubscribe tokens', () => {
  it.each(REMINDER_LISTS)('name the person and the list %s, and nothing else', (list) => {
    const token = unsubscribeToken(SECRET, ID, list);
    expect(token.startsWith(`${list}.`)).toBe(true);
    expect(token).not.toContain(ID);
    expect(readUnsubscribeToken(SECRET, token)).toEqual({ userId: ID, list });
  });

  const good = unsubscribeToken(SECRET, ID, 'circle_day');
  const [, id, mac] = good.split('.') as [string, string, string];
  it.each([
    ['another secret', unsubscribeToken('another-secret-0123456789abcdef01234', ID, 'circle_day')],
    ['another list, same signature', `changes.${id}.${mac}`],
    ['another person, same signature', `circle_day.${'B'.repeat(22)}.${mac}`],
    ['an altered signature', `circle_day.${id}.${mac.slice(0, -1)}${mac.endsWith('x') ? 'y' : 'x'}`],
    ['an unknown list', `everything.${id}.${mac}`],
    ['no signature', `circle_day.${id}`],
    ['empty', ''],
    ['overlong', `circle_day.${id}.${mac}${'A'.repeat(500)}`],
  ])('refuse %s', (_label, token) => {
    expect(readUnsubscribeToken(SECRET, token)).toBeNull();
  });
});
