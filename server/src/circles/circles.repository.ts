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
}

export function ruleOf(s: SeriesRow): WeeklyRule {
  return { weekday: s.weekday, startLocal: s.start_local, durationMinutes: s.duration_minutes, timezone: s.timezone };
}

export function circlesRepository(db: Queryable) {
  return {
    async activeSeries(): Promise<SeriesRow[]> {
      return db.query<SeriesRow>('SELECT * FROM circle_series WHERE active ORDER BY id');
    },
    async seriesById(id: string): Promise<SeriesRow | null> {
      return (await db.query<SeriesRow>('SELECT * FROM circle_series WHERE id = $1', [id]))[0] ?? null;
    },
    /** Inserts the series unless one with this id exists; returns whether it was inserted. */
    async insertSeries(s: Omit<SeriesRow, 'active'>): Promise<boolean> {
      const rows = await db.query(
        `INSERT INTO circle_series (id, title, description, weekday, start_local, duration_minutes, timezone, default_topic)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [s.id, s.title, s.description, s.weekday, s.start_local, s.duration_minutes, s.timezone, s.default_topic],
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
