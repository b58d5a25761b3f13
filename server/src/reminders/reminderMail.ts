import { DateTime } from 'luxon';
import { dateIn, timeIn } from '../../../shared/i18n/formatTime';
import type { Locale } from '../../../shared/i18n/locales';
import type { Translate } from '../../../shared/i18n/translate';
import { REMINDER_LIST_LABELS, type ReminderList } from '../../../shared/schemas/reminders';
import type { VenueView } from '../../../shared/schemas/venue';

/**
 * The text of every reminder and notice. What goes in is listed in SECURITY.md: the circle's title, its pre-set
 * topic, when (and, in person, where) it meets, the person's own role on it, and links. Never who else is rostered,
 * who comes or came, or anything said in a circle.
 */
export interface MailSession {
  title: string;
  topic: string | null;
  startsAt: Date;
  timezone: string;
  format: 'online' | 'in_person';
  location: string | null;
  /** Where an in-person circle meets (the schedule's public venue); null online. */
  venue: VenueView | null;
}

export type NoticeKind = 'assigned' | 'unassigned' | 'moved' | 'cancelled' | 'restored' | 'day_before';
export type Role = 'host' | 'backup';

export interface Mail {
  subject: string;
  text: string;
}

/**
 * The recipient's language: its translator (with the program's names and zone label in it), the locale for dates and
 * times, and the program's own zone (a circle in it says "Alberta time", the program's label; another says its own).
 */
export interface MailWords {
  t: Translate;
  locale: Locale;
  programZone: string;
}

export interface MailLinks {
  app: string;
  unsubscribe: string;
}

/**
 * "Monday 30 November, 12:00 (Alberta time)" / "lundi 30 novembre à 12 h (heure de l’Alberta)": the circle's own
 * zone, with current zone data. English keeps the 24-hour clock its e-mails always had; other languages read by
 * their own typography (shared/i18n/formatTime.ts).
 */
export function whenText(w: MailWords, s: Pick<MailSession, 'startsAt' | 'timezone'>): string {
  const english = w.locale.startsWith('en');
  const local = DateTime.fromJSDate(s.startsAt, { zone: s.timezone }).setLocale(w.locale);
  const date = english ? local.toFormat('cccc d LLLL') : dateIn(w.locale, s.startsAt, s.timezone);
  const time = english ? local.toFormat('HH:mm') : timeIn(w.locale, s.startsAt, s.timezone);
  const zoneName = s.timezone === w.programZone ? w.t('mail.zone.program') : w.t('mail.zone.other', { timezone: s.timezone });
  return w.t('mail.when', { date, time, zoneName });
}

function sessionLines(w: MailWords, s: MailSession): string[] {
  const { t } = w;
  return [
    `${s.title}`,
    `  ${t('mail.session.when', { when: whenText(w, s) })}`,
    `  ${s.topic ? t('mail.session.topic', { topic: s.topic }) : t('mail.session.openTopic')}`,
    ...(s.format === 'in_person' ? whereInPerson(w, s) : [`  ${t('mail.session.online')}`]),
  ];
}

/** An in-person circle's place as the schedule shows it: the place, the room and street address, directions. */
function whereInPerson({ t }: MailWords, s: MailSession): string[] {
  const v = s.venue;
  const place = [s.location, v?.room, v?.address].filter((x): x is string => !!x).join(', ');
  return [
    `  ${place ? t('mail.session.inPersonAt', { place }) : t('mail.session.inPerson')}`,
    ...(v?.directionsUrl ? [`  ${t('mail.session.directions', { url: v.directionsUrl })}`] : []),
    ...(v?.accessibility ? [`  ${t('mail.session.accessibility', { text: v.accessibility })}`] : []),
  ];
}

function footer({ t }: MailWords, list: ReminderList, links: MailLinks): string[] {
  return [
    '',
    '--',
    t('mail.footer.why', { list: t(REMINDER_LIST_LABELS[list]) }),
    t('mail.footer.stop', { url: links.unsubscribe }),
    t('mail.footer.change', { url: `${links.app}/reminders` }),
  ];
}

/** The morning reminder: every circle the person may attend today, with topics. */
export function circleDayMail(w: MailWords, sessions: MailSession[], links: MailLinks): Mail {
  const { t } = w;
  const count = sessions.length;
  return {
    subject: count > 1 ? t('mail.circleDay.subjectMany') : t('mail.circleDay.subjectOne', { title: sessions[0]!.title }),
    text: [
      t('mail.circleDay.lead', { count }),
      '',
      ...sessions.flatMap((s) => [...sessionLines(w, s), '']),
      t('mail.circleDay.dropIn'),
      sessions.every((s) => s.format === 'in_person') ? t('mail.circleDay.details', { url: `${links.app}/schedule` }) : t('mail.circleDay.join', { url: `${links.app}/` }),
      ...footer(w, 'circle_day', links),
    ].join('\n'),
  };
}

const ROLE_WORDS = { host: 'mail.role.host', backup: 'mail.role.backup' } as const;

const NOTICE_WORDS = {
  assigned: ['mail.notice.assigned.subject', 'mail.notice.assigned.lead'],
  unassigned: ['mail.notice.unassigned.subject', 'mail.notice.unassigned.lead'],
  day_before: ['mail.notice.dayBefore.subject', 'mail.notice.dayBefore.lead'],
  moved: ['mail.notice.moved.subject', 'mail.notice.moved.lead'],
  cancelled: ['mail.notice.cancelled.subject', 'mail.notice.cancelled.lead'],
  restored: ['mail.notice.restored.subject', 'mail.notice.restored.lead'],
} as const satisfies Record<NoticeKind, readonly [string, string]>;

/** A notice to a volunteer about a session they are (or were) rostered on. */
export function noticeMail(w: MailWords, kind: NoticeKind, role: Role | null, s: MailSession, links: MailLinks): Mail {
  const { t } = w;
  const list: ReminderList = kind === 'assigned' || kind === 'unassigned' ? 'assignments' : kind === 'day_before' ? 'day_before' : 'changes';
  const r = t(role ? ROLE_WORDS[role] : 'mail.role.either');
  const [subject, lead] = NOTICE_WORDS[kind];
  return {
    subject: t(subject, { role: r }),
    text: [t(lead, { role: r }), '', ...sessionLines(w, s), '', t('mail.notice.assignments', { url: `${links.app}/assignments` }), ...footer(w, list, links)].join('\n'),
  };
}
