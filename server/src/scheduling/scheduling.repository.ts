import type { Venue, VenueView } from '../../../shared/schemas/venue';
import type { Queryable } from '../store/db';
import type { SessionOverride } from './plan';

/** One row of `circle_series`: a weekly series or a pop-up circle. */
export interface SeriesRow {
  id: string;
  title: string;
  description: string;
  weekday: number;
  start_local: string;
  duration_minutes: number;
  timezone: string;
  default_topic: string | null;
  active: boolean;
  kind: 'weekly' | 'popup';
  status: 'active' | 'paused' | 'ended';
  audience: 'everyone' | 'articling_students' | 'early_career' | 'volunteers';
  audience_max_years: number | null;
  format: 'online' | 'in_person';
  location: string | null;
  venue_address: string | null;
  venue_room: string | null;
  venue_directions_url: string | null;
  venue_accessibility: string | null;
  venue_what_to_expect: string | null;
  capacity_hint: number | null;
  skip_holidays: boolean;
  /** "YYYY-MM-DD" (selected as text: drivers would turn a date into a local-midnight Date). */
  starts_on: string;
  ends_on: string | null;
  sequence: number;
  /** The series' own drop-in window; null means the configured default. */
  dropin_opens_minutes_before: number | null;
  dropin_closes_minutes_after_end: number | null;
  /** Any current red-mug volunteer present may take over when neither host nor backup came (live/handOver.ts). */
  any_volunteer_may_host: boolean;
}

/** The series columns, dates as text. */
const SERIES_COLUMNS = `id, title, description, weekday, start_local, duration_minutes, timezone, default_topic, active,
  kind, status, audience, audience_max_years, format, location, capacity_hint, skip_holidays,
  venue_address, venue_room, venue_directions_url, venue_accessibility, venue_what_to_expect,
  starts_on::text AS starts_on, ends_on::text AS ends_on, sequence, dropin_opens_minutes_before, dropin_closes_minutes_after_end,
  any_volunteer_may_host`;

export interface OverrideRow extends SessionOverride {
  seriesId: string;
  hostDeclined: boolean;
  backupDeclined: boolean;
}

/** Columns one session change may set; the rest of the row is left as it is. */
export interface OverridePatch {
  state?: 'cancelled' | 'skipped' | 'restored' | null;
  note?: string | null;
  movedDate?: string | null;
  movedStartLocal?: string | null;
  movedDurationMinutes?: number | null;
  hostId?: string | null;
  backupId?: string | null;
  hostDeclinedAt?: Date | null;
  backupDeclinedAt?: Date | null;
}

const PATCH_COLUMNS: Record<keyof OverridePatch, string> = {
  state: 'state',
  note: 'note',
  movedDate: 'moved_date',
  movedStartLocal: 'moved_start_local',
  movedDurationMinutes: 'moved_duration_minutes',
  hostId: 'host_id',
  backupId: 'backup_id',
  hostDeclinedAt: 'host_declined_at',
  backupDeclinedAt: 'backup_declined_at',
};

const OVERRIDE_SELECT = `SELECT series_id AS "seriesId", local_date::text AS "localDate", state, note,
  moved_date::text AS "movedDate", moved_start_local AS "movedStartLocal", moved_duration_minutes AS "movedDurationMinutes",
  host_id::text AS "hostId", backup_id::text AS "backupId", host_declined_at IS NOT NULL AS "hostDeclined",
  backup_declined_at IS NOT NULL AS "backupDeclined", sequence FROM session_overrides`;

export interface NewSeries {
  id: string;
  kind: 'weekly' | 'popup';
  title: string;
  description: string;
  weekday: number;
  startLocal: string;
  durationMinutes: number;
  timezone: string;
  defaultTopic: string | null;
  audience: SeriesRow['audience'];
  audienceMaxYears: number | null;
  format: SeriesRow['format'];
  location: string | null;
  /** Kept only for an in-person circle. */
  venue: Venue | null;
  capacityHint: number | null;
  skipHolidays: boolean;
  startsOn: string;
  endsOn: string | null;
  dropInOpensMinutesBefore: number | null;
  dropInClosesMinutesAfterEnd: number | null;
}

/** What a new weekly series is unless said otherwise: for everyone, online, holidays skipped, open-ended, the default window. */
export const WEEKLY_DEFAULTS = {
  kind: 'weekly',
  audience: 'everyone',
  audienceMaxYears: null,
  format: 'online',
  location: null,
  venue: null,
  capacityHint: null,
  skipHolidays: true,
  endsOn: null,
  dropInOpensMinutesBefore: null,
  dropInClosesMinutesAfterEnd: null,
} as const satisfies Partial<NewSeries>;

/** The series' venue columns from a venue (all null for none). */
export function venueColumns(v: Venue | null): Record<string, string | null> {
  return {
    venue_address: v?.address ?? null,
    venue_room: v?.room ?? null,
    venue_directions_url: v?.directionsUrl ?? null,
    venue_accessibility: v?.accessibility ?? null,
    venue_what_to_expect: v?.whatToExpect ?? null,
  };
}

/** Where a series meets, for an in-person series with an address; null otherwise. */
export function venueOf(s: SeriesRow): VenueView | null {
  if (s.format !== 'in_person' || !s.venue_address) return null;
  return {
    address: s.venue_address,
    room: s.venue_room,
    directionsUrl: s.venue_directions_url,
    accessibility: s.venue_accessibility,
    whatToExpect: s.venue_what_to_expect,
  };
}

/**
 * The session model's store: series, per-session overrides, topics and the topic library (and calendar feed
 * secrets). The only writer of those tables, so one place says what a row holds.
 */
export function schedulingRepository(db: Queryable) {
  return {
    async allSeries(): Promise<SeriesRow[]> {
      return db.query<SeriesRow>(`SELECT ${SERIES_COLUMNS} FROM circle_series ORDER BY kind DESC, starts_on, id`);
    },

    /** The series people can drop into now (not paused or ended). */
    async activeSeries(): Promise<SeriesRow[]> {
      return db.query<SeriesRow>(`SELECT ${SERIES_COLUMNS} FROM circle_series WHERE status = 'active' ORDER BY id`);
    },

    async seriesById(id: string): Promise<SeriesRow | null> {
      return (await db.query<SeriesRow>(`SELECT ${SERIES_COLUMNS} FROM circle_series WHERE id = $1`, [id]))[0] ?? null;
    },

    /**
     * Adds a series, made by `by` (null: the system, e.g. the seeded Monday circle). With `ifAbsent`, an existing
     * series with the same id is left as it is, so seeding can run on every start; returns whether it was added.
     */
    async insertSeries(s: NewSeries, by: string | null, opts: { ifAbsent?: boolean } = {}): Promise<boolean> {
      const rows = await db.query(
        `INSERT INTO circle_series (id, kind, title, description, weekday, start_local, duration_minutes, timezone,
           default_topic, audience, audience_max_years, format, location, capacity_hint, skip_holidays, starts_on, ends_on,
           created_by, updated_by, updated_at, dropin_opens_minutes_before, dropin_closes_minutes_after_end,
           venue_address, venue_room, venue_directions_url, venue_accessibility, venue_what_to_expect)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18, now(), $19, $20,
           $21, $22, $23, $24, $25)
         ${opts.ifAbsent ? 'ON CONFLICT (id) DO NOTHING' : ''} RETURNING id`,
        [
          s.id, s.kind, s.title, s.description, s.weekday, s.startLocal, s.durationMinutes, s.timezone, s.defaultTopic,
          s.audience, s.audienceMaxYears, s.format, s.location, s.capacityHint, s.skipHolidays, s.startsOn, s.endsOn, by,
          s.dropInOpensMinutesBefore, s.dropInClosesMinutesAfterEnd,
          ...Object.values(venueColumns(s.format === 'in_person' ? s.venue : null)),
        ],
      );
      return rows.length > 0;
    },

    /** Sets the given columns (snake_case names from a fixed list), bumps the feed SEQUENCE and records who. */
    async updateSeries(id: string, fields: Record<string, unknown>, by: string): Promise<void> {
      const cols = Object.keys(fields);
      const sets = cols.map((c, i) => `${c} = $${i + 3}`);
      await db.query(
        `UPDATE circle_series SET ${[...sets, 'sequence = sequence + 1', 'updated_by = $2', 'updated_at = now()'].join(', ')} WHERE id = $1`,
        [id, by, ...cols.map((c) => fields[c])],
      );
    },

    async overrides(seriesIds: string[], from: string, to: string): Promise<OverrideRow[]> {
      if (seriesIds.length === 0) return [];
      return db.query<OverrideRow>(`${OVERRIDE_SELECT} WHERE series_id = ANY($1) AND local_date BETWEEN $2 AND $3`, [seriesIds, from, to]);
    },

    async override(seriesId: string, localDate: string): Promise<OverrideRow | null> {
      return (await db.query<OverrideRow>(`${OVERRIDE_SELECT} WHERE series_id = $1 AND local_date = $2`, [seriesId, localDate]))[0] ?? null;
    },

    /** Overrides naming this user as host or backup, on or after a date. */
    async overridesFor(userId: string, from: string): Promise<OverrideRow[]> {
      return db.query<OverrideRow>(`${OVERRIDE_SELECT} WHERE (host_id = $1 OR backup_id = $1) AND local_date >= $2`, [userId, from]);
    },

    /** Changes one session only: an upsert keyed by (series, original date); bumps its SEQUENCE. */
    async patchOverride(seriesId: string, localDate: string, patch: OverridePatch, by: string): Promise<void> {
      const keys = (Object.keys(patch) as Array<keyof OverridePatch>).filter((k) => patch[k] !== undefined);
      const cols = keys.map((k) => PATCH_COLUMNS[k]);
      const values = keys.map((k) => patch[k]);
      const insertCols = ['series_id', 'local_date', 'updated_by', 'updated_at', 'sequence', ...cols];
      const insertVals = ['$1', '$2', '$3', 'now()', '1', ...cols.map((_, i) => `$${i + 4}`)];
      const updates = [
        'updated_by = EXCLUDED.updated_by',
        'updated_at = now()',
        'sequence = session_overrides.sequence + 1',
        ...cols.map((c) => `${c} = EXCLUDED.${c}`),
      ];
      await db.query(
        `INSERT INTO session_overrides (${insertCols.join(', ')}) VALUES (${insertVals.join(', ')})
         ON CONFLICT (series_id, local_date) DO UPDATE SET ${updates.join(', ')}`,
        [seriesId, localDate, by, ...values],
      );
    },

    async topics(seriesIds: string[], from: string, to: string): Promise<Array<{ seriesId: string; localDate: string; topic: string }>> {
      if (seriesIds.length === 0) return [];
      return db.query(
        `SELECT series_id AS "seriesId", local_date::text AS "localDate", topic FROM session_topics
         WHERE series_id = ANY($1) AND local_date BETWEEN $2 AND $3`,
        [seriesIds, from, to],
      );
    },

    /** The topic staff set for one session (not the series' default), or null. */
    async topicOn(seriesId: string, localDate: string): Promise<string | null> {
      const rows = await db.query<{ topic: string }>('SELECT topic FROM session_topics WHERE series_id = $1 AND local_date = $2', [seriesId, localDate]);
      return rows[0]?.topic ?? null;
    },

    /** Sets (or, with null, clears) one session's topic; `by` null is the system (demo topics). */
    async setTopic(seriesId: string, localDate: string, topic: string | null, by: string | null): Promise<void> {
      if (topic === null) {
        await db.query('DELETE FROM session_topics WHERE series_id = $1 AND local_date = $2', [seriesId, localDate]);
        return;
      }
      await db.query(
        `INSERT INTO session_topics (series_id, local_date, topic, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (series_id, local_date) DO UPDATE SET topic = EXCLUDED.topic, updated_by = EXCLUDED.updated_by`,
        [seriesId, localDate, topic, by],
      );
    },

    async usersByIds(ids: string[]): Promise<Array<{ id: string; firstName: string; role: string }>> {
      if (ids.length === 0) return [];
      return db.query(`SELECT id::text AS id, first_name AS "firstName", role FROM users WHERE id = ANY($1::uuid[])`, [ids]);
    },

    async volunteers(): Promise<Array<{ id: string; firstName: string }>> {
      return db.query(`SELECT id::text AS id, first_name AS "firstName" FROM users WHERE role = 'volunteer' ORDER BY first_name, id`);
    },

    async library(): Promise<Array<{ id: string; topic: string }>> {
      return db.query('SELECT id::text AS id, topic FROM topic_library ORDER BY topic');
    },
    /** False when the topic was in the library already. */
    async addToLibrary(id: string, topic: string, by: string): Promise<boolean> {
      return (await db.query('INSERT INTO topic_library (id, topic, created_by) VALUES ($1, $2, $3) ON CONFLICT (topic) DO NOTHING RETURNING id', [id, topic, by])).length > 0;
    },
    async removeFromLibrary(id: string): Promise<boolean> {
      return (await db.query('DELETE FROM topic_library WHERE id = $1 RETURNING id', [id])).length > 0;
    },

    async setFeedToken(userId: string, tokenHash: string, at: Date): Promise<void> {
      await db.query(
        `INSERT INTO calendar_feed_tokens (user_id, token_hash, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at`,
        [userId, tokenHash, at],
      );
    },
    async hasFeedToken(userId: string): Promise<boolean> {
      return (await db.query('SELECT 1 FROM calendar_feed_tokens WHERE user_id = $1', [userId])).length > 0;
    },
    async revokeFeedToken(userId: string): Promise<void> {
      await db.query('DELETE FROM calendar_feed_tokens WHERE user_id = $1', [userId]);
    },
    async userIdForFeedToken(tokenHash: string): Promise<string | null> {
      const rows = await db.query<{ user_id: string }>('SELECT user_id::text AS user_id FROM calendar_feed_tokens WHERE token_hash = $1', [tokenHash]);
      return rows[0]?.user_id ?? null;
    },
  };
}
