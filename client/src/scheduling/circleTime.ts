import { dateIn, timeIn, wallDate, wallTime } from '../../../shared/i18n/formatTime';
import type { PublicProgram } from '../../../shared/schemas/program';
import type { T } from '../i18n/useT';

/**
 * Circle times in the person's locale (shared/i18n/formatTime: "12:00 p.m." / "12 h"). The circle's own clock
 * comes from the server as wall-clock strings; the viewer's zone is added only when it reads differently.
 */

/** The zone the browser runs in (Intl's default). */
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** What a circle's zone is called on screen: the program's name for its own zone ("Alberta time"), else the IANA name. */
export function zoneLabelOf(program: PublicProgram | null, timezone: string): string {
  return program && timezone === program.zone ? program.zoneLabel : timezone;
}

/**
 * "2:00 p.m. Eastern Standard Time (your time)", with the date when it differs from the circle's date; null
 * when the viewer is in the circle's zone or their clock reads the same date and time.
 */
export function viewerTime(t: T, iso: string, wall: string, zone: string, circleZone: string): string | null {
  if (zone === circleZone) return null;
  const time = timeIn(t.locale, iso, zone);
  const sameTime = time === wallTime(t.locale, wall);
  const date = dateIn(t.locale, iso, zone);
  const sameDate = date === wallDate(t.locale, wall);
  if (sameTime && sameDate) return null;
  const parts = new Intl.DateTimeFormat(t.locale, { hour: 'numeric', minute: '2-digit', timeZoneName: 'long', timeZone: zone }).formatToParts(new Date(iso));
  const zoneName = parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
  return sameDate ? t('scheduling.time.yours', { time, zoneName }) : t('scheduling.time.yoursWithDate', { date, time, zoneName });
}

/** A weekday's name in the locale, 1 = Monday … 7 = Sunday ("Monday" / "lundi"; `short`: "Mon" / "lun."). */
export function weekdayName(locale: string, isoWeekday: number, width: 'long' | 'short' = 'long'): string {
  // 1 January 2024 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, isoWeekday)));
}
