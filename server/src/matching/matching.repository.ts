import type { MemberKind } from '../../../shared/schemas/auth';
import type { MatchStatus, Outcome, RequestCategory } from '../../../shared/schemas/matching';
import type { Queryable } from '../store/db';

export interface RequestRow {
  id: string;
  requester_id: string | null;
  caller_kind: MemberKind | null;
  category: RequestCategory;
  details: string;
  organisation: string | null;
  preferences: unknown;
  contact: unknown;
  from_circle: boolean;
  status: 'open' | 'matched' | 'closed';
  created_at: Date;
  closed_at: Date | null;
  /** Joined from users; null once the requester is gone or the request is anonymised. */
  caller_first_name?: string | null;
}

export interface MatchRow {
  id: string;
  request_id: string;
  volunteer_id: string | null;
  volunteer_first_name: string | null;
  status: MatchStatus;
  proposed_by: string | null;
  proposed_at: Date;
  responded_at: Date | null;
  accepted_at: Date | null;
  closed_at: Date | null;
  outcome: Outcome | null;
}

export interface CandidateRow {
  user_id: string;
  first_name: string;
  profile: unknown;
  active_matches: number;
  last_matched_at: Date | null;
  declined: boolean;
}

const MATCH_SELECT = `SELECT m.*, u.first_name AS volunteer_first_name FROM peer_matches m LEFT JOIN users u ON u.id = m.volunteer_id`;

export function matchingRepository(db: Queryable) {
  return {
    async insertRequest(r: Omit<RequestRow, 'closed_at' | 'caller_first_name'>): Promise<void> {
      await db.query(
        `INSERT INTO support_requests
           (id, requester_id, caller_kind, category, details, organisation, preferences, contact, from_circle, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          r.id,
          r.requester_id,
          r.caller_kind,
          r.category,
          r.details,
          r.organisation,
          JSON.stringify(r.preferences),
          JSON.stringify(r.contact),
          r.from_circle,
          r.status,
          r.created_at,
        ],
      );
    },
    async requestById(id: string): Promise<RequestRow | null> {
      const rows = await db.query<RequestRow>(
        `SELECT r.*, u.first_name AS caller_first_name FROM support_requests r LEFT JOIN users u ON u.id = r.requester_id
         WHERE r.id = $1`,
        [id],
      );
      return rows[0] ?? null;
    },
    async requestsOf(requesterId: string): Promise<Array<RequestRow & { active_match_id: string | null }>> {
      return db.query(
        `SELECT r.*, (SELECT m.id FROM peer_matches m WHERE m.request_id = r.id AND m.status = 'active') AS active_match_id
         FROM support_requests r WHERE r.requester_id = $1 ORDER BY r.created_at DESC, r.id`,
        [requesterId],
      );
    },
    /** Open and matched requests, oldest first, with whether a proposal is waiting on a volunteer. */
    async queue(): Promise<Array<RequestRow & { pending: boolean }>> {
      return db.query(
        `SELECT r.*, EXISTS (SELECT 1 FROM peer_matches m WHERE m.request_id = r.id AND m.status = 'proposed') AS pending
         FROM support_requests r WHERE r.status IN ('open', 'matched') ORDER BY r.created_at, r.id`,
      );
    },
    async setRequestStatus(id: string, status: RequestRow['status'], closedAt: Date | null = null): Promise<void> {
      await db.query('UPDATE support_requests SET status = $2, closed_at = $3 WHERE id = $1', [id, status, closedAt]);
    },

    /** Holds the volunteer's profile row until the transaction ends, so two accepts cannot both pass the capacity check. */
    async lockProfile(userId: string): Promise<void> {
      await db.query('SELECT 1 FROM peer_profiles WHERE user_id = $1 FOR UPDATE', [userId]);
    },
    async profileOf(userId: string): Promise<unknown> {
      const rows = await db.query<{ profile: unknown }>('SELECT profile FROM peer_profiles WHERE user_id = $1', [userId]);
      return rows[0]?.profile ?? null;
    },
    async upsertProfile(userId: string, profile: { capacity: number; available: boolean }, at: Date): Promise<void> {
      await db.query(
        `INSERT INTO peer_profiles (user_id, profile, capacity, available, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id) DO UPDATE SET profile = EXCLUDED.profile, capacity = EXCLUDED.capacity,
           available = EXCLUDED.available, updated_at = EXCLUDED.updated_at`,
        [userId, JSON.stringify(profile), profile.capacity, profile.available, at],
      );
    },
    /** Every volunteer with a profile, their live load, when they were last matched, and whether they declined. */
    async candidates(requestId: string): Promise<CandidateRow[]> {
      return db.query<CandidateRow>(
        `SELECT p.user_id, u.first_name, p.profile,
           (SELECT count(*)::int FROM peer_matches m WHERE m.volunteer_id = p.user_id AND m.status = 'active') AS active_matches,
           (SELECT max(m.accepted_at) FROM peer_matches m WHERE m.volunteer_id = p.user_id) AS last_matched_at,
           EXISTS (SELECT 1 FROM peer_matches m WHERE m.volunteer_id = p.user_id AND m.request_id = $1 AND m.status = 'declined') AS declined
         FROM peer_profiles p JOIN users u ON u.id = p.user_id WHERE u.role = 'volunteer' ORDER BY p.user_id`,
        [requestId],
      );
    },
    async volunteerLoads(): Promise<Array<{ user_id: string; first_name: string; active_matches: number; capacity: number | null; available: boolean | null }>> {
      return db.query(
        `SELECT u.id AS user_id, u.first_name, p.capacity, p.available,
           (SELECT count(*)::int FROM peer_matches m WHERE m.volunteer_id = u.id AND m.status = 'active') AS active_matches
         FROM users u LEFT JOIN peer_profiles p ON p.user_id = u.id WHERE u.role = 'volunteer' ORDER BY u.first_name, u.id`,
      );
    },

    async insertMatch(m: { id: string; request_id: string; volunteer_id: string; proposed_by: string; proposed_at: Date }): Promise<void> {
      await db.query(
        `INSERT INTO peer_matches (id, request_id, volunteer_id, status, proposed_by, proposed_at) VALUES ($1, $2, $3, 'proposed', $4, $5)`,
        [m.id, m.request_id, m.volunteer_id, m.proposed_by, m.proposed_at],
      );
    },
    async matchById(id: string): Promise<MatchRow | null> {
      return (await db.query<MatchRow>(`${MATCH_SELECT} WHERE m.id = $1`, [id]))[0] ?? null;
    },
    async matchesOfRequest(requestId: string): Promise<MatchRow[]> {
      return db.query<MatchRow>(`${MATCH_SELECT} WHERE m.request_id = $1 ORDER BY m.proposed_at, m.id`, [requestId]);
    },
    async matchesOfVolunteer(volunteerId: string): Promise<Array<MatchRow & { category: RequestCategory; caller_kind: MemberKind | null }>> {
      return db.query(
        `SELECT m.*, r.category, r.caller_kind FROM peer_matches m JOIN support_requests r ON r.id = m.request_id
         WHERE m.volunteer_id = $1 AND m.status IN ('proposed', 'active') ORDER BY m.proposed_at, m.id`,
        [volunteerId],
      );
    },
    async activeMatches(): Promise<MatchRow[]> {
      return db.query<MatchRow>(`${MATCH_SELECT} WHERE m.status = 'active' ORDER BY m.accepted_at, m.id`);
    },
    async activeCountOf(volunteerId: string): Promise<number> {
      const rows = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM peer_matches WHERE volunteer_id = $1 AND status = 'active'`,
        [volunteerId],
      );
      return rows[0]?.n ?? 0;
    },
    /** Moves a match from one status to another; false when it was not in `from` (someone got there first). */
    async transition(
      id: string,
      from: MatchStatus,
      to: MatchStatus,
      set: { responded_at?: Date; accepted_at?: Date; closed_at?: Date; outcome?: Outcome },
    ): Promise<boolean> {
      const rows = await db.query(
        `UPDATE peer_matches SET status = $3,
           responded_at = COALESCE($4, responded_at), accepted_at = COALESCE($5, accepted_at),
           closed_at = COALESCE($6, closed_at), outcome = COALESCE($7, outcome)
         WHERE id = $1 AND status = $2 RETURNING id`,
        [id, from, to, set.responded_at ?? null, set.accepted_at ?? null, set.closed_at ?? null, set.outcome ?? null],
      );
      return rows.length > 0;
    },

    async insertNotice(n: { id: string; user_id: string; kind: string; at: Date }): Promise<void> {
      await db.query('INSERT INTO notices (id, user_id, kind, at) VALUES ($1, $2, $3, $4)', [n.id, n.user_id, n.kind, n.at]);
    },
    async noticesOf(userId: string): Promise<Array<{ id: string; kind: string; at: Date }>> {
      return db.query('SELECT id, kind, at FROM notices WHERE user_id = $1 ORDER BY at DESC, id LIMIT 50', [userId]);
    },

    /** Free text, contact details, organisation, preferences and the link to the person go; category, kind and dates stay. */
    async anonymiseClosedBefore(cutoff: Date, now: Date): Promise<number> {
      const rows = await db.query(
        `UPDATE support_requests SET details = '', organisation = NULL, preferences = '{}'::jsonb, contact = '{}'::jsonb,
           requester_id = NULL, anonymised_at = $2
         WHERE status = 'closed' AND closed_at <= $1 AND anonymised_at IS NULL RETURNING id`,
        [cutoff, now],
      );
      return rows.length;
    },

    async acceptedTimes(): Promise<Date[]> {
      const rows = await db.query<{ accepted_at: Date }>(
        'SELECT accepted_at FROM peer_matches WHERE accepted_at IS NOT NULL ORDER BY accepted_at, id',
      );
      return rows.map((r) => new Date(r.accepted_at));
    },
    /** When each request arrived, with its category and caller kind only: for the yearly outcomes figures. */
    async requestFacts(): Promise<Array<{ created_at: Date; category: RequestCategory; caller_kind: MemberKind | null }>> {
      return db.query('SELECT created_at, category, caller_kind FROM support_requests ORDER BY created_at, id');
    },
    async requestCounts(): Promise<Array<{ category: RequestCategory; caller_kind: MemberKind | null; n: number }>> {
      return db.query('SELECT category, caller_kind, count(*)::int AS n FROM support_requests GROUP BY category, caller_kind');
    },
  };
}
