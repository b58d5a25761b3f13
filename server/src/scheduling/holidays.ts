import Holidays from 'date-holidays';

/**
 * Alberta general (statutory) holidays from the maintained `date-holidays` data, region CA-AB. Only the `public`
 * type counts: optional holidays (Easter Monday, Heritage Day) run as usual unless staff skip them.
 */
const alberta = new Holidays('CA', 'AB');
const byYear = new Map<number, Map<string, string>>();

function yearOf(year: number): Map<string, string> {
  let days = byYear.get(year);
  if (!days) {
    days = new Map();
    for (const h of alberta.getHolidays(year)) {
      if (h.type === 'public') days.set(h.date.slice(0, 10), h.name);
    }
    byYear.set(year, days);
  }
  return days;
}

/** The name of the Alberta general holiday on a local date ("YYYY-MM-DD"), or null. */
export function albertaHolidayOn(localDate: string): string | null {
  return yearOf(Number(localDate.slice(0, 4))).get(localDate) ?? null;
}

export type HolidayLookup = (localDate: string) => string | null;
