import { z } from 'zod';
import { LocalDate } from './scheduling';

/**
 * Volunteer readiness (issue #18, item 2): the two things a volunteer needs on record, each renewed yearly.
 * - `training`: the date they completed peer-support training;
 * - `undertaking`: the date they signed the confidentiality undertaking under the Code of Conduct.
 */
export const ReadinessItem = z.enum(['training', 'undertaking']);
export type ReadinessItem = z.infer<typeof ReadinessItem>;

/** How people read a missing item, in messages that name what is missing. */
export const READINESS_ITEM_LABELS: Record<ReadinessItem, string> = {
  training: 'peer-support training',
  undertaking: 'signed confidentiality undertaking',
};

/** The same, as catalog ids (people namespace), for messages in the person's language. */
export const READINESS_ITEM_LABEL_IDS = {
  training: 'people.readiness.item.training',
  undertaking: 'people.readiness.item.undertaking',
} as const satisfies Record<ReadinessItem, string>;

/**
 * One item's state on a day: `missing` (never recorded, or withdrawn by staff), `lapsed` (more than 12 months
 * old), `due` (current, but its year ends within a month), `current`.
 */
export const ItemState = z.enum(['missing', 'lapsed', 'due', 'current']);
export type ItemState = z.infer<typeof ItemState>;

export const ItemStatus = z.object({
  /** The local date (Alberta) it was completed or signed; null when not on record. */
  on: LocalDate.nullable(),
  /** The last day it counts (the day before its first anniversary); null when not on record. */
  validUntil: LocalDate.nullable(),
  state: ItemState,
});
export type ItemStatus = z.infer<typeof ItemStatus>;

/**
 * A volunteer's readiness on a day. `current` is true when both items are on record and each is within 12 months of
 * its date: only then do they wear the red mug, host or back up a circle, or get matched.
 */
export const Readiness = z.object({
  current: z.boolean(),
  training: ItemStatus,
  undertaking: ItemStatus,
  /** The items that are not current (missing or lapsed), in a fixed order. */
  missing: z.array(ReadinessItem),
  /** The earliest `validUntil` of the two, when both are on record. */
  validUntil: LocalDate.nullable(),
});
export type Readiness = z.infer<typeof Readiness>;

/** GET /api/people/me/readiness — a volunteer's own readiness. */
export const OwnReadinessResponse = z.object({ readiness: Readiness, today: LocalDate });
export type OwnReadinessResponse = z.infer<typeof OwnReadinessResponse>;

export const VolunteerReadinessRow = z.object({ userId: z.string().uuid(), firstName: z.string(), readiness: Readiness });
export type VolunteerReadinessRow = z.infer<typeof VolunteerReadinessRow>;

/**
 * GET /api/people/readiness — staff: every volunteer's readiness, those needing action first (missing or lapsed,
 * then due within a month, by date), `today` the day it was judged on.
 */
export const ReadinessListResponse = z.object({ volunteers: z.array(VolunteerReadinessRow), today: LocalDate });
export type ReadinessListResponse = z.infer<typeof ReadinessListResponse>;

/**
 * POST /api/people/:id/readiness — staff record (a date) or withdraw (null: lapsed, withdrawn) either item; an
 * item left out stays as it is. A date may not be in the future.
 */
export const SetReadinessBody = z
  .object({
    trainingCompletedOn: LocalDate.nullable().optional(),
    undertakingSignedOn: LocalDate.nullable().optional(),
  })
  .strict()
  .refine((b) => b.trainingCompletedOn !== undefined || b.undertakingSignedOn !== undefined, {
    message: 'people.readiness.validation.giveADate',
  });
export type SetReadinessBody = z.infer<typeof SetReadinessBody>;

export const SetReadinessResponse = VolunteerReadinessRow;
export type SetReadinessResponse = z.infer<typeof SetReadinessResponse>;
