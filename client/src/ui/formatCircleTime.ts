import type { Locale } from '../../../shared/i18n/locales';
import { dateIn, timeIn, wallDate, wallTime } from '../../../shared/i18n/formatTime';
import { translatorNow } from '../i18n/catalogs';
import { programValues } from '../i18n/useT';
import { useStore } from '../store';

/**
 * How circle times read on screen, in the person's locale. The circle's own clock (the program's zone, called by
 * the program's zone label: "Alberta time", "heure de l’Alberta") comes from the server as wall-clock strings
 * ("2026-11-30T12:00"), so it reads right even where a browser's own zone data disagree with the server's. The
 * viewer's zone is added only when it reads differently. English (Canada) gives "12:00 p.m."; French "12 h".
 */
export { dateIn, timeIn, wallDate, wallTime };

/** The program's circle zone and what it is called, from the session answer (every page has it). */
export function programZone(): { zone: string; zoneLabel: string } {
  const p = useStore.getState().program;
  return { zone: p?.zone ?? 'UTC', zoneLabel: p?.zoneLabel ?? '' };
}

// The words around times, with the program's name and zone label filled in (as `useT` does).
const words = (locale: Locale) => translatorNow(locale, programValues(useStore.getState().program));

/** What a circle's zone is called on screen: the program's label for its own zone, else the IANA name. */
export function zoneLabelOf(timeZone: string): string {
  const { zone, zoneLabel } = programZone();
  return timeZone === zone && zoneLabel ? zoneLabel : timeZone;
}

/** "12:00 p.m. Alberta time" / "12 h, heure de l’Alberta" */
export function circleTime(locale: Locale, wall: string): string {
  return words(locale)('common.time.inZone', { time: wallTime(locale, wall) });
}

/** "Monday, November 30, 12:00 p.m. Alberta time" for an instant, read in the program's zone. */
export function programDateTime(locale: Locale, iso: string): string {
  const { zone } = programZone();
  return words(locale)('common.time.dateTimeInZone', { date: dateIn(locale, iso, zone), time: timeIn(locale, iso, zone) });
}

/** The zone the browser runs in (Intl's default). */
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * "2:00 p.m. Eastern Standard Time (your time)" / "14 h, heure normale de l’Est (votre heure)", with the date when
 * it differs from the circle's date; null when the viewer is in the circle's zone or their clock reads the same
 * date and time.
 */
export function viewerTime(locale: Locale, iso: string, wall: string, zone: string, circleZone = programZone().zone): string | null {
  if (zone === circleZone) return null;
  const time = timeIn(locale, iso, zone);
  const date = dateIn(locale, iso, zone);
  const sameDate = date === wallDate(locale, wall);
  if (time === wallTime(locale, wall) && sameDate) return null;
  const parts = new Intl.DateTimeFormat(locale, { hour: 'numeric', timeZoneName: 'long', timeZone: zone }).formatToParts(new Date(iso));
  const zoneName = parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
  const t = words(locale);
  return sameDate ? t('common.time.yours', { time, zoneName }) : t('common.time.yoursWithDate', { date, time, zoneName });
}

/** "Doors open Monday 11:50 a.m. Alberta time" / "Ouverture des portes lundi à 11 h 50, heure de l’Alberta" */
export function doorsOpen(locale: Locale, openWall: string): string {
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${openWall.slice(0, 16)}:00Z`));
  return words(locale)('common.time.doorsOpen', { weekday, time: wallTime(locale, openWall) });
}
