import { DateTime } from 'luxon';
import type { PublicUser } from '../../../shared/schemas/auth';
import type { Headcount, HeadcountBody, HeadcountSession } from '../../../shared/schemas/headcount';
import { record } from '../audit/audit.repository';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import { isHostOf, type SessionHostIds } from '../live/hostPolicy';
import { currentVolunteers } from '../people/readiness';
import { meets } from '../scheduling/plan';
import { wallClock, type DropInWindow } from '../scheduling/schedule';
import { schedulingRepository, venueOf } from '../scheduling/scheduling.repository';
import { loadSession, loadSessions, type LoadedSession } from '../scheduling/sessions';
import type { Db } from '../store/db';
import { headcountRepository, type HeadcountRow } from './headcount.repository';

/**
 * How long after an in-person circle ends its headcount can still be recorded or corrected: two weeks, so a host
 * who forgot on the day can catch up by the next fortnightly circle, and staff can correct a typo from a host's
 * note, while the figure is still fresh; after that the reports treat it as settled.
 */
export const HEADCOUNT_OPEN_DAYS = 14;
const DAY_MS = 86_400_000;

export type HeadcountService = ReturnType<typeof createHeadcountService>;

const openUntilOf = (s: LoadedSession) => new Date(s.planned.occurrence.endsAt.getTime() + HEADCOUNT_OPEN_DAYS * DAY_MS);

function viewOf(h: HeadcountRow): Headcount {
  return { total: h.total, lawyers: h.lawyers, articlingStudents: h.articlingStudents, volunteers: h.volunteers, recordedAt: h.recordedAt.toISOString() };
}

/**
 * Headcounts of in-person circles: after a circle has started (and for HEADCOUNT_OPEN_DAYS after its end) its
 * rostered host or backup, or staff, record how many came — a number, by kind if they wish, never names. They go
 * into the attendance reports with the same small-cell suppression as online attendance.
 */
export function createHeadcountService(deps: {
  db: Db;
  clock: Clock;
  window: DropInWindow;
  hostIds: SessionHostIds;
  /** The program's zone, whose calendar day readiness dates count by. */
  zone: string;
}) {
  const store = headcountRepository(deps.db);
  // Host or backup by the roster, and (a volunteer) current by the one readiness rule, as for hosting itself.
  const isCurrent = async (userId: string) => (await currentVolunteers(deps.db, [userId], deps.clock.now(), deps.zone)).has(userId);

  /** Whether this session's headcount can be recorded now; the refusal says why not. */
  function checkRecordable(s: LoadedSession): void {
    if (s.series.format !== 'in_person') {
      throw new AppError(409, 'NOT_IN_PERSON', 'attendance.error.notInPerson');
    }
    if (!meets(s.planned)) throw new AppError(409, 'SESSION_NOT_MEETING', 'attendance.error.notMeeting');
    const now = deps.clock.now().getTime();
    if (now < s.planned.occurrence.startsAt.getTime()) {
      throw new AppError(409, 'HEADCOUNT_CLOSED', 'attendance.error.notStarted');
    }
    if (now > openUntilOf(s).getTime()) {
      throw new AppError(409, 'HEADCOUNT_CLOSED', { id: 'attendance.error.settled', values: { days: HEADCOUNT_OPEN_DAYS } });
    }
  }

  return {
    /**
     * The in-person sessions this person may record a headcount for now (staff: all; a volunteer: those they are
     * host or backup of), newest first, with what is recorded so far.
     */
    async recordable(user: PublicUser): Promise<HeadcountSession[]> {
      const now = deps.clock.now();
      const series = (await schedulingRepository(deps.db).allSeries()).filter((s) => s.format === 'in_person');
      const utc = DateTime.fromJSDate(now, { zone: 'UTC' });
      const from = utc.minus({ days: HEADCOUNT_OPEN_DAYS + 2 }).toISODate()!;
      const to = utc.plus({ days: 1 }).toISODate()!;
      const open = (await loadSessions(deps.db, series, from, to, deps.window)).filter(
        (s) => meets(s.planned) && s.planned.occurrence.startsAt <= now && openUntilOf(s) >= now,
      );
      const mine: LoadedSession[] = [];
      for (const s of open) if (await isHostOf(user, s.planned.id, deps.hostIds, isCurrent)) mine.push(s);
      const counts = new Map((await store.of(mine.map((s) => s.planned.id))).map((h) => [h.sessionId, h]));
      return mine
        .sort((a, b) => b.planned.occurrence.startsAt.getTime() - a.planned.occurrence.startsAt.getTime())
        .map((s) => {
          const h = counts.get(s.planned.id);
          return {
            sessionId: s.planned.id,
            title: s.series.title,
            topic: s.topic,
            startsAt: s.planned.occurrence.startsAt.toISOString(),
            wallClockStartsAt: wallClock(s.planned.occurrence.startsAt, s.series.timezone),
            location: s.series.location,
            venue: venueOf(s.series),
            openUntil: openUntilOf(s).toISOString(),
            headcount: h ? viewOf(h) : null,
          };
        });
    },

    /**
     * The session, if this person may record its headcount: staff, or its rostered host or backup. Asked before
     * the body is read, so nobody else learns anything from a validation message.
     */
    async authorize(user: PublicUser, sessionId: string): Promise<LoadedSession> {
      const s = await loadSession(deps.db, sessionId, deps.window);
      if (!s) throw new AppError(404, 'NOT_FOUND', 'attendance.error.notFound');
      if (!(await isHostOf(user, s.planned.id, deps.hostIds, isCurrent))) {
        throw new AppError(403, 'FORBIDDEN', 'attendance.error.forbidden');
      }
      return s;
    },

    /** Records (or corrects: the last write stands) a headcount, audited as the person's action without its numbers. */
    async record(user: PublicUser, s: LoadedSession, body: HeadcountBody): Promise<Headcount> {
      checkRecordable(s);
      const at = deps.clock.now();
      const { corrected } = await store.put(s.planned.id, s.planned.localDate, s.topic, body, at);
      await record(deps.db, {
        actorId: user.id,
        action: corrected ? 'session.headcount_correct' : 'session.headcount',
        targetType: 'session',
        targetId: s.planned.id,
        at,
      });
      return viewOf((await store.of([s.planned.id]))[0]!);
    },

    /** The headcounts of sessions between two days, for the reports (numbers only). */
    between: (from: string, to: string) => store.between(from, to),
  };
}
