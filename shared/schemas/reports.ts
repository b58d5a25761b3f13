import { z } from 'zod';
import { Role } from './auth';

/** What a circle attendee is counted as. Staff are never counted: they are not the people the circles reach. */
export const AttendeeKind = z.enum(['lawyer', 'articling_student', 'volunteer']);
export type AttendeeKind = z.infer<typeof AttendeeKind>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'reports.validation.dateFormat');

/** GET /api/reports/attendance?from=YYYY-MM-DD&to=YYYY-MM-DD — both days included, at most five years. */
export const ReportQuery = z
  .object({ from: Day, to: Day })
  .strict()
  .refine((q) => !Number.isNaN(Date.parse(`${q.from}T00:00:00Z`)) && !Number.isNaN(Date.parse(`${q.to}T00:00:00Z`)), {
    message: 'reports.validation.realDates',
    path: ['from'],
  })
  .refine((q) => q.from <= q.to, { message: 'reports.validation.periodOrder', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 5 * 366 * 86_400_000, {
    message: 'reports.validation.periodMax',
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

/**
 * In-person circles in the period, from the headcounts their hosts recorded (numbers only: nobody is identified, so
 * there are no unique individuals here). The same rules as online: a group — the people of one kind at one session,
 * and "kind not said" for the part of a total not split by kind — smaller than the threshold counts as nobody, then
 * every count is withheld under the threshold or rounded to a multiple of it.
 */
export const InPersonReport = z.object({
  /** In-person sessions with at least one countable group. */
  sessionsHeld: z.number().int().nonnegative(),
  attendance: Count,
  /** Lawyers, articling students, volunteers, and those whose kind the host did not say. */
  byKind: z.array(ReportCell),
  bySession: z.array(ReportCell),
});
export type InPersonReport = z.infer<typeof InPersonReport>;

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
  /** The figures above are the online circles'; these the in-person circles', shown side by side with them. */
  inPerson: InPersonReport,
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
  /** ISO 8601 instant. */
  at: z.string(),
  /** The same instant as the audit log reads it, in Alberta time with its offset ("Mon 7 Dec 2026, 12:00 Alberta time (UTC−6)"). */
  when: z.string(),
  actorName: z.string().nullable(),
  actorRole: Role.nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  /**
   * The target in words: a session by its circle's title and start ("Red Mug Coffee Circle, Mon 30 Nov 2026, 12:00"),
   * a series by its title, a role by its name; an account or a request only by a short reference, never a name.
   */
  targetLabel: z.string(),
});
export type AuditLogEntry = z.infer<typeof AuditLogEntry>;

/** A place in the audit log (an entry's time and insertion order), for the pages before and after it. Opaque to clients. */
export const AuditCursor = z.string().regex(/^\d{1,15}\.\d{1,18}$/, 'reports.validation.auditCursor');
export type AuditCursor = z.infer<typeof AuditCursor>;

export const AuditLogResponse = z.object({
  entries: z.array(AuditLogEntry),
  /** Every action the log holds (for the filter), in code order. */
  actions: z.array(z.string()),
  /** The cursor for the next newer page, or null on the newest; likewise the next older one. */
  newer: AuditCursor.nullable(),
  older: AuditCursor.nullable(),
});
export type AuditLogResponse = z.infer<typeof AuditLogResponse>;

export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 500;

const AuditAction = z.string().regex(/^[a-z_.]{1,40}$/);

/**
 * GET /api/reports/audit — one page of entries, newest first (AUDIT_PAGE_DEFAULT by default), optionally of one
 * action: the newest page, or the page just older than `before`, or just newer than `after` (never both).
 */
export const AuditQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(AUDIT_PAGE_DEFAULT),
    action: AuditAction.optional(),
    before: AuditCursor.optional(),
    after: AuditCursor.optional(),
  })
  .strict()
  .refine((q) => !(q.before && q.after), { message: 'reports.validation.olderOrNewer', path: ['after'] });
export type AuditQuery = z.infer<typeof AuditQuery>;

/** GET /api/reports/audit.csv — every entry (of one action, if given), newest first, with the page's columns. */
export const AuditCsvQuery = z.object({ action: AuditAction.optional() }).strict();
export type AuditCsvQuery = z.infer<typeof AuditCsvQuery>;
