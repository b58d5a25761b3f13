import { createHmac, randomBytes } from 'node:crypto';

/** A fresh random seed for one reporting year's key; stored in `attendance_year_keys` until the year is over. */
export function newYearSeed(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The yearly attendance key: the year's random seed, keyed with a sub-key of the app secret. Why both:
 *
 * - The seed is random and stored only while its year can still issue tickets; retention then deletes it. After
 *   that nobody — not with the database, not with the app secret, not with both — can recompute a pseudonym of that
 *   year from a user id. A key derived from a secret alone would stay recomputable for as long as the secret lives.
 * - The secret means the database alone (a dump, a backup) is not enough to recompute a pseudonym while the seed
 *   still exists.
 *
 * CAUTION: while a year's seed exists, whoever holds both the database and the app secret can recompute a known
 * person's pseudonym for the rows still inside retention. A database backup taken during the year keeps the seed
 * for as long as the backup is kept.
 */
export function attendanceYearKey(secret: string, seed: string): Buffer {
  const pepper = createHmac('sha256', secret).update('attendance-pseudonym-pepper').digest();
  return createHmac('sha256', pepper).update(`attendance-year\u0000${seed}`).digest();
}

/** A keyed HMAC of the user id with that year's key. Never stored beside the user id. */
export function attendancePseudonym(secret: string, seed: string, userId: string): string {
  return `a_${createHmac('sha256', attendanceYearKey(secret, seed)).update(userId).digest('base64url').slice(0, 22)}`;
}
