import { describe, expect, it } from 'vitest';
import { translator } from '../../../shared/i18n/catalog';
import { formatCell, formatWaiting } from './formatWaiting';

const EN = translator('en-CA');
const FR = translator('fr-CA');
// ICU puts narrow or non-breaking spaces in French numbers ("41,4 %"); compared as plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('formatWaiting', () => {
  it.each([
    [0, 'under an hour', 'moins d’une heure'],
    [1, '1 hour', '1 heure'],
    [47, '47 hours', '47 heures'],
    [48, '2 days', '2 jours'],
    [24 * 9 + 5, '9 days', '9 jours'],
  ])('%i hours → %s', (h, en, fr) => {
    expect(formatWaiting(EN, h)).toBe(en);
    expect(formatWaiting(FR, h)).toBe(fr);
  });
});

describe('formatCell', () => {
  it.each([
    [{ count: null, share: null, suppressed: true }, 5, 'fewer than 5', 'moins de 5'],
    [{ count: 12, share: 41.4, suppressed: false }, 5, '12 (41.4 %)', '12 (41,4 %)'],
    [{ count: 0, share: 0, suppressed: false }, 10, '0 (0 %)', '0 (0 %)'],
  ])('%o → %s', (cell, threshold, en, fr) => {
    expect(formatCell(EN, cell, threshold)).toBe(en);
    expect(plain(formatCell(FR, cell, threshold))).toBe(fr);
  });
});
