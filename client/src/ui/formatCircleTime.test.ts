import { describe, expect, test } from 'vitest';
import { albertaTime, doorsOpen, viewerTime, wallDate } from './formatCircleTime';

// Monday noons, Alberta time, as instants (written out by hand from the published rule) and as the server's wall
// clock: a winter noon under the old rule (MST, UTC−7), a summer one (MDT, UTC−6), and one after 1 November 2026,
// when Alberta kept UTC−6 all year.
const OLD_WINTER = { iso: '2026-03-02T19:00:00.000Z', wall: '2026-03-02T12:00' };
const SUMMER = { iso: '2026-06-01T18:00:00.000Z', wall: '2026-06-01T12:00' };
const WINTER = { iso: '2026-11-30T18:00:00.000Z', wall: '2026-11-30T12:00' };

describe('formatCircleTime', () => {
  test.each([
    [WINTER.wall, '12:00 p.m. Alberta time'],
    [SUMMER.wall, '12:00 p.m. Alberta time'],
    [OLD_WINTER.wall, '12:00 p.m. Alberta time'],
  ])('albertaTime(%s) reads the wall clock without zone data', (wall, expected) => {
    expect(albertaTime(wall)).toBe(expected);
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
    expect(viewerTime(when.iso, when.wall, zone)).toBe(expected);
  });

  test('a viewer whose clock reads the same as Alberta sees the time once', () => {
    // Saskatchewan keeps UTC−6 all year, as Alberta now does: 18:00 UTC is noon in Regina too.
    expect(viewerTime(WINTER.iso, WINTER.wall, 'America/Regina')).toBeNull();
    // Under the old rule, 19:00 UTC in a Mountain winter read the same in Phoenix (UTC−7, no daylight time).
    expect(viewerTime(OLD_WINTER.iso, OLD_WINTER.wall, 'America/Phoenix')).toBeNull();
  });

  test.each([['2026-11-30T11:50'], ['2026-06-01T11:50']])('doorsOpen(%s)', (wall) => {
    expect(doorsOpen(wall)).toBe('Doors open Monday 11:50 a.m. Alberta time');
  });

  test('wallDate reads the Alberta date', () => {
    expect(wallDate(WINTER.wall)).toBe('Monday, November 30');
  });
});
