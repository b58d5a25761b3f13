import { DateTime } from 'luxon';
import type { PublicUser } from '../../../shared/schemas/auth';
import { HOST_LISTS, REMINDER_LISTS, type ReminderCounts, type ReminderList, type ReminderSettings } from '../../../shared/schemas/reminders';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import type { Logger } from '../log';
import { surelyNotSent, type Mailer } from '../mail/mailer';
import { publishCount } from '../reports/disclosure';
import { meets } from '../scheduling/plan';
import type { DropInWindow } from '../scheduling/schedule';
import type { ScheduleEvent } from '../scheduling/scheduleEvents';
import { schedulingRepository, venueOf } from '../scheduling/scheduling.repository';
import { loadSession, loadSessions, mayAttend, type LoadedSession } from '../scheduling/sessions';
import { createJobLease, type JobLease } from '../store/jobLease';
import type { Db } from '../store/db';
import { circleDayMail, noticeMail, type Mail, type MailSession, type MailWords, type NoticeKind, type Role } from './reminderMail';
import { createI18n, type I18n } from '../i18n/i18n';
import { DEFAULT_PROGRAM } from '../program/program';
import { Locale } from '../../../shared/i18n/locales';
import { remindersRepository, type Subscriber } from './reminders.repository';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribeToken';

export type RemindersService = ReturnType<typeof createRemindersService>;

/** A send SMTP refused is tried again on later runs, this many times in all; one claimed and never finished is not. */
const MAX_ATTEMPTS = 5;
/** Send records are kept this long: long enough that nothing they guard can come round again. */
const KEEP_SENDS_DAYS = 60;
const LEASE_MS = 10 * 60_000;

const NOTICE_KINDS: readonly NoticeKind[] = ['assigned', 'unassigned', 'moved', 'cancelled', 'restored'];
const listOfNotice = (kind: NoticeKind): ReminderList =>
  kind === 'assigned' || kind === 'unassigned' ? 'assignments' : kind === 'day_before' ? 'day_before' : 'changes';

/** Who may be on a list: anyone who takes part may get the morning reminder; only volunteers are rostered. */
export function listsFor(user: Pick<PublicUser, 'role'>): ReminderList[] {
  if (user.role === 'auditor') return [];
  return REMINDER_LISTS.filter((l) => !HOST_LISTS.includes(l) || user.role === 'volunteer');
}

function mailSession(s: LoadedSession): MailSession {
  return {
    title: s.series.title,
    topic: s.topic,
    startsAt: s.planned.occurrence.startsAt,
    timezone: s.series.timezone,
    format: s.series.format,
    location: s.series.location,
    venue: venueOf(s.series),
  };
}

/**
 * Opt-in e-mail reminders (issue #18, item 3). Every message goes through one claim in `reminder_sends` first, so
 * it is sent once whichever instance, job run or retry gets there; the scheduled part also runs under a job lease,
 * so instances do not all do the same work at once.
 */
export function createRemindersService(deps: {
  db: Db;
  clock: Clock;
  log: Logger;
  mailer: Mailer | null;
  /** Links in e-mails need the public origin; without it nothing is sent. */
  publicUrl: string | undefined;
  secret: string;
  window: DropInWindow;
  /** Morning reminders and day-before reminders go from this hour on, in each circle's own zone. */
  hour: number;
  threshold: number;
  lease?: JobLease;
  /** Every e-mail is written in its recipient's language (the built-in program's words without one). */
  i18n?: I18n;
}) {
  const i18n = deps.i18n ?? createI18n(DEFAULT_PROGRAM);
  /** The recipient's own language: the one on their account, else the program's default. */
  const wordsFor = (to: Subscriber): MailWords => {
    const locale = Locale.safeParse(to.locale).data ?? i18n.defaultLocale;
    return { t: i18n.t(locale), locale: i18n.offered.includes(locale) ? locale : i18n.defaultLocale, programZone: i18n.program.weeklyCircle.zone };
  };
  const repo = remindersRepository(deps.db);
  const lease = deps.lease ?? createJobLease(deps.db, deps.clock);
  const sending = deps.mailer !== null && deps.publicUrl !== undefined;

  const links = (userId: string, list: ReminderList) => ({
    app: deps.publicUrl!,
    unsubscribe: `${deps.publicUrl}/unsubscribe/${unsubscribeToken(deps.secret, userId, list)}`,
  });

  /** Claims, sends and records one message; false when another run has it (or had it). */
  async function deliver(kind: string, ref: string, to: Subscriber, list: ReminderList, mail: Mail): Promise<boolean> {
    if (!(await repo.claim(kind, ref, to.id, deps.clock.now(), MAX_ATTEMPTS))) return false;
    const { unsubscribe } = links(to.id, list);
    try {
      await deps.mailer!.send({
        to: to.email,
        subject: mail.subject,
        text: mail.text,
        // RFC 8058: mail clients offer "Unsubscribe" and POST to the link themselves, without the person signing in.
        headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      });
    } catch (err) {
      // A refusal is tried again by a later run. A failure that may have delivered it (the connection lost while
      // handing it over) stays claimed, like a crash mid-send: never a second copy.
      const retry = surelyNotSent(err);
      // Never the address or the text: which kind failed, and whether it will be tried again.
      deps.log.warn('reminders.mail_failed', { kind: kind.split(':')[0], error: err instanceof Error ? err.name : 'unknown', retry });
      if (retry) await repo.finish(kind, ref, to.id, 'failed', deps.clock.now());
      return false;
    }
    await repo.finish(kind, ref, to.id, 'sent', deps.clock.now());
    return true;
  }

  /** Zones of the active series where the reminder hour has come today, with today's date there. */
  async function dueZones(): Promise<Array<{ zone: string; today: string; series: Awaited<ReturnType<ReturnType<typeof schedulingRepository>['activeSeries']>> }>> {
    const series = await schedulingRepository(deps.db).activeSeries();
    const zones = [...new Set(series.map((s) => s.timezone))];
    const now = deps.clock.now();
    return zones.flatMap((zone) => {
      const local = DateTime.fromJSDate(now, { zone });
      if (!local.isValid || local.hour < deps.hour) return [];
      return [{ zone, today: local.toISODate()!, series: series.filter((s) => s.timezone === zone) }];
    });
  }

  /** Sessions of these series that meet on `date` (after any move), in the zone's own calendar. */
  async function meetingOn(series: Parameters<typeof loadSessions>[1], zone: string, date: string): Promise<LoadedSession[]> {
    const d = DateTime.fromISO(date);
    const around = await loadSessions(deps.db, series, d.minus({ days: 31 }).toISODate()!, d.plus({ days: 31 }).toISODate()!, deps.window);
    return around.filter((s) => meets(s.planned) && DateTime.fromJSDate(s.planned.occurrence.startsAt, { zone }).toISODate() === date);
  }

  async function morningReminders(): Promise<void> {
    const people = await repo.subscribers('circle_day');
    if (people.length === 0) return;
    const now = deps.clock.now();
    // Today's sessions by local date: zones that share a date share one e-mail. A zone whose reminder hour comes
    // after another's on the same date adds nothing that day (one e-mail per person per day).
    const byDate = new Map<string, LoadedSession[]>();
    for (const { zone, today, series } of await dueZones()) {
      const sessions = (await meetingOn(series, zone, today)).filter((s) => s.planned.occurrence.startsAt.getTime() > now.getTime());
      byDate.set(today, [...(byDate.get(today) ?? []), ...sessions]);
    }
    for (const [today, unsorted] of byDate) {
      const sessions = unsorted.sort((a, b) => a.planned.occurrence.startsAt.getTime() - b.planned.occurrence.startsAt.getTime());
      if (sessions.length === 0) continue;
      for (const p of people) {
        const user: PublicUser = { id: p.id, email: p.email, firstName: '', role: p.role, memberKind: p.memberKind, yearOfCall: p.yearOfCall, locale: null };
        if (listsFor(user).length === 0) continue;
        const theirs = sessions.filter((s) => mayAttend(user, s.series, now));
        if (theirs.length === 0) continue;
        // The claim is on the date, whatever circles it lists.
        await deliver('circle_day', today, p, 'circle_day', circleDayMail(wordsFor(p), theirs.map(mailSession), links(p.id, 'circle_day')));
      }
    }
  }

  async function dayBeforeReminders(): Promise<void> {
    for (const { zone, today, series } of await dueZones()) {
      const tomorrow = DateTime.fromISO(today).plus({ days: 1 }).toISODate()!;
      for (const s of await meetingOn(series, zone, tomorrow)) {
        const roster = [
          [s.planned.hostId, 'host'],
          [s.planned.backupId, 'backup'],
        ].filter((r): r is [string, Role] => r[0] !== null);
        if (roster.length === 0) continue;
        const subscribed = await repo.subscribers('day_before', roster.map(([id]) => id));
        for (const p of subscribed) {
          if (p.role !== 'volunteer') continue;
          const role = roster.find(([id]) => id === p.id)![1];
          await deliver(`day_before:${role}`, s.planned.id, p, 'day_before', noticeMail(wordsFor(p), 'day_before', role, mailSession(s), links(p.id, 'day_before')));
        }
      }
    }
  }

  /** Sends one waiting notice (a roster change or session change), read afresh from the schedule. */
  async function sendNotice(kind: string, ref: string, userId: string): Promise<void> {
    const [notice, role] = kind.split(':') as [NoticeKind, Role];
    const list = listOfNotice(notice);
    const [p] = await repo.subscribers(list, [userId]);
    if (!p || p.role !== 'volunteer') {
      await repo.drop(kind, ref, userId); // left the list (or can no longer be rostered) since
      return;
    }
    const sessionId = ref.slice(0, ref.lastIndexOf('@'));
    // A circle a paused or ended series took away is past the series' end now: it is still the one to tell about.
    const s = await loadSession(deps.db, sessionId, deps.window, { pastSeriesEnd: notice === 'cancelled' });
    if (!s) {
      await repo.drop(kind, ref, userId);
      return;
    }
    await deliver(kind, ref, p, list, noticeMail(wordsFor(p), notice, role, mailSession(s), links(p.id, list)));
  }

  async function queueNotices(e: ScheduleEvent): Promise<Array<[string, string, string]>> {
    const wanted: Array<[string, string, string]> = []; // [kind, ref, userId]
    const rostered = (notice: NoticeKind, ref: string, s: { hostId: string | null; backupId: string | null }) => {
      if (s.hostId) wanted.push([`${notice}:host`, ref, s.hostId]);
      if (s.backupId) wanted.push([`${notice}:backup`, ref, s.backupId]);
    };
    if (e.type === 'roster') {
      const ref = `${e.sessionId}@${e.sequence}`;
      for (const role of ['host', 'backup'] as const) {
        const before = role === 'host' ? e.before.hostId : e.before.backupId;
        const after = role === 'host' ? e.after.hostId : e.after.backupId;
        if (before === after) continue;
        if (after) wanted.push([`assigned:${role}`, ref, after]);
        if (before) wanted.push([`unassigned:${role}`, ref, before]);
      }
    } else if (e.type === 'change') {
      rostered(e.action === 'move' ? 'moved' : e.action === 'restore' ? 'restored' : 'cancelled', `${e.sessionId}@${e.sequence}`, e);
    } else {
      // A series paused, ended or resumed: one notice per session, by the series' revision (a pause, a resume and a
      // pause again are three changes, each told once).
      for (const s of e.sessions) rostered(e.action === 'restore' ? 'restored' : 'cancelled', `${s.sessionId}@series-${e.revision}`, s);
    }
    // Not for what someone did themselves (a volunteer declining), and only for people on that list.
    const out: Array<[string, string, string]> = [];
    for (const [kind, ref, userId] of wanted) {
      if (userId === e.by) continue;
      const list = listOfNotice(kind.split(':')[0] as NoticeKind);
      if ((await repo.subscribers(list, [userId])).length === 0) continue;
      await repo.queue(kind, ref, userId, deps.clock.now());
      out.push([kind, ref, userId]);
    }
    return out;
  }

  async function retryNotices(): Promise<void> {
    for (const o of await repo.open(MAX_ATTEMPTS)) {
      if (NOTICE_KINDS.includes(o.kind.split(':')[0] as NoticeKind)) await sendNotice(o.kind, o.ref, o.userId);
    }
  }

  async function settings(user: PublicUser): Promise<ReminderSettings> {
    const on = new Set(await repo.listsOf(user.id));
    return { lists: listsFor(user).map((list) => ({ list, subscribed: on.has(list) })), mailAvailable: sending, hour: deps.hour };
  }

  return {
    settings,

    async choose(user: PublicUser, list: ReminderList, subscribed: boolean): Promise<ReminderSettings> {
      if (!listsFor(user).includes(list)) {
        throw new AppError(403, 'FORBIDDEN', 'reminders.error.volunteersOnly');
      }
      if (subscribed) await repo.subscribe(user.id, list, deps.clock.now());
      else await repo.unsubscribe(user.id, list);
      return settings(user);
    },

    /** The one-click unsubscribe: the signed token is the credential, no session is needed. */
    async unsubscribe(token: string): Promise<ReminderList> {
      const named = readUnsubscribeToken(deps.secret, token);
      if (!named) {
        throw new AppError(400, 'UNSUBSCRIBE_INVALID', 'reminders.error.badLink');
      }
      await repo.unsubscribe(named.userId, named.list);
      return named.list;
    },

    /** Staff: how many are on each list, with small counts withheld; never who. */
    async counts(): Promise<ReminderCounts> {
      const n = await repo.counts();
      return { threshold: deps.threshold, lists: REMINDER_LISTS.map((list) => ({ list, count: publishCount(n.get(list) ?? 0, deps.threshold) })) };
    },

    /** Told by the schedule after a change; the notices are kept first, then sent (a failure is retried by the job). */
    onScheduleEvent(e: ScheduleEvent): void {
      if (!sending) return;
      void queueNotices(e)
        .then(async (queued) => {
          for (const [kind, ref, userId] of queued) await sendNotice(kind, ref, userId);
        })
        .catch((err: unknown) => deps.log.warn('reminders.notice_failed', { error: err instanceof Error ? err.name : 'unknown' }));
    },

    /**
     * One run of the reminders job: the morning and day-before reminders that are due, and notices to try again.
     * Under the job lease; returns false when another instance holds it.
     */
    async runOnce(): Promise<boolean> {
      if (!sending) return false;
      return lease.run('reminders', LEASE_MS, async () => {
        await morningReminders();
        await dayBeforeReminders();
        await retryNotices();
        await repo.forgetBefore(DateTime.fromJSDate(deps.clock.now()).minus({ days: KEEP_SENDS_DAYS }).toJSDate());
      });
    },
  };
}
