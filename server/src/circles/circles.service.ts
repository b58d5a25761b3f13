import type { PublicUser } from '../../../shared/schemas/auth';
import type { CircleSession, JoinResponse, NextCircleResponse } from '../../../shared/schemas/circles';
import type { Clock } from '../clock';
import type { Admission } from '../live/admission';
import { meets } from '../scheduling/plan';
import { isWindowOpen, wallClock, type DropInWindow } from '../scheduling/schedule';
import { schedulingRepository } from '../scheduling/scheduling.repository';
import { mayAttend, sessionBasics, upcomingSessions, type LoadedSession } from '../scheduling/sessions';
import type { Db } from '../store/db';
import type { PledgeService } from './pledge.service';

export type CirclesService = ReturnType<typeof createCirclesService>;

/** The circles people drop into: the next one, one session, and joining one (who may is the admission's to say). */
export function createCirclesService(deps: {
  db: Db;
  clock: Clock;
  window: DropInWindow;
  admission: Admission;
  pledges: PledgeService;
  /** Notes what attendance counting will need from this join's webhooks (no person in it). */
  issueTicket?: (user: PublicUser, sessionId: string, identity: string, room: string, topic: string | null) => Promise<void>;
}) {
  const repo = schedulingRepository(deps.db);

  /**
   * The session as the home and pre-join pages show it to this person: with its drop-in window, whether that is
   * open now, and what the doors say to them (admission's rule, so a page never invites in whom a join refuses).
   */
  async function view(user: PublicUser, loaded: LoadedSession, now: Date): Promise<CircleSession> {
    const occ = loaded.planned.occurrence;
    const basics = sessionBasics(loaded);
    return {
      ...basics,
      opensAt: occ.opensAt.toISOString(),
      wallClock: { ...basics.wallClock, opensAt: wallClock(occ.opensAt, loaded.series.timezone) },
      isOpen: meets(loaded.planned) && isWindowOpen(occ, now),
      doors: await deps.admission.doors(user, loaded),
    };
  }

  return {
    /**
     * The circle to show first — in progress, else the next to open — and every other circle open now, of those
     * this person may attend. A circle its host ended is no longer one to show, even while its window is open.
     */
    async next(user: PublicUser): Promise<Omit<NextCircleResponse, 'now'>> {
      const now = deps.clock.now();
      const series = (await repo.activeSeries()).filter((s) => mayAttend(user, s, now));
      const upcoming = await upcomingSessions(deps.db, series, now, 8, deps.window);
      const views = (await Promise.all(upcoming.map((s) => view(user, s, now)))).filter((v) => v.doors !== 'ended');
      const [first, ...rest] = views;
      return { session: first ?? null, alsoOpen: first?.isOpen ? rest.filter((v) => v.isOpen) : [] };
    },

    /** One session, if this person may attend it. */
    async session(sessionId: string, user: PublicUser): Promise<CircleSession> {
      return view(user, await deps.admission.attendable(user, sessionId), deps.clock.now());
    },

    /** Whether this person must agree to the confidentiality pledge before joining, and its text. */
    pledge: (user: PublicUser) => deps.pledges.status(user.id),
    agreeToPledge: (user: PublicUser) => deps.pledges.agree(user.id),

    /**
     * Admission to one session now, with LiveKit details when media can be reached. Admission's refusals (the
     * schedule's, the live circle's, then the pledge) come before any token or ticket.
     */
    async join(user: PublicUser, sessionId: string): Promise<JoinResponse> {
      const entry = await deps.admission.circle(user, sessionId);
      const session = await view(user, entry.session, deps.clock.now());
      const media = await deps.admission.circleMedia(entry);
      // Only a join that can reach the room is counted (by its webhooks).
      if (media.available) await deps.issueTicket?.(user, session.id, entry.identity, entry.room, session.topic);
      return { session, identity: entry.identity, media };
    },
  };
}
