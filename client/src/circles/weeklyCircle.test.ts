import { describe, expect, it } from 'vitest';
import { translator } from '../../../shared/i18n/catalog';
import { weeklyCircleValues } from './weeklyCircle';

/** The home page's "about" sentence for a program's weekly circle, in each language, up to its first comma after the zone. */
function lead(locale: 'en-CA' | 'fr-CA', zone: string, circle: { weekday: number; start: string; zone: string }): string {
  const text = translator(locale, { zone })('circles.home.about.weekly', weeklyCircleValues(locale, circle));
  return text.slice(0, text.indexOf(zone) + zone.length);
}

describe('the weekly circle in words', () => {
  const alberta = { weekday: 1, start: '12:00', zone: 'America/Edmonton' };
  const novaScotia = { weekday: 1, start: '12:30', zone: 'America/Halifax' };

  it('says the built-in program’s Monday noon in English and French', () => {
    expect(lead('en-CA', 'Alberta time', alberta)).toBe('Every Monday at noon, Alberta time');
    expect(lead('fr-CA', 'heure de l’Alberta', alberta)).toBe('Tous les lundis à 12 h, heure de l’Alberta');
  });

  it('says another program’s own day, time and zone', () => {
    expect(lead('en-CA', 'Atlantic time', novaScotia)).toBe('Every Monday at 12:30 p.m., Atlantic time');
    expect(lead('fr-CA', 'heure de l’Atlantique', novaScotia)).toBe('Tous les lundis à 12 h 30, heure de l’Atlantique');
  });

  it.each([
    [2, '08:00', 'Every Tuesday at 8:00 a.m.', 'Tous les mardis à 8 h'],
    [3, '17:15', 'Every Wednesday at 5:15 p.m.', 'Tous les mercredis à 17 h 15'],
    [4, '00:30', 'Every Thursday at 12:30 a.m.', 'Tous les jeudis à 0 h 30'],
    [5, '12:00', 'Every Friday at noon', 'Tous les vendredis à 12 h'],
    [6, '09:45', 'Every Saturday at 9:45 a.m.', 'Tous les samedis à 9 h 45'],
    [7, '19:00', 'Every Sunday at 7:00 p.m.', 'Tous les dimanches à 19 h'],
  ])('weekday %i at %s', (weekday, start, en, fr) => {
    const circle = { weekday, start, zone: 'America/Halifax' };
    expect(lead('en-CA', 'Atlantic time', circle)).toBe(`${en}, Atlantic time`);
    expect(lead('fr-CA', 'heure de l’Atlantique', circle)).toBe(`${fr}, heure de l’Atlantique`);
  });
});
