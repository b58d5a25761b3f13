import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../shared/i18n/locales';
import { translator } from '../../../shared/i18n/catalog';
import { countText, dayText, milestoneNameText, milestoneWhenText, shareText, type Words } from './figures';

const words = (locale: Locale): Words => Object.assign(translator(locale, { programShort: 'Red Mug' }), { locale });
const EN = words('en-CA');
const FR = words('fr-CA');
// ICU puts narrow or non-breaking spaces in French numbers ("1 440", "41,4 %"); compared as plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('countText', () => {
  it.each([
    [null, 5, 'fewer than 5', 'moins de 5'],
    [0, 5, '0', '0'],
    [1440, 10, '1,440', '1 440'],
  ])('%s (threshold %i) → %s', (count, threshold, en, fr) => {
    expect(countText(EN, count, threshold)).toBe(en);
    expect(plain(countText(FR, count, threshold))).toBe(fr);
  });
});

describe('shareText', () => {
  it.each([
    [{ count: 41, share: 41 }, 100, '41 %', '41 %'],
    [{ count: 12, share: 42.9 }, 28, '42.9 %', '42,9 %'],
    [{ count: 0, share: null }, 0, 'no requests', 'aucune demande'],
    [{ count: null, share: null }, 20, 'withheld', 'masquée'],
  ])('%o of %s → %s', (s, base, en, fr) => {
    expect(shareText(EN, s, base)).toBe(en);
    expect(plain(shareText(FR, s, base))).toBe(fr);
  });
});

describe('milestones', () => {
  it('names a milestone as an ordinal', () => {
    expect(milestoneNameText(EN, { count: 300 })).toBe('300th match');
    expect(milestoneNameText(FR, { count: 300 })).toBe('300e jumelage');
  });

  it.each([
    [{ year: 2026, month: 3 }, 'March 2026', 'mars 2026'],
    [{ year: 2022, month: null }, '2022', '2022'],
    [{ year: null, month: null }, 'before Red Mug (year not recorded)', 'avant Red Mug (année non consignée)'],
  ])('%o → %s', (m, en, fr) => {
    expect(milestoneWhenText(EN, m)).toBe(en);
    expect(milestoneWhenText(FR, m)).toBe(fr);
  });
});

describe('dayText', () => {
  it('reads a calendar day in the locale, the first of the month as French writes it', () => {
    expect(dayText('en-CA', '2026-01-01')).toBe('January 1, 2026');
    expect(dayText('fr-CA', '2026-01-01')).toBe('1er janvier 2026');
    expect(dayText('fr-CA', '2026-12-31')).toBe('31 décembre 2026');
  });
});

describe('the reports catalog', () => {
  it('counts audit actions with plurals in both languages', () => {
    expect(EN('reports.audit.shown', { count: 1 })).toBe('1 action shown');
    expect(EN('reports.audit.shown', { count: 50 })).toBe('50 actions shown');
    expect(FR('reports.audit.shown', { count: 1 })).toBe('1 action affichée');
    expect(FR('reports.audit.shown', { count: 50 })).toBe('50 actions affichées');
  });
});
