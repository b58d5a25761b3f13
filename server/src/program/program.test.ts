import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProgramConfig, publicProgram } from '../../../shared/schemas/program';
import { createI18n } from '../i18n/i18n';
import { holidayIn, holidaysOf } from '../scheduling/holidays';
import { weeklyCircleOf } from '../seed';
import { crisisPanel } from './crisisText';
import { DEFAULT_PROGRAM, loadProgram } from './program';

const root = path.resolve(import.meta.dirname, '../../..');
const NS_FILE = path.join(root, 'tests/fixtures/nova-scotia.json');
const NOVA_SCOTIA = loadProgram(NS_FILE);
const withLines = (counselling: ProgramConfig['counselling']): ProgramConfig => ({ ...DEFAULT_PROGRAM, counselling });

describe('the crisis panel', () => {
  it('is, for the built-in program, the English text it always was', () => {
    const panel = crisisPanel(createI18n(withLines({ phone: '1-877-555-0100', hours: { 'en-CA': 'Weekdays 8:30 a.m. to 4:30 p.m.' } })));
    expect(panel('en-CA')).toBe(
      'A Red Mug circle is peer support, not a crisis service. If you are in crisis or thinking about suicide, call or ' +
        'text 9-8-8 (Suicide Crisis Helpline), any time. For confidential professional counselling, call the ' +
        "society's counselling intake line at 1-877-555-0100 (Weekdays 8:30 a.m. to 4:30 p.m.); staff can also " +
        'connect you with one-to-one peer support.',
    );
    expect(crisisPanel(createI18n(withLines({ phone: '403 555 0100', hours: null })))('en-CA')).toContain('intake line at 403 555 0100; staff');
    // No line configured: named, not invented.
    expect(crisisPanel(createI18n(DEFAULT_PROGRAM))('en-CA')).toContain("call the society's counselling line; staff");
  });

  it("names the program's own lines in each of its languages", () => {
    const panel = crisisPanel(createI18n(NOVA_SCOTIA));
    expect(panel('fr-CA')).toMatch(/^Un cercle Tasse bleue offre du soutien par les pairs/);
    expect(panel('fr-CA')).toContain('appelez ou textez le 9-8-8 (Ligne d’aide en cas de crise de suicide)');
    expect(panel('fr-CA')).toContain('offerte par la Société d’entraide des juristes Bluenose, au 1-902-555-0142 (en semaine, de 9 h à 17 h, heure de l’Atlantique)');
    expect(panel('en-CA')).toContain("call the Bluenose Lawyers' Support Society's counselling intake line at 1-902-555-0142 (weekdays 9 a.m. to 5 p.m., Atlantic time)");
  });

  it("is the program's own text where the file gives one, in the reader's language or the default", () => {
    const panel = crisisPanel(createI18n({ ...NOVA_SCOTIA, crisis: { ...NOVA_SCOTIA.crisis, text: { 'fr-CA': 'Texte du programme.' } } }));
    expect(panel('fr-CA')).toBe('Texte du programme.');
    expect(panel('en-CA')).toBe('Texte du programme.');
  });
});

describe('the weekly circle', () => {
  it("is the program's: named after it, on its day, time and zone, in its default language", () => {
    expect(weeklyCircleOf(DEFAULT_PROGRAM)).toMatchObject({
      id: 'rmcc',
      title: 'Red Mug Coffee Circle',
      weekday: 1,
      startLocal: '12:00',
      durationMinutes: 60,
      timezone: 'America/Edmonton',
      defaultTopic: 'Open conversation: what is on your mind this week?',
      startsOn: '2026-01-05',
      skipHolidays: true,
    });
    expect(weeklyCircleOf(NOVA_SCOTIA)).toMatchObject({
      title: 'Cercle d’entraide des juristes de la Nouvelle-Écosse',
      weekday: 1,
      startLocal: '12:30',
      durationMinutes: 75,
      timezone: 'America/Halifax',
      defaultTopic: 'Tour de table : comment allez-vous, vraiment?',
    });
    const wednesday = { ...NOVA_SCOTIA, weeklyCircle: { ...NOVA_SCOTIA.weeklyCircle, weekday: 3 } };
    expect(weeklyCircleOf(wednesday).startsOn).toBe('2026-01-07');
  });

  it('is in what every page knows of the program: its day, time and zone, the same in every language', () => {
    expect(publicProgram(DEFAULT_PROGRAM, 'fr-CA').weeklyCircle).toEqual({ weekday: 1, start: '12:00', zone: 'America/Edmonton' });
    for (const locale of ['fr-CA', 'en-CA'] as const) {
      expect(publicProgram(NOVA_SCOTIA, locale)).toMatchObject({ zone: 'America/Halifax', weeklyCircle: { weekday: 1, start: '12:30', zone: 'America/Halifax' } });
    }
  });
});

describe('holidays', () => {
  it("are the program's region's general holidays, named in the reader's language", () => {
    const ns = NOVA_SCOTIA.holidays;
    expect(holidayIn(ns, '2027-02-15', 'fr-CA')).toBe('Fête du Patrimoine');
    expect(holidayIn(ns, '2027-02-15', 'en-CA')).toBe('Heritage Day');
    // Victoria Day and Thanksgiving are general holidays in Alberta, not in Nova Scotia.
    expect(holidayIn(ns, '2027-05-24', 'en-CA')).toBeNull();
    expect(holidaysOf(DEFAULT_PROGRAM.holidays)('2027-05-24')).not.toBeNull();
    // Natal Day is optional in Nova Scotia: the circle meets unless staff skip it.
    expect(holidayIn(ns, '2027-08-02', 'en-CA')).toBeNull();
  });
});

describe('a program file', () => {
  it('the fixture is a valid program, and a file must name the default language among its languages', () => {
    const raw = JSON.parse(readFileSync(NS_FILE, 'utf8')) as Record<string, unknown>;
    expect(ProgramConfig.safeParse(raw).success).toBe(true);
    const bad = ProgramConfig.safeParse({ ...raw, locales: ['en-CA'] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toContain('defaultLocale');
  });
});
