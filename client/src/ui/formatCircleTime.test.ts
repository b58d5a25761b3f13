import { beforeAll, describe, expect, test } from 'vitest';
import { loadCatalog } from '../i18n/catalogs';
import { useStore } from '../store';
import { circleTime, doorsOpen, programDateTime, viewerTime, wallDate, wallTime, zoneLabelOf } from './formatCircleTime';

// Monday noons, Alberta time, as instants (written out by hand from the published rule) and as the server's wall
// clock: a winter noon under the old rule (MST, UTC−7), a summer one (MDT, UTC−6), and one after 1 November 2026,
// when Alberta kept UTC−6 all year.
const OLD_WINTER = { iso: '2026-03-02T19:00:00.000Z', wall: '2026-03-02T12:00' };
const SUMMER = { iso: '2026-06-01T18:00:00.000Z', wall: '2026-06-01T12:00' };
const WINTER = { iso: '2026-11-30T18:00:00.000Z', wall: '2026-11-30T12:00' };

// The page fetches its language's words before it shows any (main.tsx); here both languages are read.
beforeAll(() => Promise.all([loadCatalog('en-CA'), loadCatalog('fr-CA')]));

// The program's zone and its label come from the session answer, in the person's language.
const program = (zoneLabel: string) =>
  useStore.setState({
    program: {
      name: 'Red Mug Coffee Circle',
      shortName: 'Red Mug',
      society: 'the society',
      logoUrl: null,
      accentColour: '#b3261e',
      zone: 'America/Edmonton',
      zoneLabel,
      weeklyCircle: { weekday: 1, start: '12:00', zone: 'America/Edmonton' },
      crisis: { number: '9-8-8', name: 'Suicide Crisis Helpline', text: null },
      counselling: null,
      supportEmail: null,
      locales: ['en-CA', 'fr-CA'],
      defaultLocale: 'en-CA',
    },
  });

describe('formatCircleTime in English', () => {
  beforeAll(() => program('Alberta time'));

  test.each([
    [WINTER.wall, '12:00 p.m. Alberta time'],
    [SUMMER.wall, '12:00 p.m. Alberta time'],
    [OLD_WINTER.wall, '12:00 p.m. Alberta time'],
  ])('circleTime(%s) reads the wall clock without zone data', (wall, expected) => {
    expect(circleTime('en-CA', wall)).toBe(expected);
  });

  test.each([
    ['America/Edmonton', WINTER, null],
    ['America/Toronto', WINTER, '1:00 p.m. Eastern Standard Time (your time)'],
    ['America/Toronto', SUMMER, '2:00 p.m. Eastern Daylight Time (your time)'],
    ['America/Toronto', OLD_WINTER, '2:00 p.m. Eastern Standard Time (your time)'],
    ['America/Vancouver', SUMMER, '11:00 a.m. Pacific Daylight Time (your time)'],
    ['America/Phoenix', WINTER, '11:00 a.m. Mountain Standard Time (your time)'],
    ['Asia/Tokyo', WINTER, 'Tuesday, December 1, 3:00 a.m. Japan Standard Time (your time)'],
  ])('viewerTime in %s', (zone, when, expected) => {
    expect(viewerTime('en-CA', when.iso, when.wall, zone)).toBe(expected);
  });

  test('a viewer whose clock reads the same as Alberta sees the time once', () => {
    // Saskatchewan keeps UTC−6 all year, as Alberta now does: 18:00 UTC is noon in Regina too.
    expect(viewerTime('en-CA', WINTER.iso, WINTER.wall, 'America/Regina')).toBeNull();
    // Under the old rule, 19:00 UTC in a Mountain winter read the same in Phoenix (UTC−7, no daylight time).
    expect(viewerTime('en-CA', OLD_WINTER.iso, OLD_WINTER.wall, 'America/Phoenix')).toBeNull();
  });

  test.each([['2026-11-30T11:50'], ['2026-06-01T11:50']])('doorsOpen(%s)', (wall) => {
    expect(doorsOpen('en-CA', wall)).toBe('Doors open Monday 11:50 a.m. Alberta time');
  });

  test('wall dates and times, and an instant in the program zone', () => {
    expect(wallDate('en-CA', WINTER.wall)).toBe('Monday, November 30');
    expect(wallDate('en-CA', '2026-12-07T12:00')).toBe('Monday, December 7');
    expect(wallTime('en-CA', '2026-12-07T12:00')).toBe('12:00 p.m.');
    expect(programDateTime('en-CA', '2026-12-07T19:30:00.000Z')).toBe('Monday, December 7, 1:30 p.m. Alberta time');
  });

  test('the program zone goes by its label, any other by its name', () => {
    expect(zoneLabelOf('America/Edmonton')).toBe('Alberta time');
    expect(zoneLabelOf('America/Halifax')).toBe('America/Halifax');
  });
});

describe('formatCircleTime in French', () => {
  beforeAll(() => program('heure de l’Alberta'));

  test('French typography: "12 h", "11 h 50", "lundi 7 décembre"', () => {
    expect(wallTime('fr-CA', '2026-12-07T12:00')).toBe('12 h');
    expect(wallDate('fr-CA', '2026-12-07T12:00')).toBe('lundi 7 décembre');
    expect(circleTime('fr-CA', WINTER.wall)).toBe('12 h, heure de l’Alberta');
    expect(doorsOpen('fr-CA', '2026-11-30T11:50')).toBe('Les portes ouvrent lundi à 11 h 50, heure de l’Alberta');
    expect(programDateTime('fr-CA', '2026-12-07T19:30:00.000Z')).toBe('lundi 7 décembre, 13 h 30, heure de l’Alberta');
  });

  test('the viewer’s own time, in French', () => {
    expect(viewerTime('fr-CA', WINTER.iso, WINTER.wall, 'America/Edmonton')).toBeNull();
    expect(viewerTime('fr-CA', WINTER.iso, WINTER.wall, 'America/Toronto')).toBe('13 h, heure normale de l’Est (votre heure)');
    expect(viewerTime('fr-CA', WINTER.iso, WINTER.wall, 'Asia/Tokyo')).toBe('mardi 1 décembre, 3 h, heure normale du Japon (votre heure)');
    expect(viewerTime('fr-CA', WINTER.iso, WINTER.wall, 'America/Regina')).toBeNull();
  });
});
