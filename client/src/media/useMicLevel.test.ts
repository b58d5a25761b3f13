import { describe, expect, test } from 'vitest';
import { levelOf } from './useMicLevel';

const tone = (amplitude: number) => Float32Array.from({ length: 1024 }, (_, i) => amplitude * Math.sin(i / 5));

describe('levelOf', () => {
  test.each([
    ['silence', new Float32Array(1024), 0],
    ['a whisper below the floor', tone(0.0005), 0],
    ['full scale', tone(1), 100],
  ])('%s', (_name, samples, expected) => {
    expect(levelOf(samples)).toBe(expected);
  });

  test('louder is higher', () => {
    expect(levelOf(tone(0.05))).toBeGreaterThan(levelOf(tone(0.01)));
  });
});
