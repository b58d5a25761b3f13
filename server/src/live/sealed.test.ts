import { describe, expect, it } from 'vitest';
import { createSealer, keyedHash, keyedHasher } from './sealed';

describe('keyed hashes', () => {
  it('a remembered hasher gives what keyedHash gives, for every value and purpose', () => {
    const rate = keyedHasher('secret-a', 'rate-limit');
    const other = keyedHasher('secret-a', 'commands');
    for (const id of ['u1', 'u2', 'u1', 'ü-3']) {
      expect(rate(id)).toBe(keyedHash('secret-a', 'rate-limit', id));
      expect(other(id)).toBe(keyedHash('secret-a', 'commands', id));
    }
    expect(rate('u1')).not.toBe(other('u1'));
    expect(keyedHasher('secret-b', 'rate-limit')('u1')).not.toBe(rate('u1'));
  });

  it('keeps answering the same past its memory’s bound', () => {
    const hash = keyedHasher('s', 'p');
    const first = hash('person-0');
    for (let i = 1; i <= 50_001; i++) hash(`person-${i}`);
    expect(hash('person-0')).toBe(first);
    expect(hash('person-50001')).toBe(keyedHash('s', 'p', 'person-50001'));
  });
});

describe('sealer', () => {
  it('opens what it sealed, and nothing sealed under another secret', () => {
    const a = createSealer('secret-a');
    const sealed = a.seal('Élise');
    expect(sealed).not.toContain('Élise');
    expect(a.open(sealed)).toBe('Élise');
    expect(createSealer('secret-b').open(sealed)).toBeNull();
    expect(a.open('plain')).toBeNull();
  });
});
