import { randomUUID } from 'node:crypto';
import { MEMBER_KINDS, type PublicUser } from '../../../shared/schemas/auth';
import {
  Contact,
  MatchPreferences,
  PeerProfile,
  REQUEST_CATEGORIES,
  type CreateRequestBody,
  type MatchView,
  type Notice,
  type OwnRequest,
  type Exclusion,
  type PairRoomResponse,
  type Outcome,
  type QueueResponse,
  type RequestDetail,
  type StatsResponse,
  type SuggestionsResponse,
  type VolunteerMatch,
  type Weights,
} from '../../../shared/schemas/matching';
import type { MessageId } from '../../../shared/i18n/catalog';
import type { Translate } from '../../../shared/i18n/translate';
import { record } from '../audit/audit.repository';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import { currentLocale, type I18n } from '../i18n/i18n';
import { currentVolunteers, volunteerReadiness } from '../people/readiness';
import { toPublicUser, usersRepository } from '../auth/users.repository';
import type { Admission } from '../live/admission';
import type { Logger } from '../log';
import type { Mailer } from '../mail/mailer';
import type { Db, Queryable } from '../store/db';
import { matchesBeforePlatform, matchHistoryRepository } from './history.repository';
import { matchingRepository, type MatchRow } from './matching.repository';
import { exclusionsFor, rankCandidates, type Candidate } from './scoring';
import { suppressSmallCells } from './suppression';
import type { CircleKeys } from '../livekit/circleKeys';

export type MatchingService = ReturnType<typeof createMatchingService>;

type NoticeKind = Notice['kind'];

/** Notices say what happened and where to look; never what a request is about. Each is read in its reader's locale. */
const NOTICE_TEXT: Record<NoticeKind, MessageId> = {
  request_received: 'matching.notice.request_received',
  match_proposed: 'matching.notice.match_proposed',
  match_accepted: 'matching.notice.match_accepted',
  match_declined: 'matching.notice.match_declined',
  match_active: 'matching.notice.match_active',
  match_closed: 'matching.notice.match_closed',
};

/** How an exclusion reads inside a refusal ("paused, at capacity"). */
const EXCLUSION_IN_TEXT: Record<Exclusion, MessageId> = {
  paused: 'matching.exclusionShort.paused',
  at_capacity: 'matching.exclusionShort.at_capacity',
  same_organisation: 'matching.exclusionShort.same_organisation',
  already_declined: 'matching.exclusionShort.already_declined',
};

/** Which of the two readiness items are missing, as the refusal's `missing` select reads it. */
const missingKey = (missing: readonly string[]): string => missing.join('_') || 'none';

const MILESTONE_STEP = 100;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const notFound = () => new AppError(404, 'NOT_FOUND', 'matching.error.requestNotFound');
const matchNotFound = () => new AppError(404, 'NOT_FOUND', 'matching.error.matchNotFound');

export function createMatchingService(deps: {
  db: Db;
  clock: Clock;
  log: Logger;
  retentionDays: number;
  smallCellThreshold: number;
  /** Matches made before the platform, counted into totals and milestones, until staff enter yearly history. */
  matchesBeforePlatform: number;
  /** null: in-app notices only. */
  mailer: Mailer | null;
  /** For the link in emails. */
  publicUrl: string | undefined;
  /** Media rights in the pair's room: the same admission as the circles'. */
  admission: Pick<Admission, 'room'>;
  /** The pair room's end-to-end media key. */
  mediaKeys: Pick<CircleKeys, 'pairKeyFor'>;
  /** Words: answers in the request's locale, e-mails in each recipient's (their account's, else the program's default). */
  i18n: I18n;
}) {
  /** The words of the request or command being answered. */
  const here = (): Translate => deps.i18n.t(currentLocale() ?? deps.i18n.defaultLocale);
  const repo = matchingRepository(deps.db);
  const users = usersRepository(deps.db);

  type Outbox = Array<{ userId: string; kind: NoticeKind }>;

  /** Stores an in-app notice inside the caller's transaction and queues the email for after it commits. */
  async function notify(db: Queryable, outbox: Outbox, userId: string | null, kind: NoticeKind): Promise<void> {
    if (!userId) return;
    await matchingRepository(db).insertNotice({ id: randomUUID(), user_id: userId, kind, at: deps.clock.now() });
    outbox.push({ userId, kind });
  }

  /**
   * Emails the queued notices, in the background: a slow or failing mail server never holds up or undoes a match.
   * The message is the fixed notice text and a link, never anything from the request, in the recipient's locale.
   */
  function send(outbox: Outbox): void {
    const mailer = deps.mailer;
    if (!mailer) return;
    for (const { userId, kind } of outbox) {
      void (async () => {
        const user = await users.byId(userId);
        if (!user) return;
        const t = deps.i18n.t(toPublicUser(user).locale ?? deps.i18n.defaultLocale);
        const link = deps.publicUrl ? `\n\n${t('matching.mail.signIn', { url: `${deps.publicUrl}/support` })}` : '';
        await mailer.send({ to: user.email, subject: t('matching.mail.subject'), text: `${t(NOTICE_TEXT[kind])}${link}` });
      })().catch(() => deps.log.warn('matching.mail_failed', { kind }));
    }
  }

  const matchView = (m: MatchRow): MatchView => ({
    id: m.id,
    requestId: m.request_id,
    volunteerId: m.volunteer_id ?? '',
    volunteerFirstName: m.volunteer_first_name ?? here()('matching.formerVolunteer'),
    status: m.status,
    proposedAt: new Date(m.proposed_at).toISOString(),
    respondedAt: m.responded_at ? new Date(m.responded_at).toISOString() : null,
    closedAt: m.closed_at ? new Date(m.closed_at).toISOString() : null,
    outcome: m.outcome,
  });

  async function requestOrThrow(id: string) {
    const row = await repo.requestById(id);
    if (!row) throw notFound();
    return row;
  }

  /** Volunteers with a peer profile who can be matched: only those whose readiness is current (people/readiness.ts). */
  async function candidatesFor(requestId: string): Promise<Candidate[]> {
    const rows = await repo.candidates(requestId);
    const current = await currentVolunteers(deps.db, rows.map((r) => r.user_id), deps.clock.now());
    return rows.filter((r) => current.has(r.user_id)).map((r) => ({
      volunteerId: r.user_id,
      firstName: r.first_name,
      profile: PeerProfile.parse(r.profile),
      activeMatches: r.active_matches,
      lastMatchedAt: r.last_matched_at ? new Date(r.last_matched_at) : null,
      declinedThisRequest: r.declined,
    }));
  }

  return {
    async createRequest(user: PublicUser, body: CreateRequestBody): Promise<{ id: string }> {
      const id = randomUUID();
      const outbox: Outbox = [];
      await deps.db.transaction(async (tx) => {
        await matchingRepository(tx).insertRequest({
          id,
          requester_id: user.id,
          caller_kind: user.memberKind,
          category: body.category,
          details: body.details,
          organisation: body.organisation ?? null,
          preferences: body.preferences,
          contact: body.contact,
          from_circle: body.fromCircle,
          status: 'open',
          created_at: deps.clock.now(),
        });
        await notify(tx, outbox, user.id, 'request_received');
      });
      send(outbox);
      deps.log.info('matching.request_created', { category: body.category, fromCircle: body.fromCircle });
      return { id };
    },

    async ownRequests(user: PublicUser): Promise<OwnRequest[]> {
      return (await repo.requestsOf(user.id)).map((r) => ({
        id: r.id,
        category: r.category,
        status: r.status,
        createdAt: new Date(r.created_at).toISOString(),
        activeMatchId: r.active_match_id,
      }));
    },

    /** The pair's private room: only the caller and the volunteer of an active match get in. */
    async pairRoom(user: PublicUser, matchId: string): Promise<PairRoomResponse> {
      const m = await repo.matchById(matchId);
      const request = m ? await repo.requestById(m.request_id) : null;
      // Anyone else, staff included, sees no such room.
      if (!m || !request || (user.id !== m.volunteer_id && user.id !== request.requester_id)) throw matchNotFound();
      if (m.status !== 'active') throw new AppError(409, 'CONFLICT', 'matching.error.roomNotActive');
      const { identity, media } = await deps.admission.room(user, `match_${m.id}`);
      // Encrypted end to end like a circle: the key goes to one of the two, in the answer to their signed-in request.
      const e2ee = media.available ? { epoch: 0, key: deps.mediaKeys.pairKeyFor(m.id).toString('base64url') } : null;
      return { identity, media, e2ee };
    },

    async queue(): Promise<QueueResponse> {
      const now = deps.clock.now().getTime();
      const [requests, loads, active] = await Promise.all([repo.queue(), repo.volunteerLoads(), repo.activeMatches()]);
      return {
        requests: requests.map((r) => ({
          id: r.id,
          category: r.category,
          callerKind: r.caller_kind,
          status: r.status,
          createdAt: new Date(r.created_at).toISOString(),
          waitingHours: Math.max(0, Math.floor((now - new Date(r.created_at).getTime()) / HOUR)),
          pendingProposal: r.pending,
        })),
        volunteers: loads.map((v) => ({
          volunteerId: v.user_id,
          firstName: v.first_name,
          activeMatches: v.active_matches,
          capacity: v.capacity,
          available: v.available,
        })),
        activeMatches: active.map(matchView),
      };
    },

    /** Staff only (the route checks); every read is written to the audit log before anything is returned. */
    async readRequest(staff: PublicUser, id: string): Promise<RequestDetail> {
      const r = await requestOrThrow(id);
      await record(deps.db, { actorId: staff.id, action: 'request.read', targetType: 'support_request', targetId: id, at: deps.clock.now() });
      const contact = Contact.safeParse(r.contact);
      return {
        id: r.id,
        category: r.category,
        callerKind: r.caller_kind,
        callerFirstName: r.caller_first_name ?? null,
        details: r.details,
        organisation: r.organisation,
        preferences: MatchPreferences.parse(r.preferences),
        // An anonymised request keeps no contact details.
        contact: contact.success ? contact.data : { method: 'email' },
        fromCircle: r.from_circle,
        status: r.status,
        createdAt: new Date(r.created_at).toISOString(),
        matches: (await repo.matchesOfRequest(id)).map(matchView),
      };
    },

    async suggestions(staff: PublicUser, id: string, weights: Weights): Promise<SuggestionsResponse> {
      const r = await requestOrThrow(id);
      await record(deps.db, { actorId: staff.id, action: 'request.suggestions', targetType: 'support_request', targetId: id, at: deps.clock.now() });
      const caller = { organisation: r.organisation, preferences: MatchPreferences.parse(r.preferences) };
      const year = deps.clock.now().getUTCFullYear();
      return { weights, suggestions: rankCandidates(caller, await candidatesFor(id), weights, year, here()) };
    },

    async propose(staff: PublicUser, requestId: string, volunteerId: string): Promise<MatchView> {
      const r = await requestOrThrow(requestId);
      if (r.status !== 'open') throw new AppError(409, 'CONFLICT', 'matching.error.alreadyMatched');
      const caller = { organisation: r.organisation, preferences: MatchPreferences.parse(r.preferences) };
      const candidate = (await candidatesFor(requestId)).find((c) => c.volunteerId === volunteerId);
      if (!candidate) {
        const readiness = await volunteerReadiness(deps.db, volunteerId, deps.clock.now());
        const isVolunteer = (await deps.db.query("SELECT 1 FROM users WHERE id = $1 AND role = 'volunteer'", [volunteerId])).length > 0;
        if (isVolunteer && !readiness.current) {
          throw new AppError(
            409,
            'VOLUNTEER_NOT_CURRENT',
            { id: 'matching.error.volunteerNotCurrent', values: { missing: missingKey(readiness.missing) } },
            { data: { volunteerId, missing: readiness.missing } },
          );
        }
      }
      if (!candidate) throw new AppError(404, 'NOT_FOUND', 'matching.error.noProfile');
      const excluded = exclusionsFor(caller, candidate);
      if (excluded.length > 0) {
        const t = here();
        const reasons = excluded.map((x) => t(EXCLUSION_IN_TEXT[x])).join(', ');
        throw new AppError(409, 'CONFLICT', { id: 'matching.error.excluded', values: { reasons } }, { data: { excluded } });
      }
      const id = randomUUID();
      const outbox: Outbox = [];
      try {
        await deps.db.transaction(async (tx) => {
          await matchingRepository(tx).insertMatch({ id, request_id: requestId, volunteer_id: volunteerId, proposed_by: staff.id, proposed_at: deps.clock.now() });
          await record(tx, { actorId: staff.id, action: 'match.proposed', targetType: 'support_request', targetId: requestId, at: deps.clock.now() });
          await notify(tx, outbox, volunteerId, 'match_proposed');
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError(409, 'CONFLICT', 'matching.error.proposalWaiting');
        throw err;
      }
      send(outbox);
      deps.log.info('matching.proposed', { match: id });
      return matchView((await repo.matchById(id))!);
    },

    async volunteerMatches(volunteer: PublicUser): Promise<VolunteerMatch[]> {
      return (await repo.matchesOfVolunteer(volunteer.id)).map((m) => ({
        id: m.id,
        status: m.status,
        category: m.category,
        callerKind: m.caller_kind,
        proposedAt: new Date(m.proposed_at).toISOString(),
      }));
    },

    async respond(volunteer: PublicUser, matchId: string, accept: boolean): Promise<void> {
      const now = deps.clock.now();
      const outbox: Outbox = [];
      await deps.db.transaction(async (tx) => {
        const txRepo = matchingRepository(tx);
        const m = await txRepo.matchById(matchId);
        // Someone else's match looks exactly like a missing one.
        if (!m || m.volunteer_id !== volunteer.id) throw matchNotFound();
        if (m.status !== 'proposed') throw new AppError(409, 'CONFLICT', 'matching.error.alreadyAnswered');
        const request = await txRepo.requestById(m.request_id);
        if (!request) throw matchNotFound();
        if (accept) {
          // A volunteer whose training or undertaking lapsed since the proposal cannot take the match (people/readiness.ts).
          const readiness = await volunteerReadiness(tx, volunteer.id, now);
          if (!readiness.current) {
            throw new AppError(
              409,
              'VOLUNTEER_NOT_CURRENT',
              { id: 'matching.error.acceptNotCurrent', values: { missing: missingKey(readiness.missing) } },
              { data: { volunteerId: volunteer.id, missing: readiness.missing } },
            );
          }
          await txRepo.lockProfile(volunteer.id);
          const profile = PeerProfile.safeParse(await txRepo.profileOf(volunteer.id));
          const capacity = profile.success ? profile.data.capacity : 0;
          if ((await txRepo.activeCountOf(volunteer.id)) >= capacity) {
            throw new AppError(409, 'CONFLICT', 'matching.error.atCapacity');
          }
        }
        const moved = await txRepo.transition(matchId, 'proposed', accept ? 'active' : 'declined', {
          responded_at: now,
          ...(accept ? { accepted_at: now } : {}),
        });
        if (!moved) throw new AppError(409, 'CONFLICT', 'matching.error.alreadyAnswered');
        if (accept) {
          await txRepo.setRequestStatus(m.request_id, 'matched');
          await notify(tx, outbox, request.requester_id, 'match_active');
        }
        await notify(tx, outbox, m.proposed_by, accept ? 'match_accepted' : 'match_declined');
        if (!accept) await record(tx, { actorId: volunteer.id, action: 'match.declined', targetType: 'support_request', targetId: m.request_id, at: now });
      });
      send(outbox);
      deps.log.info(accept ? 'matching.accepted' : 'matching.declined', { match: matchId });
    },

    async close(staff: PublicUser, matchId: string, outcome: Outcome): Promise<void> {
      const now = deps.clock.now();
      const outbox: Outbox = [];
      await deps.db.transaction(async (tx) => {
        const txRepo = matchingRepository(tx);
        const m = await txRepo.matchById(matchId);
        if (!m) throw matchNotFound();
        if (!(await txRepo.transition(matchId, 'active', 'closed', { closed_at: now, outcome }))) {
          throw new AppError(409, 'CONFLICT', 'matching.error.onlyActiveClose');
        }
        await txRepo.setRequestStatus(m.request_id, 'closed', now);
        await record(tx, { actorId: staff.id, action: 'match.closed', targetType: 'support_request', targetId: m.request_id, at: now });
        const request = await txRepo.requestById(m.request_id);
        await notify(tx, outbox, request?.requester_id ?? null, 'match_closed');
        await notify(tx, outbox, m.volunteer_id, 'match_closed');
      });
      send(outbox);
      deps.log.info('matching.closed', { match: matchId, outcome });
    },

    async ownProfile(volunteer: PublicUser): Promise<PeerProfile | null> {
      const raw = await repo.profileOf(volunteer.id);
      return raw ? PeerProfile.parse(raw) : null;
    },

    async saveProfile(volunteer: PublicUser, profile: PeerProfile): Promise<PeerProfile> {
      await repo.upsertProfile(volunteer.id, profile, deps.clock.now());
      return profile;
    },

    async notices(user: PublicUser): Promise<Notice[]> {
      const t = here();
      return (await repo.noticesOf(user.id)).map((n) => {
        const kind = n.kind as NoticeKind;
        const id = Object.hasOwn(NOTICE_TEXT, kind) ? NOTICE_TEXT[kind] : null;
        return { id: n.id, kind, at: new Date(n.at).toISOString(), text: id ? t(id) : '' };
      });
    },

    async stats(): Promise<StatsResponse> {
      const t = deps.smallCellThreshold;
      const accepted = await repo.acceptedTimes();
      const byYear = new Map<number, number>();
      for (const at of accepted) byYear.set(at.getUTCFullYear(), (byYear.get(at.getUTCFullYear()) ?? 0) + 1);
      // The n-th match overall is the (n − prior)-th made here; milestones reached before the platform have no date.
      const prior = matchesBeforePlatform(await matchHistoryRepository(deps.db).years(), deps.matchesBeforePlatform);
      const total = prior + accepted.length;
      const milestones = [];
      for (let n = MILESTONE_STEP; n <= total; n += MILESTONE_STEP) {
        const here = accepted[n - prior - 1];
        milestones.push({ count: n, reachedAt: here ? here.toISOString() : null });
      }
      const counts = await repo.requestCounts();
      const sum = (pred: (c: (typeof counts)[number]) => boolean) => counts.filter(pred).reduce((s, c) => s + c.n, 0);
      const kinds = [...MEMBER_KINDS, 'unknown'];
      return {
        threshold: t,
        totalMatches: total,
        matchesBeforePlatform: prior,
        matchesByYear: [...byYear].sort(([a], [b]) => a - b).map(([year, count]) => ({ year, count })),
        milestones,
        nextMilestone: (Math.floor(total / MILESTONE_STEP) + 1) * MILESTONE_STEP,
        totalRequests: sum(() => true),
        byCategory: suppressSmallCells(
          REQUEST_CATEGORIES.map((key) => ({ key, count: sum((c) => c.category === key) })),
          t,
        ),
        byCallerKind: suppressSmallCells(
          kinds.map((key) => ({ key, count: sum((c) => (c.caller_kind ?? 'unknown') === key) })),
          t,
        ),
      };
    },

    /** Anonymises requests whose match closed more than the retention period ago. Run by a timer in app.ts. */
    async applyRetention(): Promise<number> {
      const now = deps.clock.now();
      const n = await repo.anonymiseClosedBefore(new Date(now.getTime() - deps.retentionDays * DAY), now);
      if (n > 0) deps.log.info('matching.anonymised', { count: n });
      return n;
    },
  };
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && (err as { code: unknown }).code === '23505';
}
