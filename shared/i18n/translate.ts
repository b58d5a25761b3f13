import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import type { MessageId } from './catalog';
import type { Locale } from './locales';

/** A value an ICU argument takes. */
export type MsgValue = string | number | Date | boolean | null | undefined;
export type MsgValues = Record<string, MsgValue>;

/** A message not yet rendered: its id and arguments. The server throws and acks these; each is shown in the person's locale. */
export interface Msg {
  id: MessageId;
  values?: MsgValues;
}

/** A message to show: an id alone, or an id with arguments. */
export type Text = MessageId | Msg;

export const msg = (id: MessageId, values?: MsgValues): Msg => (values ? { id, values } : { id });

/**
 * Arguments every message may use without its caller passing them: the program's name, short name and what its
 * circle's zone is called ("Alberta time"). Set once from the program config on each side.
 */
export type ProgramValues = Record<'program' | 'programShort' | 'zone', string>;

/** Words in one locale: a message rendered, and whether a string is one of the catalog's ids. */
export interface Translate {
  (text: Text, values?: MsgValues): string;
  /** Whether `s` is a message id (a schema's validation message is one, rendered where it is shown). */
  has(s: string): s is MessageId;
}



const cache = createIntlCache();

/** The ICU formatter for one locale (messages, plurals, dates and numbers through Intl). */
export function createIntlFor(locale: Locale, messages: Record<string, string>): IntlShape<string> {
  return createIntl<string>(
    {
      locale,
      defaultLocale: 'en-CA',
      messages,
      // A missing id is a programming error the catalog test and the type checker catch; say so loudly in logs.
      onError: (err) => {
        if (err.code !== 'MISSING_TRANSLATION') throw err;
      },
    },
    cache,
  );
}

/**
 * A plain-text translator for one locale's `messages`: `t('circles.ended')`, `t(msg('x', { count: 3 }))`. The
 * server's come from the whole catalog (`translator` in catalog.ts); the browser's from the one locale it loaded.
 */
export function translatorWith(messages: Record<string, string>, locale: Locale, defaults: Partial<ProgramValues> = {}): Translate {
  const intl = createIntlFor(locale, messages);
  const t = ((text, values) => {
    const m = typeof text === 'string' ? { id: text } : text;
    return intl.formatMessage({ id: m.id }, { ...defaults, ...m.values, ...values } as Record<string, string | number | Date | boolean | null | undefined>);
  }) as Translate;
  t.has = (s): s is MessageId => Object.prototype.hasOwnProperty.call(messages, s);
  return t;
}
