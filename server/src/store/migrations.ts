import type { Db } from './db';

/** One schema change. */
export interface Migration {
  /** Never reused; ranges by domain: 1–9 accounts and schedule, 10 matching, 20 contact requests, 30 attendance, 40 roles,
   *  50–59 retention and the confidentiality pledge (issue #15); issue #18: 60–64 in-person circles, 65–69 volunteer
   *  readiness, 70–74 reminders by e-mail, 75–79 knocks and the acting host, 85–89 the outcomes report's match history;
   *  issue #19: 90–94 languages and programs. */
  id: number;
  name: string;
  sql: string;
}

/**
 * Ordered, append-only schema migrations. Applied on start inside one transaction each; never edit a
 * migration that has shipped — add a new one.
 *
 * Confidentiality: no table here holds chat text, and none joins a person to their presence in a circle.
 */
export const MIGRATIONS: ReadonlyArray<Migration> = [
  {
    id: 1,
    name: 'accounts',
    sql: `
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        email text NOT NULL UNIQUE,
        first_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('member', 'volunteer', 'staff')),
        member_kind text CHECK (member_kind IN ('lawyer', 'articling_student')),
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((role = 'member') = (member_kind IS NOT NULL))
      );
      CREATE TABLE auth_sessions (
        id_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX auth_sessions_user ON auth_sessions(user_id);
      CREATE TABLE invites (
        token_hash text PRIMARY KEY,
        role text NOT NULL CHECK (role IN ('member', 'volunteer', 'staff')),
        member_kind text CHECK (member_kind IN ('lawyer', 'articling_student')),
        email text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      );
    `,
  },
  {
    id: 2,
    name: 'circle series',
    sql: `
      CREATE TABLE circle_series (
        id text PRIMARY KEY,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        start_local text NOT NULL CHECK (start_local ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 720),
        timezone text NOT NULL,
        default_topic text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE session_topics (
        series_id text NOT NULL REFERENCES circle_series(id) ON DELETE CASCADE,
        local_date date NOT NULL,
        topic text NOT NULL,
        PRIMARY KEY (series_id, local_date)
      );
    `,
  },
  {
    id: 3,
    name: 'scheduling',
    sql: `
      ALTER TABLE circle_series ADD COLUMN kind text NOT NULL DEFAULT 'weekly' CHECK (kind IN ('weekly', 'popup'));
      ALTER TABLE circle_series ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'ended'));
      UPDATE circle_series SET status = 'ended' WHERE NOT active;
      ALTER TABLE circle_series ADD COLUMN audience text NOT NULL DEFAULT 'everyone'
        CHECK (audience IN ('everyone', 'articling_students', 'early_career'));
      ALTER TABLE circle_series ADD COLUMN audience_max_years smallint CHECK (audience_max_years BETWEEN 0 AND 60);
      ALTER TABLE circle_series ADD COLUMN format text NOT NULL DEFAULT 'online' CHECK (format IN ('online', 'in_person'));
      ALTER TABLE circle_series ADD COLUMN location text;
      ALTER TABLE circle_series ADD COLUMN capacity_hint integer CHECK (capacity_hint BETWEEN 1 AND 1000);
      ALTER TABLE circle_series ADD COLUMN skip_holidays boolean NOT NULL DEFAULT true;
      ALTER TABLE circle_series ADD COLUMN starts_on date;
      UPDATE circle_series SET starts_on = created_at::date;
      ALTER TABLE circle_series ADD COLUMN ends_on date;
      ALTER TABLE circle_series ADD COLUMN sequence integer NOT NULL DEFAULT 0;
      ALTER TABLE circle_series ADD COLUMN created_by uuid REFERENCES users(id) ON DELETE SET NULL;
      ALTER TABLE circle_series ADD COLUMN updated_by uuid REFERENCES users(id) ON DELETE SET NULL;
      ALTER TABLE circle_series ADD COLUMN updated_at timestamptz;
      ALTER TABLE session_topics ADD COLUMN updated_by uuid REFERENCES users(id) ON DELETE SET NULL;
      CREATE TABLE session_overrides (
        series_id text NOT NULL REFERENCES circle_series(id) ON DELETE CASCADE,
        local_date date NOT NULL,
        state text CHECK (state IN ('cancelled', 'skipped', 'restored')),
        note text,
        moved_date date,
        moved_start_local text CHECK (moved_start_local ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        moved_duration_minutes integer CHECK (moved_duration_minutes BETWEEN 5 AND 720),
        host_id uuid REFERENCES users(id) ON DELETE SET NULL,
        backup_id uuid REFERENCES users(id) ON DELETE SET NULL,
        host_declined_at timestamptz,
        backup_declined_at timestamptz,
        sequence integer NOT NULL DEFAULT 0,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz,
        PRIMARY KEY (series_id, local_date),
        CHECK (host_id IS NULL OR backup_id IS NULL OR host_id <> backup_id)
      );
      CREATE INDEX session_overrides_host ON session_overrides(host_id);
      CREATE INDEX session_overrides_backup ON session_overrides(backup_id);
      CREATE TABLE topic_library (
        id uuid PRIMARY KEY,
        topic text NOT NULL UNIQUE,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE calendar_feed_tokens (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL
      );
    `,
  },
  {
    id: 4,
    name: 'per-series drop-in window',
    sql: `
      ALTER TABLE circle_series ADD COLUMN dropin_opens_minutes_before smallint CHECK (dropin_opens_minutes_before BETWEEN 0 AND 120);
      ALTER TABLE circle_series ADD COLUMN dropin_closes_minutes_after_end smallint CHECK (dropin_closes_minutes_after_end BETWEEN 0 AND 120);
    `,
  },
  {
    id: 5,
    name: 'year of call',
    // Lawyers' year of call, for circles meant for the early years of practice. Optional: unknown means unknown.
    sql: `ALTER TABLE users ADD COLUMN year_of_call smallint CHECK (year_of_call BETWEEN 1950 AND 2100)`,
  },
  {
    id: 6,
    name: 'calendar feeds re-sent for current zone data',
    // Feeds' VTIMEZONEs now come from the runtime's zone data (Alberta on UTC−6 all year from 2026-11-01, IANA
    // 2026c) instead of a bundled copy that still had MST in winter, so subscribed calendars must take every event
    // again: a higher SEQUENCE makes them. Every series, not only America/Edmonton: each feed's VTIMEZONE changed,
    // the runtime moved from tz 2025c to 2026c (British Columbia changed too), and a needless bump costs a client
    // one re-read. Overrides' SEQUENCE is the series' plus their own, so they rise with it. DTSTAMP is the time a
    // feed is served, so it changes anyway.
    sql: `UPDATE circle_series SET sequence = sequence + 1`,
  },
  {
    id: 10,
    name: 'matched peer support',
    // Requests are confidential: read only by staff, every read audited, anonymised after retention (see
    // matching.service). The audit log is generic on purpose and never holds request contents or free text.
    sql: `
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY,
        -- Insertion order, for entries made within the same instant.
        seq bigserial NOT NULL,
        at timestamptz NOT NULL,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text NOT NULL
      );
      CREATE INDEX audit_log_target ON audit_log(target_type, target_id, at, seq);
      CREATE TABLE peer_profiles (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        profile jsonb NOT NULL,
        capacity integer NOT NULL CHECK (capacity BETWEEN 0 AND 10),
        available boolean NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE TABLE support_requests (
        id uuid PRIMARY KEY,
        requester_id uuid REFERENCES users(id) ON DELETE SET NULL,
        caller_kind text CHECK (caller_kind IN ('lawyer', 'articling_student')),
        category text NOT NULL,
        details text NOT NULL,
        organisation text,
        preferences jsonb NOT NULL,
        contact jsonb NOT NULL,
        from_circle boolean NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'matched', 'closed')),
        created_at timestamptz NOT NULL,
        closed_at timestamptz,
        anonymised_at timestamptz
      );
      CREATE INDEX support_requests_status ON support_requests(status, created_at);
      CREATE INDEX support_requests_requester ON support_requests(requester_id);
      CREATE TABLE peer_matches (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES support_requests(id) ON DELETE CASCADE,
        volunteer_id uuid REFERENCES users(id) ON DELETE SET NULL,
        status text NOT NULL CHECK (status IN ('proposed', 'declined', 'active', 'closed')),
        proposed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        proposed_at timestamptz NOT NULL,
        responded_at timestamptz,
        accepted_at timestamptz,
        closed_at timestamptz,
        outcome text CHECK (outcome IN ('completed', 'caller_withdrew', 'volunteer_withdrew', 'referred_elsewhere'))
      );
      CREATE UNIQUE INDEX peer_matches_one_live ON peer_matches(request_id) WHERE status IN ('proposed', 'active');
      CREATE INDEX peer_matches_volunteer ON peer_matches(volunteer_id, status);
      CREATE TABLE notices (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        at timestamptz NOT NULL,
        read_at timestamptz
      );
      CREATE INDEX notices_user ON notices(user_id, at);
    `,
  },
  {
    id: 20,
    name: 'contact requests',
    // A private request for one-on-one support. Deliberately no session column: staff learn that someone asked,
    // not which circle they were in.
    sql: `
      CREATE TABLE contact_requests (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        from_circle boolean NOT NULL,
        created_at timestamptz NOT NULL,
        handled_at timestamptz,
        handled_by uuid REFERENCES users(id) ON DELETE SET NULL
      );
      CREATE INDEX contact_requests_open ON contact_requests(created_at) WHERE handled_at IS NULL;
    `,
  },
  {
    id: 30,
    name: 'attendance',
    // Counting without identifying (server/src/attendance). No column here holds a user id, email or name:
    // attendees are yearly pseudonyms (HMAC of the user id with a key derived from the secret and the year).
    // Tickets and spans are raw rows, deleted after ATTENDANCE_RETENTION_DAYS; attendance_daily and
    // attendance_reach (no session column) are the aggregates that stay.
    sql: `
      CREATE TABLE attendance_tickets (
        identity text PRIMARY KEY,
        room text NOT NULL,
        session_id text NOT NULL,
        session_day date NOT NULL,
        reporting_year smallint NOT NULL,
        pseudonym text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('lawyer', 'articling_student', 'volunteer')),
        topic text,
        issued_at timestamptz NOT NULL
      );
      CREATE INDEX attendance_tickets_room ON attendance_tickets(room);
      CREATE TABLE attendance_spans (
        session_id text NOT NULL,
        participant_sid text NOT NULL,
        session_day date NOT NULL,
        reporting_year smallint NOT NULL,
        pseudonym text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('lawyer', 'articling_student', 'volunteer')),
        topic text,
        joined_at timestamptz NOT NULL,
        left_at timestamptz,
        PRIMARY KEY (session_id, participant_sid)
      );
      CREATE INDEX attendance_spans_day ON attendance_spans(session_day);
      CREATE INDEX attendance_spans_open ON attendance_spans(session_id) WHERE left_at IS NULL;
      CREATE TABLE attendance_reach (
        reporting_year smallint NOT NULL,
        pseudonym text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('lawyer', 'articling_student', 'volunteer')),
        first_seen_on date NOT NULL,
        PRIMARY KEY (reporting_year, pseudonym)
      );
      CREATE TABLE attendance_daily (
        session_id text NOT NULL,
        session_day date NOT NULL,
        topic text,
        kind text NOT NULL,
        attendees integer NOT NULL,
        timed_seconds bigint NOT NULL,
        timed_attendees integer NOT NULL,
        PRIMARY KEY (session_id, kind)
      );
      CREATE INDEX attendance_daily_day ON attendance_daily(session_day);
      CREATE TABLE webhook_events (
        id text PRIMARY KEY,
        received_at timestamptz NOT NULL
      );
    `,
  },
  {
    id: 40,
    name: 'auditor role',
    // Auditors read the audit log and nothing else (issue #7). Like volunteers and staff they have no member kind,
    // so the table-level member-kind check stands as it is. The column checks of migration 1 carry PostgreSQL's
    // default names (<table>_<column>_check, the same on PGlite); dropping them by name fails loudly if they differ.
    sql: `
      ALTER TABLE users DROP CONSTRAINT users_role_check;
      ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('member', 'volunteer', 'staff', 'auditor'));
      ALTER TABLE invites DROP CONSTRAINT invites_role_check;
      ALTER TABLE invites ADD CONSTRAINT invites_role_check CHECK (role IN ('member', 'volunteer', 'staff', 'auditor'));
    `,
  },
  {
    id: 50,
    name: 'attendance that forgets',
    // Issue #15. Yearly pseudonym keys are random seeds kept here only until their year is over, then deleted, so
    // nobody (not even with the app secret) can recompute a pseudonym afterwards. attendance_reach rows go with the
    // same retention as the spans (ATTENDANCE_RETENTION_DAYS after the person was last seen), folded first into
    // attendance_reach_totals, which holds counts only. first_counted_on is the first day the person was in a group
    // (one kind at one session) of at least REPORT_SMALL_CELL_THRESHOLD people: smaller groups count in no figure.
    // Pseudonyms made before this migration came from the app secret; they stay until retention removes them.
    sql: `
      CREATE TABLE attendance_year_keys (
        reporting_year smallint PRIMARY KEY,
        seed text NOT NULL,
        created_at timestamptz NOT NULL
      );
      ALTER TABLE attendance_reach ADD COLUMN last_seen_on date;
      UPDATE attendance_reach SET last_seen_on = first_seen_on;
      ALTER TABLE attendance_reach ALTER COLUMN last_seen_on SET NOT NULL;
      ALTER TABLE attendance_reach ADD COLUMN first_counted_on date;
      CREATE INDEX attendance_reach_last_seen ON attendance_reach(last_seen_on);
      CREATE TABLE attendance_reach_totals (
        reporting_year smallint NOT NULL,
        kind text NOT NULL CHECK (kind IN ('lawyer', 'articling_student', 'volunteer')),
        people integer NOT NULL,
        PRIMARY KEY (reporting_year, kind)
      );
    `,
  },
  {
    id: 51,
    name: 'support requests that forget',
    // Issue #15. A handled support request (or one open for 30 days) is deleted; only a count per month of asking
    // stays, with no person and no time finer than the month.
    sql: `
      CREATE TABLE support_request_totals (
        month date NOT NULL,
        from_circle boolean NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('handled', 'expired')),
        requests integer NOT NULL,
        PRIMARY KEY (month, from_circle, outcome)
      );
      INSERT INTO support_request_totals (month, from_circle, outcome, requests)
        SELECT date_trunc('month', created_at AT TIME ZONE 'UTC')::date, from_circle, 'handled', count(*)
          FROM contact_requests WHERE handled_at IS NOT NULL GROUP BY 1, 2;
      DELETE FROM contact_requests WHERE handled_at IS NOT NULL;
    `,
  },
  {
    id: 52,
    name: 'confidentiality pledge',
    // Issue #15. Only that someone agreed, and when: never which circle or session they were about to join.
    sql: `
      CREATE TABLE confidentiality_pledges (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        agreed_at timestamptz NOT NULL
      );
    `,
  },
  {
    id: 53,
    name: 'password resets',
    // Issue #16. "Forgot password?": a request waits here for staff (no token yet) unless e-mail delivers the link at
    // once. A link's token is stored only as a hash, works once and expires (PASSWORD_RESET_TTL_MINUTES). Rows go
    // with the account, and once used or expired a day later (jobs).
    sql: `
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        requested_at timestamptz NOT NULL,
        token_hash text UNIQUE,
        expires_at timestamptz,
        issued_by uuid REFERENCES users(id) ON DELETE SET NULL,
        used_at timestamptz,
        CHECK ((token_hash IS NULL) = (expires_at IS NULL))
      );
      CREATE INDEX password_resets_user ON password_resets(user_id);
    `,
  },
  {
    id: 54,
    name: 'ended sessions',
    // Issue #17, item 7. A circle a host ended stays ended: the live state's flag goes with Redis (or with the
    // process, in memory), this row does not, so no token or socket is let in again. The session and when only.
    sql: `
      CREATE TABLE ended_sessions (
        session_id text PRIMARY KEY,
        ended_at timestamptz NOT NULL
      );
    `,
  },
  {
    id: 55,
    name: 'disabled accounts',
    // Issue #17, item 2. Staff (or the admin command) can disable an account: it cannot sign in, its sessions are
    // gone and its sockets closed. Only when; the reason stays with staff, not here.
    sql: `ALTER TABLE users ADD COLUMN disabled_at timestamptz;`,
  },
  {
    id: 60,
    name: 'in-person venues',
    // Issue #18, item 1. Where an in-person circle meets, as staff enter it for members: a place, not a person.
    sql: `
      ALTER TABLE circle_series ADD COLUMN venue_address text;
      ALTER TABLE circle_series ADD COLUMN venue_room text;
      ALTER TABLE circle_series ADD COLUMN venue_directions_url text;
      ALTER TABLE circle_series ADD COLUMN venue_accessibility text;
      ALTER TABLE circle_series ADD COLUMN venue_what_to_expect text;
    `,
  },
  {
    id: 61,
    name: 'in-person headcounts',
    // Issue #18, item 1. How many came to an in-person circle, as its host, backup or staff counted them: numbers
    // only (a total and, if given, how many of each kind), never who came nor who counted (the audit log says who
    // acted, without the numbers). Aggregates like attendance_daily, so they stay; the last write stands.
    sql: `
      CREATE TABLE inperson_headcounts (
        session_id text PRIMARY KEY,
        session_day date NOT NULL,
        topic text,
        total integer NOT NULL CHECK (total >= 0),
        lawyers integer CHECK (lawyers >= 0),
        articling_students integer CHECK (articling_students >= 0),
        volunteers integer CHECK (volunteers >= 0),
        recorded_at timestamptz NOT NULL,
        CHECK (coalesce(lawyers, 0) + coalesce(articling_students, 0) + coalesce(volunteers, 0) <= total)
      );
      CREATE INDEX inperson_headcounts_day ON inperson_headcounts(session_day);
    `,
  },
  {
    id: 65,
    name: 'volunteer readiness',
    // Issue #18, item 2. Per volunteer: the local date (Alberta) they completed peer-support training and signed the
    // confidentiality undertaking; null when not on record or withdrawn by staff. Each counts for 12 months
    // (server/src/people/readiness.ts). No row is written for volunteers already in the database: nothing is
    // grandfathered, so they are not current (no red mug, no hosting, no matching) until staff record both dates,
    // and the Volunteers page lists them first as "nothing on record".
    sql: `
      CREATE TABLE volunteer_readiness (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        training_completed_on date,
        undertaking_signed_on date,
        updated_at timestamptz NOT NULL,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL
      );
    `,
  },
  {
    id: 66,
    name: 'volunteer-only circles',
    // Issue #18, item 2: the informal volunteer meetings, seen and joined by volunteers and staff only.
    sql: `
      ALTER TABLE circle_series DROP CONSTRAINT circle_series_audience_check;
      ALTER TABLE circle_series ADD CONSTRAINT circle_series_audience_check
        CHECK (audience IN ('everyone', 'articling_students', 'early_career', 'volunteers'));
    `,
  },
  {
    id: 70,
    name: 'reminder subscriptions',
    // Issue #18, item 3. Who asked for which reminder list; a row means "on", none means off (the default).
    sql: `
      CREATE TABLE reminder_subscriptions (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        list text NOT NULL CHECK (list IN ('circle_day', 'assignments', 'day_before', 'changes')),
        created_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, list)
      );
    `,
  },
  {
    id: 71,
    name: 'reminder sends',
    // Each reminder or notice is claimed here before it is sent, so it goes once whichever instance sends it.
    // Only what was sent to whom and when: never the message. ref is a session id (with the roster's sequence for
    // notices) or a date. state: pending (a notice waiting), sending (claimed), sent, failed (SMTP refused; tried
    // again up to a limit). A claim left at "sending" by a process that died is never sent again: at most once.
    sql: `
      CREATE TABLE reminder_sends (
        kind text NOT NULL,
        ref text NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        state text NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (kind, ref, user_id)
      );
      CREATE INDEX reminder_sends_open ON reminder_sends (state) WHERE state IN ('pending', 'failed');
    `,
  },
  {
    id: 72,
    name: 'job leases',
    // One instance at a time runs a job that must not run twice at once (the reminders): a lease with an expiry,
    // so an instance that dies lets the next one take over.
    sql: `
      CREATE TABLE job_leases (
        name text PRIMARY KEY,
        holder text NOT NULL,
        expires_at timestamptz NOT NULL
      );
    `,
  },
  {
    id: 75,
    name: 'any volunteer may take over hosting',
    // Issue #18, item 5. Staff may let any current red-mug volunteer present take over a circle of this series
    // when neither its host nor its backup has arrived by the grace after the start. Off unless staff say so.
    sql: `ALTER TABLE circle_series ADD COLUMN any_volunteer_may_host boolean NOT NULL DEFAULT false;`,
  },
  {
    id: 85,
    name: 'match history before the platform',
    // Issue #18, item 7. The society's matches from before Red Mug, as staff enter them: yearly totals only (how
    // many matches, how many requests, how many of those were career-related or from articling students), so the
    // outcomes report's milestone timeline and yearly shares start where the program did. Never a person or a
    // request; once a row exists, these totals replace MATCHES_BEFORE_PLATFORM.
    sql: `
      CREATE TABLE match_history_years (
        year integer PRIMARY KEY CHECK (year BETWEEN 1980 AND 2100),
        matches integer NOT NULL CHECK (matches >= 0),
        requests integer NOT NULL CHECK (requests >= 0),
        career_related integer NOT NULL CHECK (career_related BETWEEN 0 AND requests),
        articling_students integer NOT NULL CHECK (articling_students BETWEEN 0 AND requests),
        updated_at timestamptz NOT NULL
      );
    `,
  },
  {
    id: 90,
    name: 'the language each person reads Red Mug in',
    // Issue #19. A BCP 47 tag the program offers (checked in code, so a new language needs no migration); null until
    // the person chooses, when their browser's Accept-Language and the program's default decide.
    sql: `ALTER TABLE users ADD COLUMN locale text CHECK (locale IS NULL OR length(locale) BETWEEN 2 AND 35);`,
  },
];

/** Applies the migrations not yet applied; `migrations` defaults to all (tests pass a prefix to exercise an upgrade). */
export async function migrate(db: Db, migrations: ReadonlyArray<Migration> = MIGRATIONS): Promise<void> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const done = new Set((await db.query<{ id: number }>('SELECT id FROM schema_migrations')).map((r) => r.id));
  for (const m of migrations) {
    if (done.has(m.id)) continue;
    await db.transaction(async (tx) => {
      // Two instances starting at once against one PostgreSQL: the loser waits here, then sees the row.
      if (db.engine === 'postgres') await tx.query('LOCK TABLE schema_migrations IN EXCLUSIVE MODE');
      const again = await tx.query('SELECT 1 FROM schema_migrations WHERE id = $1', [m.id]);
      if (again.length > 0) return;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
    });
  }
}

/** Our migrations hold no semicolons inside strings or bodies, so a plain split is exact. */
function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
