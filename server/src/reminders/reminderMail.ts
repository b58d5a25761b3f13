import { DateTime } from 'luxon';
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

const zoneName = (zone: string) => (zone === 'America/Edmonton' ? 'Alberta time' : `${zone} time`);

/** "Monday 30 November, 12:00 (Alberta time)": the circle's own zone, with current zone data. */
export function whenText(s: Pick<MailSession, 'startsAt' | 'timezone'>): string {
  return `${DateTime.fromJSDate(s.startsAt, { zone: s.timezone }).setLocale('en-CA').toFormat('cccc d LLLL, HH:mm')} (${zoneName(s.timezone)})`;
}

function sessionLines(s: MailSession): string[] {
  return [
    `${s.title}`,
    `  When: ${whenText(s)}`,
    s.topic ? `  Topic: ${s.topic}` : '  Topic: open conversation',
    ...(s.format === 'in_person' ? whereInPerson(s) : ['  Where: online, in Red Mug']),
  ];
}

/** An in-person circle's place as the schedule shows it: the place, the room and street address, directions. */
function whereInPerson(s: MailSession): string[] {
  const v = s.venue;
  const place = [s.location, v?.room, v?.address].filter((x): x is string => !!x).join(', ');
  return [
    `  Where: in person${place ? `, ${place}` : ''} (there is no online room)`,
    ...(v?.directionsUrl ? [`  Directions: ${v.directionsUrl}`] : []),
    ...(v?.accessibility ? [`  Accessibility: ${v.accessibility}`] : []),
  ];
}

function footer(list: ReminderList, links: { app: string; unsubscribe: string }): string[] {
  return [
    '',
    '--',
    `You get this because you asked for it in Red Mug: "${REMINDER_LIST_LABELS[list]}".`,
    `To stop these e-mails, open this link: ${links.unsubscribe}`,
    `Or change your reminders in Red Mug: ${links.app}/reminders`,
  ];
}

/** The morning reminder: every circle the person may attend today, with topics. */
export function circleDayMail(sessions: MailSession[], links: { app: string; unsubscribe: string }): Mail {
  const many = sessions.length > 1;
  return {
    subject: many ? 'Red Mug circles today' : `Red Mug circle today: ${sessions[0]!.title}`,
    text: [
      many ? 'There are Red Mug circles today:' : 'There is a Red Mug circle today:',
      '',
      ...sessions.flatMap((s) => [...sessionLines(s), '']),
      'Drop in, no RSVP. The topic is where the conversation starts; the circle may go wherever it needs to.',
      sessions.every((s) => s.format === 'in_person') ? `The details are in Red Mug: ${links.app}/schedule` : `Join from Red Mug: ${links.app}/`,
      ...footer('circle_day', links),
    ].join('\n'),
  };
}

const roleText = (role: Role) => (role === 'host' ? 'host' : 'backup host');

/** A notice to a volunteer about a session they are (or were) rostered on. */
export function noticeMail(kind: NoticeKind, role: Role | null, s: MailSession, links: { app: string; unsubscribe: string }): Mail {
  const list: ReminderList = kind === 'assigned' || kind === 'unassigned' ? 'assignments' : kind === 'day_before' ? 'day_before' : 'changes';
  const r = role ? roleText(role) : 'host or backup host';
  const texts: Record<NoticeKind, [string, string]> = {
    assigned: [`You are the ${r} of a Red Mug circle`, `Staff have made you the ${r} of this circle:`],
    unassigned: [`You are no longer the ${r} of a Red Mug circle`, `Staff have taken you off as ${r} of this circle:`],
    day_before: [`Tomorrow you are the ${r} of a Red Mug circle`, `A reminder: tomorrow you are the ${r} of this circle:`],
    moved: ['A Red Mug circle you are rostered on has moved', `A circle you are rostered on (as ${r}) now meets at a new time:`],
    cancelled: ['A Red Mug circle you are rostered on is cancelled', `A circle you are rostered on (as ${r}) will not meet:`],
    restored: ['A Red Mug circle you are rostered on is back on', `A circle you are rostered on (as ${r}) will meet after all:`],
  };
  const [subject, lead] = texts[kind];
  return {
    subject,
    text: [lead, '', ...sessionLines(s), '', `Your assignments: ${links.app}/assignments`, ...footer(list, links)].join('\n'),
  };
}
