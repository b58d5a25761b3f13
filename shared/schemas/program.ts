import { z } from 'zod';
import { Locale, LOCALES } from '../i18n/locales';

/**
 * One lawyers' assistance program's configuration: everything that differs between programs lives here (the code
 * knows no province). Read once at start-up from PROGRAM_FILE, or the built-in Alberta program, and validated.
 */

/** Words shown to people, given per language; a language left out falls back to the program's default. */
export const LocalizedText = z.partialRecord(Locale, z.string().trim().min(1).max(2000));
export type LocalizedText = z.infer<typeof LocalizedText>;

const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ().-]{1,24}[0-9]$/, 'a phone number, like 1-877-555-0100 or 9-8-8');

export const ProgramConfig = z
  .object({
    /** Full name, e.g. "Red Mug Coffee Circle". */
    name: LocalizedText,
    /** Short name for the header and e-mail sender, e.g. "Red Mug". */
    shortName: LocalizedText,
    /** The society that runs it, e.g. "the Alberta Lawyers' Assistance Society"; e-mails and help name it. */
    society: LocalizedText,
    /** An image path under the client's public folder or an https URL; null shows the red mug. */
    logoUrl: z
      .string()
      .trim()
      .regex(/^(\/[\w./-]+|https:\/\/\S+)$/, 'a path such as /logo.svg or an https:// URL')
      .nullable()
      .default(null),
    /** The accent colour (buttons, links, the badge ring), as #rrggbb. Checked for contrast on white. */
    accentColour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #b3261e'),
    /** The weekly drop-in circle every new program starts with (staff can change it afterwards). */
    weeklyCircle: z.object({
      /** ISO weekday: 1 = Monday … 7 = Sunday. */
      weekday: z.number().int().min(1).max(7),
      /** Local start, "HH:MM". */
      start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 12:00'),
      durationMinutes: z.number().int().min(15).max(240),
      /** IANA zone, e.g. America/Edmonton. */
      zone: z.string().refine((z) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: z });
          return true;
        } catch {
          return false;
        }
      }, 'an IANA time zone such as America/Edmonton'),
      /** The series' description and the topic of a session that has none of its own. */
      description: LocalizedText,
      topic: LocalizedText,
    }),
    /** What the circle's zone is called on screen, e.g. "Alberta time" / "heure de l'Alberta". */
    zoneLabel: LocalizedText,
    /** Holidays for date-holidays: a country and optionally a province/state code, e.g. CA / AB. */
    holidays: z.object({ country: z.string().regex(/^[A-Z]{2}$/), region: z.string().regex(/^[A-Z0-9]{1,3}$/).nullable().default(null) }),
    /** The crisis line, e.g. 9-8-8 (Suicide Crisis Helpline); `text` replaces the whole "not a crisis service" panel. */
    crisis: z.object({ number: Phone, name: LocalizedText, text: LocalizedText.nullable().default(null) }),
    /** The program's professional counselling intake line; null when there is none to name. */
    counselling: z.object({ phone: Phone, hours: LocalizedText.nullable().default(null) }).nullable().default(null),
    /** Where people write for help with Red Mug itself; null hides it. */
    supportEmail: z.string().trim().email().nullable().default(null),
    /** The languages offered, first the default. */
    locales: z.array(Locale).min(1).max(LOCALES.length),
    defaultLocale: Locale,
  })
  .strict()
  .superRefine((p, ctx) => {
    if (!p.locales.includes(p.defaultLocale)) {
      ctx.addIssue({ code: 'custom', path: ['defaultLocale'], message: 'defaultLocale must be one of locales' });
    }
    if (new Set(p.locales).size !== p.locales.length) ctx.addIssue({ code: 'custom', path: ['locales'], message: 'a language is listed twice' });
    for (const key of ['name', 'shortName', 'society', 'zoneLabel'] as const) {
      if (!p[key][p.defaultLocale]) ctx.addIssue({ code: 'custom', path: [key, p.defaultLocale], message: `${key} needs the default language (${p.defaultLocale})` });
    }
  });
export type ProgramConfig = z.infer<typeof ProgramConfig>;
export type ProgramConfigInput = z.input<typeof ProgramConfig>;

/** What every page knows of the program, in the person's locale (in the session answer). */
export const PublicProgram = z.object({
  name: z.string(),
  shortName: z.string(),
  society: z.string(),
  logoUrl: z.string().nullable(),
  accentColour: z.string(),
  /** The circle's own zone and what it is called on screen. */
  zone: z.string(),
  zoneLabel: z.string(),
  /**
   * The weekly drop-in circle as the program runs it, for words such as "Every Monday at noon" (the home page): ISO
   * weekday (1 = Monday), local start "HH:MM", and its zone.
   */
  weeklyCircle: z.object({ weekday: z.number().int().min(1).max(7), start: z.string(), zone: z.string() }),
  crisis: z.object({ number: z.string(), name: z.string(), text: z.string().nullable() }),
  counselling: z.object({ phone: z.string(), hours: z.string().nullable() }).nullable(),
  supportEmail: z.string().nullable(),
  locales: z.array(Locale),
  defaultLocale: Locale,
});
export type PublicProgram = z.infer<typeof PublicProgram>;

/** A program's words in one locale: that language, else the default's. */
export function localized(text: LocalizedText, locale: Locale, fallback: Locale): string {
  return text[locale] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}

export function publicProgram(p: ProgramConfig, locale: Locale): PublicProgram {
  const l = (t: LocalizedText) => localized(t, locale, p.defaultLocale);
  return {
    name: l(p.name),
    shortName: l(p.shortName),
    society: l(p.society),
    logoUrl: p.logoUrl,
    accentColour: p.accentColour,
    zone: p.weeklyCircle.zone,
    zoneLabel: l(p.zoneLabel),
    weeklyCircle: { weekday: p.weeklyCircle.weekday, start: p.weeklyCircle.start, zone: p.weeklyCircle.zone },
    crisis: { number: p.crisis.number, name: l(p.crisis.name), text: p.crisis.text ? l(p.crisis.text) : null },
    counselling: p.counselling ? { phone: p.counselling.phone, hours: p.counselling.hours ? l(p.counselling.hours) : null } : null,
    supportEmail: p.supportEmail,
    locales: p.locales,
    defaultLocale: p.defaultLocale,
  };
}
