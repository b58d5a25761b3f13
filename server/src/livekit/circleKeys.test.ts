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

  it("give a matched pair's room a key of its own, unrelated to any circle's with the same id", () => {
    const keys = createCircleKeys(SECRET);
    const pair = keys.pairKeyFor('9d0b6f0e-2d7e-4a38-9a51-0d5c2f3f7c11');
    expect(pair).toHaveLength(CIRCLE_KEY_BYTES);
    expect(pair.equals(createCircleKeys(SECRET).pairKeyFor('9d0b6f0e-2d7e-4a38-9a51-0d5c2f3f7c11'))).toBe(true);
    expect(pair.equals(keys.keyFor('9d0b6f0e-2d7e-4a38-9a51-0d5c2f3f7c11', 0))).toBe(false);
    expect(pair.equals(keys.pairKeyFor('5f1c3a2b-8e4d-4c6f-b7a9-1e2d3c4b5a69'))).toBe(false);
  });

  it('refuse a short secret and a nonsense epoch', () => {
    expect(() => createCircleKeys('short')).toThrow(RangeError);
    expect(() => createCircleKeys(SECRET).keyFor('s', -1)).toThrow(RangeError);
    expect(() => createCircleKeys(SECRET).keyFor('s', 1.5)).toThrow(RangeError);
  });
});
