import { describe, expect, it } from 'vitest';
import { translator } from '../../../shared/i18n/catalog';
import { meets, nextDoorsChange, sessionState } from './sessionState';

const en = translator('en-CA');
const fr = translator('fr-CA');

describe('sessionState', () => {
  it.each([
    ['scheduled', 'open', 'Open now', true],
    ['moved', 'open', 'Open now', true],
    ['scheduled', 'upcoming', 'Not open yet', true],
    ['scheduled', 'locked', 'Locked to newcomers', false],
    ['scheduled', 'ended', 'Ended', false],
    ['moved', 'removed', 'Closed to you', false],
    // A session that does not meet says so, whatever its doors.
    ['cancelled', 'upcoming', 'Cancelled', false],
    ['skipped', 'upcoming', 'No circle', false],
  ] as const)('%s with doors %s reads "%s"', (status, doors, label, offersJoin) => {
    const state = sessionState({ status, doors });
    expect({ label: en(state.label), offersJoin: state.offersJoin }).toEqual({ label, offersJoin });
  });

  it('reads in French too', () => {
    expect(fr(sessionState({ status: 'scheduled', doors: 'open' }).label)).toBe('Ouvert maintenant');
    expect(fr(sessionState({ status: 'cancelled', doors: 'upcoming' }).label)).toBe('Annulé');
  });

  it.each(['open', 'upcoming'] as const)('never offers an online join to an in-person circle (doors %s)', (doors) => {
    expect(sessionState({ status: 'scheduled', doors, format: 'in_person' })).toMatchObject({ offersJoin: false });
    expect(sessionState({ status: 'scheduled', doors, format: 'online' })).toMatchObject({ offersJoin: true });
  });
});

describe('nextDoorsChange', () => {
  const at = (iso: string) => Date.parse(iso);
  const monday = { opensAt: '2027-03-15T17:50:00.000Z', closesAt: '2027-03-15T19:00:00.000Z' };
  const popup = { opensAt: '2027-03-15T18:30:00.000Z', closesAt: '2027-03-15T20:00:00.000Z' };
  it.each([
    ['before either opens: the first opening', '2027-03-15T17:00:00Z', '2027-03-15T17:50:00.000Z'],
    ['one open: the other opening', '2027-03-15T18:00:00Z', '2027-03-15T18:30:00.000Z'],
    ['both open: the first closing', '2027-03-15T18:45:00Z', '2027-03-15T19:00:00.000Z'],
    ['at an instant itself: the one after it', '2027-03-15T19:00:00Z', '2027-03-15T20:00:00.000Z'],
  ])('%s', (_, now, expected) => {
    expect(nextDoorsChange([monday, popup], at(now))).toBe(at(expected));
  });
  it('none ahead', () => {
    expect(nextDoorsChange([monday, popup], at('2027-03-16T00:00:00Z'))).toBeNull();
    expect(nextDoorsChange([], 0)).toBeNull();
  });
});

describe('whether a session meets', () => {
  it.each([
    ['scheduled', true],
    ['moved', true],
    ['cancelled', false],
    ['skipped', false],
  ] as const)('%s: %s', (status, expected) => {
    expect(meets({ status } as never)).toBe(expected);
  });
});
