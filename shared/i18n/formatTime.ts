import type { Locale } from './locales';

/**
 * How circle times and dates read, in the person's locale, through Intl. A circle's own clock comes from the server
 * as wall-clock strings ("2026-11-30T12:00"), formatted as if in UTC, so it reads right even where a runtime's
 * zone data disagree with the server's. English (Canada) gives "12:00 p.m."; French follows Quebec typography
 * (Office québécois de la langue française): "12 h", "12 h 30", "8 h", never "08 h 00".
 */

// ICU puts narrow or non-breaking spaces before "a.m." and inside "12 h"; plain spaces read and match the same.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

const DATE: Intl.DateTimeFormatOptions = { weekday: 'long', month: 'long', day: 'numeric' };
const DATE_YEAR: Intl.DateTimeFormatOptions = { ...DATE, year: 'numeric' };

/** A wall-clock string read as if it were UTC, so formatting it in UTC gives back the same wall time. */
const asUtc = (wall: string) => new Date(`${wall.slice(0, 16)}:00Z`);

/** "12:00 p.m." / "12 h" for an instant in a zone. */
export function timeIn(locale: Locale, at: Date | string, timeZone: string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (locale.startsWith('fr')) {
    const parts = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', hourCycle: 'h23', timeZone }).formatToParts(date);
    const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? '0');
    const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
    return minute === '00' ? `${hour} h` : `${hour} h ${minute}`;
  }
  return plain(new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(date));
}

/** "Monday, November 30" / "lundi 30 novembre" for an instant in a zone; with `year`, the year too. */
export function dateIn(locale: Locale, at: Date | string, timeZone: string, opts: { year?: boolean } = {}): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  return plain(new Intl.DateTimeFormat(locale, { ...(opts.year ? DATE_YEAR : DATE), timeZone }).format(date));
}

/** "12:00 p.m." / "12 h" for a wall-clock string. */
export const wallTime = (locale: Locale, wall: string): string => timeIn(locale, asUtc(wall), 'UTC');

/** "Monday, November 30" / "lundi 30 novembre" for a wall-clock string. */
export const wallDate = (locale: Locale, wall: string, opts: { year?: boolean } = {}): string =>
  dateIn(locale, asUtc(wall), 'UTC', opts);

/** "12,345" / "12 345": a count in the person's locale. */
export const formatCount = (locale: Locale, n: number): string => plain(new Intl.NumberFormat(locale).format(n));
