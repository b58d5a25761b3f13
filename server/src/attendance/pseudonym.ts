import { createHmac } from 'node:crypto';

/**
 * The yearly attendance key: derived from the app secret and the reporting year, so it "rotates" every year
 * without being stored. Pseudonyms made with one year's key cannot be linked to another year's, so unique counts
 * work within a year and never across years. CAUTION: whoever holds the app secret and the database can recompute
 * a known person's pseudonym for the rows still inside the retention period; destroying or rotating the base
 * secret unlinks every pseudonym for good.
 */
export function attendanceYearKey(secret: string, year: number): Buffer {
  return createHmac('sha256', secret).update(`attendance-year\u0000${year}`).digest();
}

/** A keyed HMAC of the user id with that year's key. Never stored beside the user id. */
export function attendancePseudonym(secret: string, year: number, userId: string): string {
  return `a_${createHmac('sha256', attendanceYearKey(secret, year)).update(userId).digest('base64url').slice(0, 22)}`;
}
