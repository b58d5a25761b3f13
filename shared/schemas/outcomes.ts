import { z } from 'zod';
import { Count } from './reports';

/** The first and last year the outcomes report and the match history accept (reports.validation.yearRange names them). */
export const OUTCOMES_FIRST_YEAR = 1980;
export const OUTCOMES_LAST_YEAR = 2100;
/** The widest span of years one outcomes report covers. */
export const OUTCOMES_MAX_YEARS = 50;

const year = (n: z.ZodNumber) =>
  n
    .int('reports.validation.wholeYear')
    .min(OUTCOMES_FIRST_YEAR, 'reports.validation.yearRange')
    .max(OUTCOMES_LAST_YEAR, 'reports.validation.yearRange');
/** A year in a query string (text, so coerced); in a JSON body a year is a number. */
const Year = year(z.coerce.number({ message: 'reports.validation.year' }));
const BodyYear = year(z.number({ message: 'reports.validation.year' }));

/**
 * GET /api/reports/outcomes?from=YYYY&to=YYYY — both years included; either may be left out (then the report runs
 * from the first year with any figure to this year).
 */
export const OutcomesQuery = z
  .object({ from: Year.optional(), to: Year.optional() })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'reports.validation.yearOrder',
    path: ['to'],
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.to - q.from < OUTCOMES_MAX_YEARS, {
    message: `Choose at most ${OUTCOMES_MAX_YEARS} years`,
    path: ['to'],
  });
export type OutcomesQuery = z.infer<typeof OutcomesQuery>;

/**
 * A count about matches or requests, with matching's small-cell rule: `null` when withheld (1 to N − 1, or hidden
 * beside another withheld cell so that no total reveals it). Zero is shown: it identifies nobody.
 */
export const MatchCount = z.number().int().nonnegative().nullable();
export type MatchCount = z.infer<typeof MatchCount>;

/** A part of a year's requests: its count and its share of the year's requests, both withheld together. */
export const RequestShare = z.object({
  count: MatchCount,
  /** Percent of the year's requests, one decimal; null when withheld or when the year had no requests. */
  share: z.number().min(0).max(100).nullable(),
});
export type RequestShare = z.infer<typeof RequestShare>;

/**
 * When the n-th match was made. `history`: in a year staff entered (year only); `platform`: made on Red Mug (the
 * month, where that month had at least N matches, else the year only); `unrecorded`: before the platform, with no
 * year on record (MATCHES_BEFORE_PLATFORM without yearly history).
 */
export const Milestone = z.object({
  count: z.number().int().positive(),
  source: z.enum(['history', 'platform', 'unrecorded']),
  year: z.number().int().nullable(),
  /** 1–12, or null when only the year is given. */
  month: z.number().int().min(1).max(12).nullable(),
});
export type Milestone = z.infer<typeof Milestone>;

export const OutcomesYear = z.object({
  year: z.number().int(),
  /** Matches made that year (accepted on Red Mug, plus staff-entered history for that year). */
  matches: MatchCount,
  /** Whether staff-entered history is part of this year's figures. */
  fromHistory: z.boolean(),
  /** Requests for a matched peer that year: the base of both shares. */
  requests: MatchCount,
  /** Requests about career, work or school (categories career, workplace and articling). */
  careerRelated: RequestShare,
  /** Requests from articling students. */
  articlingStudents: RequestShare,
  /**
   * Lawyers and articling students counted at the circles that reporting year (each once a year, by a yearly
   * pseudonym; volunteers and staff are not counted). The attendance rule: withheld under N, zero included,
   * otherwise rounded to a multiple of N.
   */
  peopleSupported: Count,
});
export type OutcomesYear = z.infer<typeof OutcomesYear>;

/** GET /api/reports/outcomes — staff only: aggregates for funders, already withheld and rounded. */
export const OutcomesReport = z.object({
  /** The first and last year of `years`. */
  from: z.number().int(),
  to: z.number().int(),
  /** Matching's small-cell threshold (matches and requests). */
  threshold: z.number().int().positive(),
  /** The attendance threshold (people supported through the circles). */
  circleThreshold: z.number().int().positive(),
  /** Every match to date, before and on the platform; withheld only in the rare case a lone small year would show through it. */
  totalMatches: MatchCount,
  /** Matches before the platform with no year on record (MATCHES_BEFORE_PLATFORM while no yearly history is entered). */
  matchesWithoutYear: MatchCount,
  /** Every hundredth match to date, in order: the whole timeline, whatever the years asked for. */
  milestones: z.array(Milestone),
  nextMilestone: z.number().int().positive(),
  years: z.array(OutcomesYear),
  /** The sum of the shown yearly people-supported figures: someone who came in two years counts in both. */
  peopleSupportedSumOfYears: z.number().int().nonnegative(),
});
export type OutcomesReport = z.infer<typeof OutcomesReport>;

const Total = z.number({ message: 'reports.validation.number' }).int('reports.validation.wholeNumber').min(0, 'reports.validation.min').max(100_000, 'reports.validation.max');

/** POST /api/reports/outcomes/history — staff: one year's totals from before the platform (replaces that year's). */
export const HistoryYearBody = z
  .object({
    year: BodyYear,
    matches: Total,
    requests: Total,
    careerRelated: Total,
    articlingStudents: Total,
  })
  .strict()
  .refine((b) => b.careerRelated <= b.requests, { message: 'reports.validation.careerOverTotal', path: ['careerRelated'] })
  .refine((b) => b.articlingStudents <= b.requests, { message: 'reports.validation.studentsOverTotal', path: ['articlingStudents'] });
export type HistoryYearBody = z.infer<typeof HistoryYearBody>;

/** GET /api/reports/outcomes/history — staff: the yearly totals they entered, oldest first. */
export const HistoryResponse = z.object({
  years: z.array(z.object({ year: z.number().int(), matches: z.number().int(), requests: z.number().int(), careerRelated: z.number().int(), articlingStudents: z.number().int() })),
});
export type HistoryResponse = z.infer<typeof HistoryResponse>;

/** Request categories counted as career-related (career, work or school), as DOMAIN's tracking groups them. */
export const CAREER_RELATED_CATEGORIES = ['career', 'workplace', 'articling'] as const;
