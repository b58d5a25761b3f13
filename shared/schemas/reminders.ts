import { z } from 'zod';
import { Count } from './reports';

/**
 * The reminder lists a person may be on; every one is opt-in (nobody is on a list until they ask) and each has
 * its own one-click unsubscribe link.
 * - `circle_day`: a morning e-mail on days with a circle the person may attend, with its topic.
 * - `assignments`: a volunteer is told when staff make them host or backup of a session, or take them off it.
 * - `day_before`: a volunteer is reminded the day before a session they host or back up.
 * - `changes`: a volunteer is told when a session they are rostered on moves, is cancelled or is back on.
 */
export const REMINDER_LISTS = ['circle_day', 'assignments', 'day_before', 'changes'] as const;
export const ReminderList = z.enum(REMINDER_LISTS);
export type ReminderList = z.infer<typeof ReminderList>;

/** The lists only for people who can be rostered (volunteers). */
export const HOST_LISTS: readonly ReminderList[] = ['assignments', 'day_before', 'changes'];

/** GET /api/reminders — the person's own choices; `mailAvailable` is false when the server sends no e-mail at all. */
export const ReminderSettings = z.object({
  lists: z.array(z.object({ list: ReminderList, subscribed: z.boolean() })),
  mailAvailable: z.boolean(),
  /** The hour (0–23, each circle's own zone) the morning and day-before reminders go from. */
  hour: z.number().int().min(0).max(23),
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

/** PUT /api/reminders/:list — on or off, for one's own account only. */
export const ReminderChoiceBody = z.object({ subscribed: z.boolean() }).strict();
export type ReminderChoiceBody = z.infer<typeof ReminderChoiceBody>;

export const ReminderListParams = z.object({ list: ReminderList }).strict();

/**
 * An unsubscribe token: `<list>.<account id in base64url>.<HMAC>`; the list is readable so the page can say which
 * e-mails stop, the rest means nothing without the server's secret. No e-mail address in it.
 */
export const UnsubscribeToken = z.string().regex(/^[a-z_]{3,20}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/, 'reminders.validation.notAToken');

/** The body of the RFC 8058 one-click POST, exactly as mail clients send it. */
export const OneClickBody = z.object({ 'List-Unsubscribe': z.literal('One-Click') }).strict();

/** POST /unsubscribe/:token — which list the person left. */
export const UnsubscribeResult = z.object({ list: ReminderList, unsubscribed: z.literal(true) });
export type UnsubscribeResult = z.infer<typeof UnsubscribeResult>;

/** GET /api/reminders/counts — how many people are on each list (staff), with small-cell suppression; never who. */
export const ReminderCounts = z.object({
  threshold: z.number().int().positive(),
  lists: z.array(z.object({ list: ReminderList, count: Count })),
});
export type ReminderCounts = z.infer<typeof ReminderCounts>;

/** What each list is called wherever a person chooses, leaves or counts it: catalog ids (reminders namespace). */
export const REMINDER_LIST_LABELS = {
  circle_day: 'reminders.list.circle_day',
  assignments: 'reminders.list.assignments',
  day_before: 'reminders.list.day_before',
  changes: 'reminders.list.changes',
} as const satisfies Record<ReminderList, string>;
