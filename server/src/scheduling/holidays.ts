import Holidays from 'date-holidays';
import type { Locale } from '../../../shared/i18n/locales';
import type { ProgramConfig } from '../../../shared/schemas/program';
import { currentLocale } from '../i18n/i18n';
import { currentProgram } from '../program/program';

/**
 * General (statutory) holidays of the program's region (program file: `holidays.country` / `holidays.region`) from
 * the maintained `date-holidays` data. Only the `public` type counts: optional holidays (in Alberta Easter Monday
 * and Heritage Day, in Nova Scotia Natal Day) run as usual unless staff skip them. Names come in the reader's
 * language where date-holidays has it (English and French for Canada), else in its own default.
 */
export type HolidayLookup = (localDate: string) => string | null;

export type HolidayRegion = ProgramConfig['holidays'];

/** date-holidays' language for a locale: "fr-CA" → "fr". */
const languageOf = (locale: Locale): string => locale.split('-')[0]!.toLowerCase();

const calendars = new Map<string, { hd: Holidays; years: Map<string, Map<string, string>> }>();

function calendarOf(region: HolidayRegion) {
  const key = `${region.country}-${region.region ?? ''}`;
  let c = calendars.get(key);
  if (!c) {
    const hd = region.region ? new Holidays(region.country, region.region) : new Holidays(region.country);
    c = { hd, years: new Map() };
    calendars.set(key, c);
  }
  return c;
}

/** The general holiday of a region on a local date ("YYYY-MM-DD"), by name in `locale`'s language; null if none. */
export function holidayIn(region: HolidayRegion, localDate: string, locale?: Locale): string | null {
  const c = calendarOf(region);
  const offered = c.hd.getLanguages();
  const wanted = locale ? languageOf(locale) : undefined;
  const lang = wanted && offered.includes(wanted) ? wanted : (offered[0] ?? 'en');
  const year = Number(localDate.slice(0, 4));
  const key = `${year} ${lang}`;
  let days = c.years.get(key);
  if (!days) {
    days = new Map();
    for (const h of c.hd.getHolidays(year, lang)) {
      if (h.type === 'public') days.set(h.date.slice(0, 10), h.name);
    }
    c.years.set(key, days);
  }
  return days.get(localDate) ?? null;
}

/** A lookup for one region, in one language (the region's default without one). */
export const holidaysOf =
  (region: HolidayRegion, locale?: Locale): HolidayLookup =>
  (localDate) =>
    holidayIn(region, localDate, locale);

/**
 * The running program's holidays, named in the language of the request or command being handled (the program's
 * default outside one). Whether a day is a holiday never depends on the language, only its name does.
 */
export const programHolidayOn: HolidayLookup = (localDate) => {
  const program = currentProgram();
  return holidayIn(program.holidays, localDate, currentLocale() ?? program.defaultLocale);
};

/** The running program's holiday on a date, named in a given locale (for e-mails and feeds rendered for someone). */
export const programHolidayIn = (localDate: string, locale: Locale): string | null => holidayIn(currentProgram().holidays, localDate, locale);
