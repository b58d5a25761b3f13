import { z } from 'zod';
import type { MessageId } from '../i18n/catalog';
import { VenueView } from './venue';

const id = (m: MessageId): MessageId => m;

/** Far more than any room holds: a typo of an extra digit is refused rather than reported. */
const MAX_HEADCOUNT = 500;
// Messages are ids (attendance.validation.*), rendered in the person's locale where shown; the catalog's
// "Enter at most 500" says MAX_HEADCOUNT.
const Count = z
  .number({ error: id('attendance.validation.wholeNumber') })
  .int(id('attendance.validation.wholeNumber'))
  .min(0, id('attendance.validation.min'))
  .max(MAX_HEADCOUNT, id('attendance.validation.max'));
const Part = Count.nullable().default(null);

/**
 * POST /api/headcounts/:sessionId — how many came to an in-person circle: a total, and if the host wishes, how many
 * of them were lawyers, articling students and volunteers. Never names. The parts may be left out or add up to
 * less than the total (the rest are "not said"), never to more. Staff are not counted, as online.
 */
export const HeadcountBody = z
  .object({ total: Count, lawyers: Part, articlingStudents: Part, volunteers: Part })
  .strict()
  .refine((h) => (h.lawyers ?? 0) + (h.articlingStudents ?? 0) + (h.volunteers ?? 0) <= h.total, {
    path: ['total'],
    message: id('attendance.validation.partsOverTotal'),
  });
export type HeadcountBody = z.infer<typeof HeadcountBody>;

/** A recorded headcount; the latest write stands. */
export const Headcount = z.object({
  total: z.number().int().nonnegative(),
  lawyers: z.number().int().nonnegative().nullable(),
  articlingStudents: z.number().int().nonnegative().nullable(),
  volunteers: z.number().int().nonnegative().nullable(),
  /** ISO instant of the last write. */
  recordedAt: z.string(),
});
export type Headcount = z.infer<typeof Headcount>;

/** An in-person session whose headcount this person may record now, with what is recorded so far. */
export const HeadcountSession = z.object({
  sessionId: z.string(),
  title: z.string(),
  topic: z.string().nullable(),
  startsAt: z.string(),
  /** The start in the circle's zone, "2026-11-30T12:00". */
  wallClockStartsAt: z.string(),
  location: z.string().nullable(),
  venue: VenueView.nullable(),
  /** ISO instant after which the headcount can no longer be recorded or corrected. */
  openUntil: z.string(),
  headcount: Headcount.nullable(),
});
export type HeadcountSession = z.infer<typeof HeadcountSession>;
export const HeadcountSessionList = z.object({ sessions: z.array(HeadcountSession) });
export type HeadcountSessionList = z.infer<typeof HeadcountSessionList>;
