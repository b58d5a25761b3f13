import type { Queryable } from '../store/db';

/** One year of the society's matched program from before Red Mug, as staff entered it: totals, never people. */
export interface HistoryYear {
  year: number;
  matches: number;
  requests: number;
  careerRelated: number;
  articlingStudents: number;
}

/** The staff-entered yearly history of the matched program (`match_history_years`); the only reader and writer. */
export function matchHistoryRepository(db: Queryable) {
  return {
    async years(): Promise<HistoryYear[]> {
      const rows = await db.query<{ year: number; matches: number; requests: number; career_related: number; articling_students: number }>(
        'SELECT year, matches, requests, career_related, articling_students FROM match_history_years ORDER BY year',
      );
      return rows.map((r) => ({
        year: Number(r.year),
        matches: Number(r.matches),
        requests: Number(r.requests),
        careerRelated: Number(r.career_related),
        articlingStudents: Number(r.articling_students),
      }));
    },

    /** Sets one year's totals, replacing what was entered for it before. */
    async put(y: HistoryYear, at: Date): Promise<void> {
      await db.query(
        `INSERT INTO match_history_years (year, matches, requests, career_related, articling_students, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (year) DO UPDATE SET matches = EXCLUDED.matches, requests = EXCLUDED.requests,
           career_related = EXCLUDED.career_related, articling_students = EXCLUDED.articling_students, updated_at = EXCLUDED.updated_at`,
        [y.year, y.matches, y.requests, y.careerRelated, y.articlingStudents, at],
      );
    },
  };
}

/**
 * How many matches were made before the platform: the staff-entered yearly history once any year is entered,
 * else the configured MATCHES_BEFORE_PLATFORM. The one rule for the statistics page and the outcomes report.
 */
export function matchesBeforePlatform(history: readonly HistoryYear[], configured: number): number {
  return history.length > 0 ? history.reduce((s, y) => s + y.matches, 0) : configured;
}
