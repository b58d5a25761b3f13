import type { Locale } from '../../../shared/i18n/locales';
import { translator } from '../../../shared/i18n/catalog';
import { type Translate } from '../../../shared/i18n/translate';
import { currentLocale } from '../i18n/i18n';

const translators = new Map<Locale, Translate>();

/**
 * The words of the request or command being handled (its locale, `withLocale`), for the few services that answer
 * with text in a body rather than an error and hold no `I18n`: the media status, a join's media note, the pledge.
 * Only for messages that name no program (no `{program}`): those need `i18n.t(locale)`.
 */
export function wordsNow(): Translate {
  const locale = currentLocale() ?? 'en-CA';
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = translator(locale)));
  return t;
}
