import { z } from 'zod';
import type { MessageId } from '../i18n/catalog';
import { MemberKind } from './auth';
import { DisplayName, JoinMedia } from './circles';
import { E2eeKeyGrant } from './live';

/**
 * Labels people read are message ids (shared/i18n/messages/<locale>/matching.json), shown with `t(LABELS[value])`;
 * the enum values stored and sent stay as they are. Validation messages below are ids too, rendered where shown.
 */

/** What a request for a matched peer is about. Tracked for statistics; kept after a request is anonymised. */
export const REQUEST_CATEGORIES = [
  'career',
  'workplace',
  'articling',
  'family',
  'health',
  'substance_use',
  'other',
] as const;
export const RequestCategory = z.enum(REQUEST_CATEGORIES, { message: 'matching.validation.category' });
export type RequestCategory = z.infer<typeof RequestCategory>;

export const CATEGORY_LABELS = {
  career: 'matching.category.career',
  workplace: 'matching.category.workplace',
  articling: 'matching.category.articling',
  family: 'matching.category.family',
  health: 'matching.category.health',
  substance_use: 'matching.category.substance_use',
  other: 'matching.category.other',
} as const satisfies Record<RequestCategory, MessageId>;

export const REGIONS = ['calgary', 'edmonton', 'northern', 'central', 'southern'] as const;
export const Region = z.enum(REGIONS, { message: 'matching.validation.region' });
export type Region = z.infer<typeof Region>;
export const REGION_LABELS = {
  calgary: 'matching.region.calgary',
  edmonton: 'matching.region.edmonton',
  northern: 'matching.region.northern',
  central: 'matching.region.central',
  southern: 'matching.region.southern',
} as const satisfies Record<Region, MessageId>;

export const PRACTICE_AREAS = [
  'corporate_commercial',
  'criminal',
  'family',
  'civil_litigation',
  'employment',
  'real_estate',
  'wills_estates',
  'immigration',
  'indigenous',
  'tax',
  'energy_environment',
  'intellectual_property',
  'public_administrative',
  'other',
] as const;
export const PracticeArea = z.enum(PRACTICE_AREAS, { message: 'matching.validation.practiceArea' });
export type PracticeArea = z.infer<typeof PracticeArea>;
export const PRACTICE_AREA_LABELS = {
  corporate_commercial: 'matching.practiceArea.corporate_commercial',
  criminal: 'matching.practiceArea.criminal',
  family: 'matching.practiceArea.family',
  civil_litigation: 'matching.practiceArea.civil_litigation',
  employment: 'matching.practiceArea.employment',
  real_estate: 'matching.practiceArea.real_estate',
  wills_estates: 'matching.practiceArea.wills_estates',
  immigration: 'matching.practiceArea.immigration',
  indigenous: 'matching.practiceArea.indigenous',
  tax: 'matching.practiceArea.tax',
  energy_environment: 'matching.practiceArea.energy_environment',
  intellectual_property: 'matching.practiceArea.intellectual_property',
  public_administrative: 'matching.practiceArea.public_administrative',
  other: 'matching.practiceArea.other',
} as const satisfies Record<PracticeArea, MessageId>;

export const WORK_ROLES = ['firm', 'in_house', 'government', 'sole_practice', 'not_for_profit'] as const;
export const WorkRole = z.enum(WORK_ROLES, { message: 'matching.validation.workRole' });
export type WorkRole = z.infer<typeof WorkRole>;
export const WORK_ROLE_LABELS = {
  firm: 'matching.workRole.firm',
  in_house: 'matching.workRole.in_house',
  government: 'matching.workRole.government',
  sole_practice: 'matching.workRole.sole_practice',
  not_for_profit: 'matching.workRole.not_for_profit',
} as const satisfies Record<WorkRole, MessageId>;

/** Seniority a caller may ask for, in years since call: junior < 5, mid 5–14, senior 15 or more. */
export const SENIORITIES = ['junior', 'mid', 'senior'] as const;
export const Seniority = z.enum(SENIORITIES, { message: 'matching.validation.seniority' });
export type Seniority = z.infer<typeof Seniority>;
export const SENIORITY_LABELS = {
  junior: 'matching.seniority.junior',
  mid: 'matching.seniority.mid',
  senior: 'matching.seniority.senior',
} as const satisfies Record<Seniority, MessageId>;

export const LIVED_EXPERIENCES = [
  'career_pivot',
  'returning_from_leave',
  'parenting',
  'counselling',
  'recovery',
  'chronic_illness',
  'grief',
  'newcomer',
  'first_generation',
  'disability',
] as const;
export const LivedExperience = z.enum(LIVED_EXPERIENCES, { message: 'matching.validation.livedExperience' });
export type LivedExperience = z.infer<typeof LivedExperience>;
export const LIVED_EXPERIENCE_LABELS = {
  career_pivot: 'matching.lived.career_pivot',
  returning_from_leave: 'matching.lived.returning_from_leave',
  parenting: 'matching.lived.parenting',
  counselling: 'matching.lived.counselling',
  recovery: 'matching.lived.recovery',
  chronic_illness: 'matching.lived.chronic_illness',
  grief: 'matching.lived.grief',
  newcomer: 'matching.lived.newcomer',
  first_generation: 'matching.lived.first_generation',
  disability: 'matching.lived.disability',
} as const satisfies Record<LivedExperience, MessageId>;

/** Short self-described words (a language, a gender, a diversity tag); compared case- and space-insensitively. */
const Word = z
  .string()
  .trim()
  .min(1, 'matching.validation.wordEmpty')
  .max(40, 'matching.validation.wordLong')
  // eslint-disable-next-line no-control-regex
  .regex(/^[^<>\u0000-\u001f\u007f]+$/u, 'matching.validation.wordCharacters');
const Words = z.array(Word).max(10, 'matching.validation.wordsMax');
const Place = Word.max(60);

/** What the caller would like in a peer. Every field is optional; only expressed preferences count. */
export const MatchPreferences = z
  .object({
    region: Region.optional(),
    municipality: Place.optional(),
    practiceArea: PracticeArea.optional(),
    workRole: WorkRole.optional(),
    seniority: Seniority.optional(),
    gender: Word.optional(),
    language: Word.optional(),
    livedExperience: z.array(LivedExperience).max(10).default([]),
    diversity: Words.default([]),
  })
  .strict();
export type MatchPreferences = z.infer<typeof MatchPreferences>;

export const CONTACT_METHODS = ['email', 'phone'] as const;
export const Contact = z
  .object({
    method: z.enum(CONTACT_METHODS, { message: 'matching.validation.contactMethod' }),
    email: z.string().trim().toLowerCase().max(254).email('matching.validation.email').optional(),
    phone: z
      .string()
      .trim()
      .regex(/^[+()\d\s.-]{7,25}$/, 'matching.validation.phone')
      .optional(),
    bestTimes: z.string().trim().max(200).optional(),
  })
  .strict()
  .refine((c) => (c.method === 'email' ? !!c.email : !!c.phone), {
    message: 'matching.validation.contactMissing',
    path: ['method'],
  });
export type Contact = z.infer<typeof Contact>;

/** POST /api/matching/requests — a confidential request for a matched peer. Only staff can read it. */
export const CreateRequestBody = z
  .object({
    category: RequestCategory,
    details: z.string().trim().max(2000, 'matching.validation.detailsLong').default(''),
    /** The caller's firm or organisation, so no peer from the same one is suggested. */
    organisation: z.string().trim().max(120).optional(),
    preferences: MatchPreferences.default({ livedExperience: [], diversity: [] }),
    contact: Contact,
    /** Referred from a circle's one-on-one support button. */
    fromCircle: z.boolean().default(false),
  })
  .strict();
export type CreateRequestBody = z.infer<typeof CreateRequestBody>;

export const REQUEST_STATUSES = ['open', 'matched', 'closed'] as const;
export const RequestStatus = z.enum(REQUEST_STATUSES);
export const MATCH_STATUSES = ['proposed', 'declined', 'active', 'closed'] as const;
export const MatchStatus = z.enum(MATCH_STATUSES);
export type MatchStatus = z.infer<typeof MatchStatus>;
export const OUTCOMES = ['completed', 'caller_withdrew', 'volunteer_withdrew', 'referred_elsewhere'] as const;
export const Outcome = z.enum(OUTCOMES, { message: 'matching.validation.outcome' });
export type Outcome = z.infer<typeof Outcome>;
export const OUTCOME_LABELS = {
  completed: 'matching.outcome.completed',
  caller_withdrew: 'matching.outcome.caller_withdrew',
  volunteer_withdrew: 'matching.outcome.volunteer_withdrew',
  referred_elsewhere: 'matching.outcome.referred_elsewhere',
} as const satisfies Record<Outcome, MessageId>;

/** What the member who asked sees of their own request: never more than they sent, no volunteer details. */
export const OwnRequest = z.object({
  id: z.string(),
  category: RequestCategory,
  status: RequestStatus,
  createdAt: z.string(),
  /** Set while a peer has accepted: the private video room of the pair is open to both of them. */
  activeMatchId: z.string().nullable(),
});
export type OwnRequest = z.infer<typeof OwnRequest>;

/** Fields a volunteer can choose to show to staff (and that then count in matching). */
export const PROFILE_FIELDS = [
  'practiceAreas',
  'location',
  'workRole',
  'yearOfCall',
  'languages',
  'gender',
  'diversity',
  'livedExperience',
] as const;
export const ProfileField = z.enum(PROFILE_FIELDS);
export type ProfileField = z.infer<typeof ProfileField>;

const thisYear = new Date().getUTCFullYear();

/** A volunteer's own peer profile. `shown` lists what staff may see and match on. */
export const PeerProfile = z
  .object({
    practiceAreas: z.array(PracticeArea).max(14).default([]),
    region: Region.optional(),
    municipality: Place.optional(),
    workRole: WorkRole.optional(),
    yearOfCall: z
      .number()
      .int('matching.validation.yearWhole')
      .min(1950, 'matching.validation.yearMin')
      .max(thisYear + 1, 'matching.validation.yearMax')
      .optional(),
    languages: Words.default([]),
    gender: Word.optional(),
    diversity: Words.default([]),
    livedExperience: z.array(LivedExperience).max(10).default([]),
    /** Used only to avoid conflicts of interest; never shown to staff by name in suggestions. */
    organisation: z.string().trim().max(120).optional(),
    capacity: z.number().int('matching.validation.capacityWhole').min(0).max(10, 'matching.validation.capacityMax'),
    available: z.boolean(),
    shown: z.array(ProfileField).max(PROFILE_FIELDS.length).default([]),
  })
  .strict();
export type PeerProfile = z.infer<typeof PeerProfile>;

export const ProfileResponse = z.object({ profile: PeerProfile.nullable() });
export type ProfileResponse = z.infer<typeof ProfileResponse>;

export const CRITERIA = [
  'location',
  'practiceArea',
  'workRole',
  'seniority',
  'gender',
  'language',
  'livedExperience',
  'diversity',
] as const;
export const Criterion = z.enum(CRITERIA);
export type Criterion = z.infer<typeof Criterion>;
export const CRITERION_LABELS = {
  location: 'matching.criterion.location',
  practiceArea: 'matching.criterion.practiceArea',
  workRole: 'matching.criterion.workRole',
  seniority: 'matching.criterion.seniority',
  gender: 'matching.criterion.gender',
  language: 'matching.criterion.language',
  livedExperience: 'matching.criterion.livedExperience',
  diversity: 'matching.criterion.diversity',
} as const satisfies Record<Criterion, MessageId>;

/** Weights staff can adjust, 0 (ignore) to 10. */
const Weight = z.coerce.number().min(0, 'matching.validation.weight').max(10, 'matching.validation.weight');
export const Weights = z
  .object({
    location: Weight,
    practiceArea: Weight,
    workRole: Weight,
    seniority: Weight,
    gender: Weight,
    language: Weight,
    livedExperience: Weight,
    diversity: Weight,
  })
  .strict();
export type Weights = Record<Criterion, number>;
export const DEFAULT_WEIGHTS: Weights = {
  location: 2,
  practiceArea: 3,
  workRole: 2,
  seniority: 2,
  gender: 1,
  language: 3,
  livedExperience: 3,
  diversity: 2,
};

/** One point of contact for one candidate: it matched (fully or in part), did not, or the volunteer keeps it private. */
export const Reason = z.object({
  criterion: Criterion,
  outcome: z.enum(['match', 'partial', 'mismatch', 'not_shared']),
  points: z.number(),
  /** Human-readable, in the reader's locale, built from controlled vocabularies and the volunteer's shown fields only. */
  text: z.string(),
});
export type Reason = z.infer<typeof Reason>;

export const EXCLUSIONS = ['paused', 'at_capacity', 'same_organisation', 'already_declined'] as const;
export const Exclusion = z.enum(EXCLUSIONS);
export type Exclusion = z.infer<typeof Exclusion>;
export const EXCLUSION_LABELS = {
  paused: 'matching.exclusion.paused',
  at_capacity: 'matching.exclusion.at_capacity',
  same_organisation: 'matching.exclusion.same_organisation',
  already_declined: 'matching.exclusion.already_declined',
} as const satisfies Record<Exclusion, MessageId>;

export const Suggestion = z.object({
  volunteerId: z.string(),
  firstName: z.string(),
  score: z.number(),
  maxScore: z.number(),
  reasons: z.array(Reason),
  activeMatches: z.number(),
  capacity: z.number(),
  lastMatchedAt: z.string().nullable(),
  excluded: z.array(Exclusion),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const MatchView = z.object({
  id: z.string(),
  requestId: z.string(),
  volunteerId: z.string(),
  volunteerFirstName: z.string(),
  status: MatchStatus,
  proposedAt: z.string(),
  respondedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  outcome: Outcome.nullable(),
});
export type MatchView = z.infer<typeof MatchView>;

/** GET /api/matching/requests/:id — staff only; every read is audited. */
export const RequestDetail = z.object({
  id: z.string(),
  category: RequestCategory,
  callerKind: MemberKind.nullable(),
  callerFirstName: z.string().nullable(),
  details: z.string(),
  organisation: z.string().nullable(),
  preferences: MatchPreferences,
  contact: z.object({
    method: z.enum(CONTACT_METHODS),
    email: z.string().optional(),
    phone: z.string().optional(),
    bestTimes: z.string().optional(),
  }),
  fromCircle: z.boolean(),
  status: RequestStatus,
  createdAt: z.string(),
  matches: z.array(MatchView),
});
export type RequestDetail = z.infer<typeof RequestDetail>;

export const SuggestionsResponse = z.object({ weights: Weights, suggestions: z.array(Suggestion) });
export type SuggestionsResponse = z.infer<typeof SuggestionsResponse>;

export const QueueItem = z.object({
  id: z.string(),
  category: RequestCategory,
  callerKind: MemberKind.nullable(),
  status: RequestStatus,
  createdAt: z.string(),
  /** Whole hours since the request arrived (server clock). */
  waitingHours: z.number(),
  pendingProposal: z.boolean(),
});
export type QueueItem = z.infer<typeof QueueItem>;

export const VolunteerLoad = z.object({
  volunteerId: z.string(),
  firstName: z.string(),
  activeMatches: z.number(),
  capacity: z.number().nullable(),
  available: z.boolean().nullable(),
});
export type VolunteerLoad = z.infer<typeof VolunteerLoad>;

/** GET /api/matching/queue — staff: requests still open or matched, oldest first, and each volunteer's load. */
export const QueueResponse = z.object({
  requests: z.array(QueueItem),
  volunteers: z.array(VolunteerLoad),
  activeMatches: z.array(MatchView),
});
export type QueueResponse = z.infer<typeof QueueResponse>;

export const ProposeBody = z.object({ volunteerId: z.string().uuid('matching.validation.volunteer') }).strict();
export const CloseBody = z.object({ outcome: Outcome }).strict();

/** What a volunteer sees of a proposal: the topic and caller kind, nothing the caller wrote. */
export const VolunteerMatch = z.object({
  id: z.string(),
  status: MatchStatus,
  category: RequestCategory,
  callerKind: MemberKind.nullable(),
  proposedAt: z.string(),
});
export type VolunteerMatch = z.infer<typeof VolunteerMatch>;
export const VolunteerMatchesResponse = z.object({ matches: z.array(VolunteerMatch) });

export const NOTICE_KINDS = [
  'request_received',
  'match_proposed',
  'match_accepted',
  'match_declined',
  'match_active',
  'match_closed',
] as const;
export const Notice = z.object({
  id: z.string(),
  kind: z.enum(NOTICE_KINDS),
  at: z.string(),
  text: z.string(),
});
export type Notice = z.infer<typeof Notice>;
export const NoticesResponse = z.object({ notices: z.array(Notice) });

/** A count that may be withheld: `null` with `suppressed: true` is shown as "fewer than N". */
export const Cell = z.object({
  key: z.string(),
  count: z.number().nullable(),
  share: z.number().nullable(),
  suppressed: z.boolean(),
});
export type Cell = z.infer<typeof Cell>;

export const StatsResponse = z.object({
  threshold: z.number(),
  /** Every match made, including those before the platform. */
  totalMatches: z.number(),
  matchesBeforePlatform: z.number(),
  /** Matches made on the platform, by the year they were accepted. */
  matchesByYear: z.array(z.object({ year: z.number(), count: z.number() })),
  /** Every hundredth match; `reachedAt` is null for those reached before the platform. */
  milestones: z.array(z.object({ count: z.number(), reachedAt: z.string().nullable() })),
  nextMilestone: z.number(),
  totalRequests: z.number(),
  byCategory: z.array(Cell),
  byCallerKind: z.array(Cell),
});
export type StatsResponse = z.infer<typeof StatsResponse>;

/** POST /api/matching/matches/:id/room — the pair's private LiveKit room, for the caller and the volunteer only. */
export const PairRoomBody = z.object({ displayName: DisplayName }).strict();
export const PairRoomResponse = z.object({
  identity: z.string(),
  media: JoinMedia,
  /**
   * The room's end-to-end media key, for the two people of the match only (null while media is unavailable): the
   * browser encrypts every frame with it before LiveKit sees it, and connects only once it is set.
   */
  e2ee: E2eeKeyGrant.nullable(),
});
export type PairRoomResponse = z.infer<typeof PairRoomResponse>;

export const OkResponse = z.object({ ok: z.literal(true) });
export const CreatedResponse = z.object({ id: z.string() });
