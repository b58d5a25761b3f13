import type { Locale } from '../../../shared/i18n/locales';
import { wallTime } from '../../../shared/i18n/formatTime';
import type { PublicProgram } from '../../../shared/schemas/program';

/**
 * The ICU values of a message about the program's weekly circle ("Every Monday at noon, Alberta time" / « Tous les
 * lundis à 12 h, heure de l’Alberta »): its ISO weekday for the catalog's `select`, its start in the person's locale
 * (the wall clock, as if in UTC: no zone data needed), and whether that is noon, which English says in a word. The
 * zone is the program's label, `{zone}`, which every message has.
 */
export function weeklyCircleValues(locale: Locale, circle: PublicProgram['weeklyCircle']): { weekday: number; time: string; noon: 'yes' | 'no' } {
  return {
    weekday: circle.weekday,
    // Any date will do for a wall-clock time; 2000-01-03 was a Monday.
    time: wallTime(locale, `2000-01-03T${circle.start}`),
    noon: circle.start === '12:00' ? 'yes' : 'no',
  };
}
