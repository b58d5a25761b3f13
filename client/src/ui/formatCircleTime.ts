/**
 * How circle times read on screen. Alberta time is the circle's own clock and comes from the server as wall-clock
 * strings ("2026-11-30T12:00"), so it reads right even where a browser's own zone data disagree with the server's.
 * The viewer's zone is added only when it reads differently. en-CA gives "12:00 p.m.", the form Albertans expect.
 */
export const ALBERTA_ZONE = 'America/Edmonton';
const LOCALE = 'en-CA';

// ICU puts narrow or non-breaking spaces before "a.m."; plain spaces read and match the same everywhere.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

function fmt(iso: string, timeZone: string, opts: Intl.DateTimeFormatOptions): string {
  return plain(new Intl.DateTimeFormat(LOCALE, { ...opts, timeZone }).format(new Date(iso)));
}

/** A wall-clock string read as if it were UTC, so formatting it in UTC gives back the same wall time. */
const asUtc = (wall: string) => `${wall}:00Z`;

const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
const DATE: Intl.DateTimeFormatOptions = { weekday: 'long', month: 'long', day: 'numeric' };

/** "12:00 p.m." for an instant in a zone. */
export function timeIn(iso: string, timeZone: string): string {
  return fmt(iso, timeZone, TIME);
}

/** "Monday, November 30" for an instant in a zone. */
export function dateIn(iso: string, timeZone: string): string {
  return fmt(iso, timeZone, DATE);
}

/** "12:00 p.m." for a wall-clock string. */
export function wallTime(wall: string): string {
  return fmt(asUtc(wall), 'UTC', TIME);
}

/** "Monday, November 30" for a wall-clock string. */
export function wallDate(wall: string): string {
  return fmt(asUtc(wall), 'UTC', DATE);
}

/**
 * What the circle's own zone is called on screen. Alberta has kept UTC−6 all year since 1 November 2026, so it no
 * longer shares "Mountain Time" (or "MST") with its neighbours: the society says "Alberta time".
 */
export const ALBERTA_TIME = 'Alberta time';

/** "12:00 p.m. Alberta time" */
export function albertaTime(wall: string): string {
  return `${wallTime(wall)} ${ALBERTA_TIME}`;
}

/** The zone the browser runs in (Intl's default). */
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * "2:00 p.m. Eastern Standard Time (your time)", with the date when it differs from the circle's date; null
 * when the viewer is in the circle's zone or their clock reads the same date and time.
 */
export function viewerTime(iso: string, wall: string, zone: string, circleZone = ALBERTA_ZONE): string | null {
  if (zone === circleZone) return null;
  const sameTime = timeIn(iso, zone) === wallTime(wall);
  const sameDate = dateIn(iso, zone) === wallDate(wall);
  if (sameTime && sameDate) return null;
  const parts = new Intl.DateTimeFormat(LOCALE, { ...TIME, timeZoneName: 'long', timeZone: zone }).formatToParts(new Date(iso));
  const zoneName = parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
  const time = `${timeIn(iso, zone)} ${zoneName} (your time)`;
  return sameDate ? time : `${dateIn(iso, zone)}, ${time}`;
}

/** "Doors open Monday 11:50 a.m. Alberta time" */
export function doorsOpen(openWall: string): string {
  const weekday = fmt(asUtc(openWall), 'UTC', { weekday: 'long' });
  return `Doors open ${weekday} ${wallTime(openWall)} ${ALBERTA_TIME}`;
}
