import { describe, expect, test } from 'vitest';
import { albertaTime, doorsOpen, viewerTime, wallDate } from './formatCircleTime';

// Winter (MST, UTC−7) and summer (MDT, UTC−6) Monday noons, as instants and as the server's wall clock.
const WINTER = { iso: '2026-11-30T19:00:00.000Z', wall: '2026-11-30T12:00' };
const SUMMER = { iso: '2026-06-01T18:00:00.000Z', wall: '2026-06-01T12:00' };

describe('formatCircleTime', () => {
  test.each([
    [WINTER.wall, '12:00 p.m. Mountain Time (Alberta)'],
    [SUMMER.wall, '12:00 p.m. Mountain Time (Alberta)'],
  ])('albertaTime(%s) reads the wall clock without zone data', (wall, expected) => {
    expect(albertaTime(wall)).toBe(expected);
  });

  test.each([
    ['America/Edmonton', WINTER, null],
    ['America/Toronto', WINTER, '2:00 p.m. Eastern Standard Time (your time)'],
    ['America/Toronto', SUMMER, '2:00 p.m. Eastern Daylight Time (your time)'],
    ['America/Vancouver', SUMMER, '11:00 a.m. Pacific Daylight Time (your time)'],
    ['Asia/Tokyo', WINTER, 'Tuesday, December 1, 4:00 a.m. Japan Standard Time (your time)'],
  ])('viewerTime in %s', (zone, when, expected) => {
    expect(viewerTime(when.iso, when.wall, zone)).toBe(expected);
  });

  test('a viewer whose clock reads the same as Alberta sees the time once', () => {
    // 19:00 UTC read in UTC−7 (Phoenix, no daylight time) is noon, like Alberta in winter.
    expect(viewerTime(WINTER.iso, WINTER.wall, 'America/Phoenix')).toBeNull();
  });

  test.each([['2026-11-30T11:50'], ['2026-06-01T11:50']])('doorsOpen(%s)', (wall) => {
    expect(doorsOpen(wall)).toBe('Doors open Monday 11:50 a.m. Alberta time');
  });

  test('wallDate reads the Alberta date', () => {
    expect(wallDate(WINTER.wall)).toBe('Monday, November 30');
  });
});
