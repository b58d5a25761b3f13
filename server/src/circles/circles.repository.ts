import type { Queryable } from '../store/db';
import type { WeeklyRule } from './schedule';

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
  audience: 'everyone' | 'articling_students' | 'early_career';
  audience_max_years: number | null;
  format: 'online' | 'in_person';
  location: string | null;
  capacity_hint: number | null;
  skip_holidays: boolean;
  /** "YYYY-MM-DD" (selected as text: drivers would turn a date into a local-midnight Date). */
  starts_on: string;
  ends_on: string | null;
  sequence: number;
  /** The series' own drop-in window; null means the configured default. */
  dropin_opens_minutes_before: number | null;
  dropin_closes_minutes_after_end: number | null;
}

/** The series columns, dates as text. */
export const SERIES_COLUMNS = `id, title, description, weekday, start_local, duration_minutes, timezone, default_topic, active,
  kind, status, audience, audience_max_years, format, location, capacity_hint, skip_holidays,
  starts_on::text AS starts_on, ends_on::text AS ends_on, sequence, dropin_opens_minutes_before, dropin_closes_minutes_after_end`;

export function ruleOf(s: SeriesRow): WeeklyRule {
  return { weekday: s.weekday, startLocal: s.start_local, durationMinutes: s.duration_minutes, timezone: s.timezone };
}

export function circlesRepository(db: Queryable) {
  return {
    async activeSeries(): Promise<SeriesRow[]> {
      return db.query<SeriesRow>(`SELECT ${SERIES_COLUMNS} FROM circle_series WHERE status = 'active' ORDER BY id`);
    },
    async seriesById(id: string): Promise<SeriesRow | null> {
      return (await db.query<SeriesRow>(`SELECT ${SERIES_COLUMNS} FROM circle_series WHERE id = $1`, [id]))[0] ?? null;
    },
    /** Inserts the series unless one with this id exists; returns whether it was inserted. */
    async insertSeries(s: Pick<SeriesRow, 'id' | 'title' | 'description' | 'weekday' | 'start_local' | 'duration_minutes' | 'timezone' | 'default_topic' | 'starts_on'>): Promise<boolean> {
      const rows = await db.query(
        `INSERT INTO circle_series (id, title, description, weekday, start_local, duration_minutes, timezone, default_topic, starts_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [s.id, s.title, s.description, s.weekday, s.start_local, s.duration_minutes, s.timezone, s.default_topic, s.starts_on],
      );
      return rows.length > 0;
    },
    async topicOn(seriesId: string, localDate: string): Promise<string | null> {
      const rows = await db.query<{ topic: string }>(
        'SELECT topic FROM session_topics WHERE series_id = $1 AND local_date = $2',
        [seriesId, localDate],
      );
      return rows[0]?.topic ?? null;
    },
    async setTopic(seriesId: string, localDate: string, topic: string): Promise<void> {
      await db.query(
        `INSERT INTO session_topics (series_id, local_date, topic) VALUES ($1, $2, $3)
         ON CONFLICT (series_id, local_date) DO UPDATE SET topic = EXCLUDED.topic`,
        [seriesId, localDate, topic],
      );
    },
  };
}
