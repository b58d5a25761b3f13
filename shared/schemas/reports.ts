import { z } from 'zod';
import { Role } from './auth';

/** What a circle attendee is counted as. Staff are never counted: they are not the people the circles reach. */
export const AttendeeKind = z.enum(['lawyer', 'articling_student', 'volunteer']);
export type AttendeeKind = z.infer<typeof AttendeeKind>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-01-31');

/** GET /api/reports/attendance?from=YYYY-MM-DD&to=YYYY-MM-DD — both days included, at most five years. */
export const ReportQuery = z
  .object({ from: Day, to: Day })
  .strict()
  .refine((q) => !Number.isNaN(Date.parse(`${q.from}T00:00:00Z`)) && !Number.isNaN(Date.parse(`${q.to}T00:00:00Z`)), {
    message: 'Use real dates',
    path: ['from'],
  })
  .refine((q) => q.from <= q.to, { message: 'The period must start on or before its end', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 5 * 366 * 86_400_000, {
    message: 'Choose a period of at most five years',
    path: ['to'],
  });
export type ReportQuery = z.infer<typeof ReportQuery>;

/**
 * A published count: `null` when withheld ("fewer than N", zero included, so zero and small look the same).
 * Published counts of people are multiples of the threshold, so no published number, nor any difference of two,
 * can equal a count from 1 to N − 1; groups smaller than N (one kind at one session) are not counted at all.
 */
export const Count = z.number().int().nonnegative().nullable();
export type Count = z.infer<typeof Count>;

export const ReportCell = z.object({ key: z.string(), label: z.string(), count: Count });
export type ReportCell = z.infer<typeof ReportCell>;

export const AttendanceReport = z.object({
  from: z.string(),
  to: z.string(),
  /** Counts under this are withheld; shown counts are rounded to the nearest multiple of it. */
  threshold: z.number().int().positive(),
  /**
   * Sessions in the period with at least one group (one kind) of N or more people. Not a count of people, so not
   * withheld; a session attended only by smaller groups is not counted, so it looks like one nobody came to.
   */
  sessionsHeld: z.number().int().nonnegative(),
  attendance: Count,
  uniqueIndividuals: Count,
  /** New = first circle this reporting year fell in the period; the two add up to the unique individuals. */
  newVersusReturning: z.array(ReportCell),
  averageMinutes: z.number().nonnegative().nullable(),
  bySession: z.array(ReportCell),
  byKind: z.array(ReportCell),
  byTopic: z.array(ReportCell),
  /** False when part of the period is older than the raw-row retention: unique counts cover only the rest. */
  uniqueComplete: z.boolean(),
});
export type AttendanceReport = z.infer<typeof AttendanceReport>;

export const MilestonesReport = z.object({
  threshold: z.number().int().positive(),
  years: z.array(z.object({ year: z.number().int(), uniqueIndividuals: Count, byKind: z.array(ReportCell) })),
  /** The sum of the yearly figures: a person who came in two years counts twice (keys rotate yearly). */
  sumOfYearlyFigures: z.number().int().nonnegative(),
});
export type MilestonesReport = z.infer<typeof MilestonesReport>;

export const AuditLogEntry = z.object({
  at: z.string(),
  actorName: z.string().nullable(),
  actorRole: Role.nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
});
export type AuditLogEntry = z.infer<typeof AuditLogEntry>;

export const AuditLogResponse = z.object({ entries: z.array(AuditLogEntry) });
export type AuditLogResponse = z.infer<typeof AuditLogResponse>;

/** GET /api/reports/audit — the latest entries (200 by default), optionally of one action. */
export const AuditQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(500).default(200), action: z.string().regex(/^[a-z_.]{1,40}$/).optional() })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuery>;
