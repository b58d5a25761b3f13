import type { Locale } from '../../../shared/i18n/locales';
import type { I18n } from '../i18n/i18n';

/**
 * The "not a crisis service" panel in every circle, in a locale: the program's own text (`crisis.text`) where it
 * gives one, else the catalog's, naming the program's crisis line and its counselling intake line (and hours).
 */
export function crisisPanel(i18n: I18n): (locale: Locale) => string {
  const { program } = i18n;
  return (locale) => {
    if (program.crisis.text) return i18n.programText(program.crisis.text, locale);
    const t = i18n.t(locale);
    const values = {
      number: program.crisis.number,
      crisisName: i18n.programText(program.crisis.name, locale),
      society: i18n.programText(program.society, locale),
    };
    const c = program.counselling;
    if (!c) return t('program.crisis.panel.noLine', values);
    if (!c.hours) return t('program.crisis.panel.withPhone', { ...values, phone: c.phone });
    return t('program.crisis.panel.withHours', { ...values, phone: c.phone, hours: i18n.programText(c.hours, locale) });
  };
}
