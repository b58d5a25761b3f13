import { DateTime } from 'luxon';
import type { ItemStatus, Readiness, ReadinessItem } from '../../../shared/schemas/readiness';
import { READINESS_ITEM_LABEL_IDS, READINESS_ITEM_LABELS } from '../../../shared/schemas/readiness';
import type { Translate } from '../../../shared/i18n/translate';
import { currentProgram } from '../program/program';
import type { Queryable } from '../store/db';

/**
 * The one rule for whether a volunteer is current (issue #18, item 2). Every rule that depends on it asks here:
 * the red mug (tokens and the live circle's list), host rights, host and backup assignments, and matching.
 *
 * Current = both the peer-support training (date completed) and the signed confidentiality undertaking (date
 * signed) are on record, and each is within 12 months of its date: a date D counts through the day before D's
 * first anniversary, in the program's zone (its calendar day), and lapses at the first instant of that anniversary. A
 * date staff withdraw (null) is not on record. "Due" is current with its year ending within a month.
 *
 * Every function takes that zone last. The services the composition root builds pass the program's zone; callers
 * that have none passed to them (the live circle) get the program this process runs (`runProgram`, set there too).
 */
const runningZone = (): string => currentProgram().weeklyCircle.zone;
/** How far ahead staff are shown a renewal coming up. */
const DUE_AHEAD = { months: 1 } as const;

interface ReadinessRow {
  user_id: string;
  training_completed_on: string | null;
  undertaking_signed_on: string | null;
}

/** The local date in the program's zone at `now`, "YYYY-MM-DD". */
export function readinessToday(now: Date, zone: string = runningZone()): string {
  return DateTime.fromJSDate(now, { zone }).toISODate()!;
}

/** The instant a record dated `on` stops counting: the start of its first anniversary in the program's zone. */
export function lapsesAt(on: string, zone: string = runningZone()): Date {
  return DateTime.fromISO(on, { zone }).plus({ years: 1 }).startOf('day').toJSDate();
}

function itemStatus(on: string | null, now: Date, zone: string): ItemStatus {
  if (!on) return { on: null, validUntil: null, state: 'missing' };
  const day = DateTime.fromISO(on, { zone });
  const validUntil = day.plus({ years: 1 }).minus({ days: 1 }).toISODate()!;
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  // A date after today is not accepted on input; if the zone data ever moved one, it is not yet on record.
  if (day > today) return { on, validUntil, state: 'missing' };
  if (now.getTime() >= lapsesAt(on, zone).getTime()) return { on, validUntil, state: 'lapsed' };
  const dueFrom = DateTime.fromISO(validUntil, { zone }).minus(DUE_AHEAD);
  return { on, validUntil, state: today >= dueFrom ? 'due' : 'current' };
}

/** Pure: a volunteer's readiness at `now` from their two dates, read in `zone` (the program's). */
export function readinessFrom(dates: { training: string | null; undertaking: string | null }, now: Date, zone: string = runningZone()): Readiness {
  const training = itemStatus(dates.training, now, zone);
  const undertaking = itemStatus(dates.undertaking, now, zone);
  const ok = (s: ItemStatus) => s.state === 'current' || s.state === 'due';
  const missing: ReadinessItem[] = [];
  if (!ok(training)) missing.push('training');
  if (!ok(undertaking)) missing.push('undertaking');
  const until = [training.validUntil, undertaking.validUntil];
  return {
    current: missing.length === 0,
    training,
    undertaking,
    missing,
    validUntil: until[0] && until[1] ? (until[0] < until[1] ? until[0] : until[1]) : null,
  };
}

/**
 * What is missing, in words: "peer-support training and signed confidentiality undertaking", in the language of
 * `t` when given (a message saying it is rendered in the person's locale), else in English.
 */
export function missingInWords(missing: readonly ReadinessItem[], t?: Translate): string {
  if (!t) return missing.map((m) => READINESS_ITEM_LABELS[m]).join(' and ');
  const [first, second] = missing.map((m) => t(READINESS_ITEM_LABEL_IDS[m]));
  return second === undefined ? (first ?? '') : t('people.readiness.item.both', { first, second });
}

// Nothing on record reads the same in every zone.
const NOTHING: Readiness = readinessFrom({ training: null, undertaking: null }, new Date(0), 'UTC');

/**
 * The readiness of several accounts at `now`, one query. Accounts with no record (or not volunteers) come back with
 * nothing on record: callers decide by role whether readiness matters at all.
 */
export async function volunteersReadiness(db: Queryable, userIds: readonly string[], now: Date, zone: string = runningZone()): Promise<Map<string, Readiness>> {
  const out = new Map<string, Readiness>();
  if (userIds.length === 0) return out;
  const rows = await db.query<ReadinessRow>(
    `SELECT user_id::text AS user_id, training_completed_on::text AS training_completed_on, undertaking_signed_on::text AS undertaking_signed_on
       FROM volunteer_readiness WHERE user_id = ANY($1::uuid[])`,
    [[...new Set(userIds)]],
  );
  for (const id of userIds) out.set(id, NOTHING);
  for (const r of rows) out.set(r.user_id, readinessFrom({ training: r.training_completed_on, undertaking: r.undertaking_signed_on }, now, zone));
  return out;
}

/** One volunteer's readiness at `now`. */
export async function volunteerReadiness(db: Queryable, userId: string, now: Date, zone: string = runningZone()): Promise<Readiness> {
  return (await volunteersReadiness(db, [userId], now, zone)).get(userId) ?? NOTHING;
}

/** Of these accounts, the ones that are current volunteers (the role is checked here too: staff wear no mug). */
export async function currentVolunteers(db: Queryable, userIds: readonly string[], now: Date, zone: string = runningZone()): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const volunteers = await db.query<{ id: string }>(`SELECT id::text AS id FROM users WHERE id = ANY($1::uuid[]) AND role = 'volunteer'`, [[...new Set(userIds)]]);
  const readiness = await volunteersReadiness(db, volunteers.map((v) => v.id), now, zone);
  return new Set([...readiness].filter(([, r]) => r.current).map(([id]) => id));
}
