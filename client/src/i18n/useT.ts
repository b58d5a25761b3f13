import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import type { MessageId } from '../../../shared/i18n/catalog';
import type { Locale } from '../../../shared/i18n/locales';
import { translatorWith, type MsgValues, type ProgramValues, type Text, type Translate } from '../../../shared/i18n/translate';
import type { PublicProgram } from '../../../shared/schemas/program';
import { useStore } from '../store';
import { catalogNow } from './catalogs';

/** Values a message may take: ICU arguments, or React nodes and tag functions for rich text (`<link>…</link>`). */
export type RichValues = Record<string, MsgValues[string] | React.ReactNode | ((chunks: React.ReactNode[]) => React.ReactNode)>;

/** The program's name, short name and zone label, which every message may use as `{program}`, `{programShort}`, `{zone}`. */
export function programValues(program: PublicProgram | null): ProgramValues {
  return {
    program: program?.name ?? 'Red Mug',
    programShort: program?.shortName ?? 'Red Mug',
    zone: program?.zoneLabel ?? '',
  };
}

export interface T {
  /** A catalog message as a string. */
  (id: MessageId | Text, values?: MsgValues): string;
  /** A catalog message with React nodes or tags in it. */
  rich(id: MessageId, values: RichValues): React.ReactNode;
  /** Whether a string is a message id (a schema's validation message is one). */
  has(s: string): s is MessageId;
  locale: Locale;
}

/**
 * The one way components put words on screen: `t('circles.home.title')`, `t('x.count', { count })`,
 * `t.rich('x.help', { link: (chunks) => <Link to="/help">{chunks}</Link> })`. Every id is checked by the compiler.
 */
export function useT(): T {
  const intl = useIntl();
  const program = useStore((s) => s.program);
  return useMemo(() => {
    const defaults = programValues(program);
    const t = ((id: MessageId | Text, values?: MsgValues) => {
      const m = typeof id === 'string' ? { id, values } : { id: id.id, values: { ...id.values, ...values } };
      return intl.formatMessage({ id: m.id }, { ...defaults, ...m.values } as Record<string, string | number | Date | boolean | null | undefined>);
    }) as T;
    t.rich = (id, values) => intl.formatMessage({ id }, { ...defaults, ...values } as never) as React.ReactNode;
    t.has = (s): s is MessageId => Object.prototype.hasOwnProperty.call(intl.messages, s);
    t.locale = intl.locale as Locale;
    return t;
  }, [intl, program]);
}

/**
 * Outside React (API helpers, socket binders, store actions): the same words in the store's current locale.
 * Components use `useT`, which re-renders when the language changes.
 */
export function tNow(id: MessageId | Text, values?: MsgValues): string {
  const { locale, program } = useStore.getState();
  // Label tables call this once per row: one translator per catalog and program, not one per call.
  const now = catalogNow(locale);
  if (!current || current.messages !== now?.messages || current.program !== program) {
    current = { messages: now?.messages, program, t: translatorWith(now?.messages ?? {}, now?.locale ?? locale, programValues(program)) };
  }
  return current.t(id, values);
}
let current: { messages: Record<string, string> | undefined; program: PublicProgram | null; t: Translate } | null = null;
