import { describe, expect, it } from 'vitest';
import { CIRCLE_KEY_BYTES, createCircleKeys } from './circleKeys';

const SECRET = 'e2ee-test-secret-0123456789-abcdefghij';

describe('circle media keys', () => {
  it('are the same on two instances with the same secret', () => {
    const a = createCircleKeys(SECRET).keyFor('rmcc_2026-11-30', 0);
    const b = createCircleKeys(SECRET).keyFor('rmcc_2026-11-30', 0);
    expect(a).toHaveLength(CIRCLE_KEY_BYTES);
    expect(a.equals(b)).toBe(true);
  });

  it.each([
    ['another epoch', 'rmcc_2026-11-30', 1, SECRET],
    ['another session', 'rmcc_2026-12-07', 0, SECRET],
    ['another secret', 'rmcc_2026-11-30', 0, `${SECRET}x`],
    ['a session id that ends like an epoch', 'rmcc_2026-11-30:0', 0, SECRET],
  ])('differ for %s', (_case, session, epoch, secret) => {
    const base = createCircleKeys(SECRET).keyFor('rmcc_2026-11-30', 0);
    expect(createCircleKeys(secret).keyFor(session, epoch).equals(base)).toBe(false);
  });

  it('refuse a short secret and a nonsense epoch', () => {
    expect(() => createCircleKeys('short')).toThrow(RangeError);
    expect(() => createCircleKeys(SECRET).keyFor('s', -1)).toThrow(RangeError);
    expect(() => createCircleKeys(SECRET).keyFor('s', 1.5)).toThrow(RangeError);
  });
});
