import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { negotiateLocale, type Locale, Locale as LocaleSchema } from '../../../shared/i18n/locales';
import { translator } from '../../../shared/i18n/catalog';
import { type ProgramValues, type Translate } from '../../../shared/i18n/translate';
import { localized, publicProgram, type ProgramConfig, type PublicProgram } from '../../../shared/schemas/program';

/** Where a signed-out person's choice of language is kept (a signed-in person's is on their account). */
export const LOCALE_COOKIE = 'rm_locale';

/**
 * Languages on the server: which locale a request or socket speaks, and a translator per locale with the
 * program's name and zone filled in. Everything the server says to a person (errors, acks, notices, e-mails,
 * calendar text) is rendered here, in that person's locale; the client shows it as it comes.
 */
export interface I18n {
  program: ProgramConfig;
  offered: readonly Locale[];
  defaultLocale: Locale;
  t(locale: Locale): Translate;
  /** The person's choice, else the cookie's, else the browser's, else the program's default. */
  resolve(input: { account?: Locale | null; cookie?: unknown; acceptLanguage?: string | undefined }): Locale;
  publicProgram(locale: Locale): PublicProgram;
  /** The program's words in a locale (its default's where it gave none). */
  programText(text: Parameters<typeof localized>[0], locale: Locale): string;
}

export function createI18n(program: ProgramConfig): I18n {
  const offered = program.locales;
  const translators = new Map<Locale, Translate>();
  const programText = (text: Parameters<typeof localized>[0], locale: Locale) => localized(text, locale, program.defaultLocale);
  const valuesFor = (locale: Locale): ProgramValues => ({
    program: programText(program.name, locale),
    programShort: programText(program.shortName, locale),
    zone: programText(program.zoneLabel, locale),
  });
  const offeredOrNull = (l: unknown): Locale | null => {
    const parsed = LocaleSchema.safeParse(l);
    return parsed.success && offered.includes(parsed.data) ? parsed.data : null;
  };
  return {
    program,
    offered,
    defaultLocale: program.defaultLocale,
    t(locale) {
      const l = offered.includes(locale) ? locale : program.defaultLocale;
      let t = translators.get(l);
      if (!t) {
        t = translator(l, valuesFor(l));
        translators.set(l, t);
      }
      return t;
    },
    resolve({ account, cookie, acceptLanguage }) {
      return offeredOrNull(account) ?? offeredOrNull(cookie) ?? negotiateLocale(acceptLanguage, offered) ?? program.defaultLocale;
    },
    publicProgram: (locale) => publicProgram(program, locale),
    programText,
  };
}

const current = new AsyncLocalStorage<Locale>();

/** Runs `fn` with `locale` as the current one (each request and socket command runs in its person's). */
export const withLocale = <T>(locale: Locale, fn: () => T): T => current.run(locale, fn);

/** The locale of the request or command being handled, if any. */
export const currentLocale = (): Locale | undefined => current.getStore();

declare module 'express-serve-static-core' {
  interface Request {
    /** The locale this request is answered in (set by `localeMiddleware`, after `loadUser`). */
    locale: Locale;
  }
}

/** After `loadUser`: picks the request's locale and runs the rest of the chain in it. */
export function localeMiddleware(i18n: I18n): RequestHandler {
  return (req, _res, next) => {
    req.locale = i18n.resolve({
      account: req.user?.locale ?? null,
      cookie: req.cookies?.[LOCALE_COOKIE],
      acceptLanguage: req.headers['accept-language'],
    });
    withLocale(req.locale, next);
  };
}

/** zod's own messages (too short, not an e-mail, …) in a locale; messages our schemas give are ids, rendered later. */
export function zodErrorsIn(locale: Locale | undefined): z.core.$ZodErrorMap | undefined {
  if (!locale || locale === 'en-CA') return undefined;
  return ZOD_LOCALES[locale]?.().localeError;
}

const ZOD_LOCALES: Partial<Record<Locale, () => { localeError: z.core.$ZodErrorMap }>> = {
  'fr-CA': z.locales.frCA,
};
