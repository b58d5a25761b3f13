/**
 * Every message Red Mug shows or sends, by locale and namespace (one JSON file per domain, keys prefixed with the
 * namespace: `circles.join.title`). ICU MessageFormat: `{count, plural, one {# person} other {# people}}`.
 * English (Canada) is the source; every other catalog has exactly its keys and arguments (catalog.test.ts).
 * A new domain: a file in each locale folder and a line in both lists below.
 */
import enCommon from './messages/en-CA/common.json' with { type: 'json' };
import enErrors from './messages/en-CA/errors.json' with { type: 'json' };
import enAuth from './messages/en-CA/auth.json' with { type: 'json' };
import enCircles from './messages/en-CA/circles.json' with { type: 'json' };
import enLive from './messages/en-CA/live.json' with { type: 'json' };
import enMedia from './messages/en-CA/media.json' with { type: 'json' };
import enScheduling from './messages/en-CA/scheduling.json' with { type: 'json' };
import enAttendance from './messages/en-CA/attendance.json' with { type: 'json' };
import enMatching from './messages/en-CA/matching.json' with { type: 'json' };
import enSupport from './messages/en-CA/support.json' with { type: 'json' };
import enInbox from './messages/en-CA/inbox.json' with { type: 'json' };
import enPeople from './messages/en-CA/people.json' with { type: 'json' };
import enReminders from './messages/en-CA/reminders.json' with { type: 'json' };
import enReports from './messages/en-CA/reports.json' with { type: 'json' };
import enHelp from './messages/en-CA/help.json' with { type: 'json' };
import enMail from './messages/en-CA/mail.json' with { type: 'json' };
import enFeed from './messages/en-CA/feed.json' with { type: 'json' };
import enProgram from './messages/en-CA/program.json' with { type: 'json' };
import frCommon from './messages/fr-CA/common.json' with { type: 'json' };
import frErrors from './messages/fr-CA/errors.json' with { type: 'json' };
import frAuth from './messages/fr-CA/auth.json' with { type: 'json' };
import frCircles from './messages/fr-CA/circles.json' with { type: 'json' };
import frLive from './messages/fr-CA/live.json' with { type: 'json' };
import frMedia from './messages/fr-CA/media.json' with { type: 'json' };
import frScheduling from './messages/fr-CA/scheduling.json' with { type: 'json' };
import frAttendance from './messages/fr-CA/attendance.json' with { type: 'json' };
import frMatching from './messages/fr-CA/matching.json' with { type: 'json' };
import frSupport from './messages/fr-CA/support.json' with { type: 'json' };
import frInbox from './messages/fr-CA/inbox.json' with { type: 'json' };
import frPeople from './messages/fr-CA/people.json' with { type: 'json' };
import frReminders from './messages/fr-CA/reminders.json' with { type: 'json' };
import frReports from './messages/fr-CA/reports.json' with { type: 'json' };
import frHelp from './messages/fr-CA/help.json' with { type: 'json' };
import frMail from './messages/fr-CA/mail.json' with { type: 'json' };
import frFeed from './messages/fr-CA/feed.json' with { type: 'json' };
import frProgram from './messages/fr-CA/program.json' with { type: 'json' };
import type { Locale } from './locales';
import { translatorWith, type ProgramValues, type Translate } from './translate';

export const NAMESPACES = ['common', 'errors', 'auth', 'circles', 'live', 'media', 'scheduling', 'attendance', 'matching', 'support', 'inbox', 'people', 'reminders', 'reports', 'help', 'mail', 'feed', 'program'] as const;
export type Namespace = (typeof NAMESPACES)[number];

const _en = {
  ...enCommon,
  ...enErrors,
  ...enAuth,
  ...enCircles,
  ...enLive,
  ...enMedia,
  ...enScheduling,
  ...enAttendance,
  ...enMatching,
  ...enSupport,
  ...enInbox,
  ...enPeople,
  ...enReminders,
  ...enReports,
  ...enHelp,
  ...enMail,
  ...enFeed,
  ...enProgram,
};

/** A stable message id: a key of the English catalog. Unknown ids do not type-check. */
export type MessageId = keyof typeof _en;

/** Each locale's files by namespace, as written (the completeness test reads these). */
export const CATALOG_FILES: Record<Locale, Record<Namespace, Record<string, string>>> = {
  'en-CA': { common: enCommon, errors: enErrors, auth: enAuth, circles: enCircles, live: enLive, media: enMedia, scheduling: enScheduling, attendance: enAttendance, matching: enMatching, support: enSupport, inbox: enInbox, people: enPeople, reminders: enReminders, reports: enReports, help: enHelp, mail: enMail, feed: enFeed, program: enProgram },
  'fr-CA': { common: frCommon, errors: frErrors, auth: frAuth, circles: frCircles, live: frLive, media: frMedia, scheduling: frScheduling, attendance: frAttendance, matching: frMatching, support: frSupport, inbox: frInbox, people: frPeople, reminders: frReminders, reports: frReports, help: frHelp, mail: frMail, feed: frFeed, program: frProgram },
};

/** One flat dictionary per locale, as the ICU formatter takes it. */
export const MESSAGES: Record<Locale, Record<string, string>> = {
  'en-CA': Object.assign({}, ...Object.values(CATALOG_FILES['en-CA'])) as Record<string, string>,
  'fr-CA': Object.assign({}, ...Object.values(CATALOG_FILES['fr-CA'])) as Record<string, string>,
};

/**
 * Namespaces only the server words (e-mails, the calendar feed): the browser's catalogs leave them out
 * (client/src/i18n/catalogs.ts, whose test holds it to this list).
 */
export const SERVER_NAMESPACES = ['mail', 'feed'] as const satisfies readonly Namespace[];

/** A plain-text translator for one locale from the whole catalog (the server's, and tests'). */
export function translator(locale: Locale, defaults: Partial<ProgramValues> = {}): Translate {
  return translatorWith(MESSAGES[locale], locale, defaults);
}

/** Whether a string is a message id (validation messages in shared schemas are ids, rendered where they are shown). */
export function isMessageId(s: string): s is MessageId {
  return Object.prototype.hasOwnProperty.call(MESSAGES['en-CA'], s);
}
