import { z } from 'zod';
import { MemberKind } from './auth';
import { DisplayName, JoinMedia } from './circles';
import { E2eeKeyGrant } from './live';

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
export const RequestCategory = z.enum(REQUEST_CATEGORIES, { message: 'Choose one of the listed topics' });
export type RequestCategory = z.infer<typeof RequestCategory>;

export const CATEGORY_LABELS: Record<RequestCategory, string> = {
  career: 'Career and job search',
  workplace: 'Workplace',
  articling: 'Articling',
  family: 'Family or relationship',
  health: 'Health',
  substance_use: 'Substance use',
  other: 'Something else',
};

export const REGIONS = ['calgary', 'edmonton', 'northern', 'central', 'southern'] as const;
export const Region = z.enum(REGIONS, { message: 'Choose one of the listed regions' });
export type Region = z.infer<typeof Region>;
export const REGION_LABELS: Record<Region, string> = {
  calgary: 'Calgary area',
  edmonton: 'Edmonton area',
  northern: 'Northern Alberta',
  central: 'Central Alberta',
  southern: 'Southern Alberta',
};

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
export const PracticeArea = z.enum(PRACTICE_AREAS, { message: 'Choose one of the listed practice areas' });
export type PracticeArea = z.infer<typeof PracticeArea>;
export const PRACTICE_AREA_LABELS: Record<PracticeArea, string> = {
  corporate_commercial: 'Corporate and commercial',
  criminal: 'Criminal',
  family: 'Family',
  civil_litigation: 'Civil litigation',
  employment: 'Employment and labour',
  real_estate: 'Real estate',
  wills_estates: 'Wills and estates',
  immigration: 'Immigration',
  indigenous: 'Indigenous law',
  tax: 'Tax',
  energy_environment: 'Energy and environment',
  intellectual_property: 'Intellectual property',
  public_administrative: 'Public and administrative',
  other: 'Other',
};

export const WORK_ROLES = ['firm', 'in_house', 'government', 'sole_practice', 'not_for_profit'] as const;
export const WorkRole = z.enum(WORK_ROLES, { message: 'Choose one of the listed work roles' });
export type WorkRole = z.infer<typeof WorkRole>;
export const WORK_ROLE_LABELS: Record<WorkRole, string> = {
  firm: 'Law firm',
  in_house: 'In-house',
  government: 'Government',
  sole_practice: 'Sole practice',
  not_for_profit: 'Not-for-profit',
};

/** Seniority a caller may ask for, in years since call: junior < 5, mid 5–14, senior 15 or more. */
export const SENIORITIES = ['junior', 'mid', 'senior'] as const;
export const Seniority = z.enum(SENIORITIES, { message: 'Choose junior, mid-career or senior' });
export type Seniority = z.infer<typeof Seniority>;
export const SENIORITY_LABELS: Record<Seniority, string> = {
  junior: 'Under 5 years of call',
  mid: '5 to 14 years of call',
  senior: '15 or more years of call',
};

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
export const LivedExperience = z.enum(LIVED_EXPERIENCES, { message: 'Choose from the listed experiences' });
export type LivedExperience = z.infer<typeof LivedExperience>;
export const LIVED_EXPERIENCE_LABELS: Record<LivedExperience, string> = {
  career_pivot: 'A career pivot',
  returning_from_leave: 'Returning from leave',
  parenting: 'Parenting while practising',
  counselling: 'Experience of counselling',
  recovery: 'Recovery from substance use',
  chronic_illness: 'Living with chronic illness',
  grief: 'Grief and loss',
  newcomer: 'Newcomer to Canada',
  first_generation: 'First in family in law',
  disability: 'Living with a disability',
};

/** Short self-described words (a language, a gender, a diversity tag); compared case- and space-insensitively. */
const Word = z
  .string()
  .trim()
  .min(1, 'Enter a word or leave it out')
  .max(40, 'Keep it under 40 characters')
  // eslint-disable-next-line no-control-regex
  .regex(/^[^<>\u0000-\u001f\u007f]+$/u, 'Use letters, spaces and ordinary punctuation');
const Words = z.array(Word).max(10, 'List at most 10');
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
    method: z.enum(CONTACT_METHODS, { message: 'Choose email or phone' }),
    email: z.string().trim().toLowerCase().max(254).email('Enter an email address').optional(),
    phone: z
      .string()
      .trim()
      .regex(/^[+()\d\s.-]{7,25}$/, 'Enter a phone number with digits only')
      .optional(),
    bestTimes: z.string().trim().max(200).optional(),
  })
  .strict()
  .refine((c) => (c.method === 'email' ? !!c.email : !!c.phone), {
    message: 'Give the email address or phone number you chose',
    path: ['method'],
  });
export type Contact = z.infer<typeof Contact>;

/** POST /api/matching/requests — a confidential request for a matched peer. Only staff can read it. */
export const CreateRequestBody = z
  .object({
    category: RequestCategory,
    details: z.string().trim().max(2000, 'Keep it under 2000 characters').default(''),
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
export const Outcome = z.enum(OUTCOMES, { message: 'Choose one of the listed outcomes' });
export type Outcome = z.infer<typeof Outcome>;
export const OUTCOME_LABELS: Record<Outcome, string> = {
  completed: 'Completed',
  caller_withdrew: 'Caller withdrew',
  volunteer_withdrew: 'Volunteer withdrew',
  referred_elsewhere: 'Referred elsewhere (e.g. counselling)',
};

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
      .int('Enter a whole year')
      .min(1950, 'Enter a year from 1950')
      .max(thisYear + 1, 'Enter a year that has come')
      .optional(),
    languages: Words.default([]),
    gender: Word.optional(),
    diversity: Words.default([]),
    livedExperience: z.array(LivedExperience).max(10).default([]),
    /** Used only to avoid conflicts of interest; never shown to staff by name in suggestions. */
    organisation: z.string().trim().max(120).optional(),
    capacity: z.number().int('Enter a whole number').min(0).max(10, 'At most 10 matches at once'),
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
export const CRITERION_LABELS: Record<Criterion, string> = {
  location: 'Municipality or region',
  practiceArea: 'Practice area',
  workRole: 'Work role',
  seniority: 'Seniority',
  gender: 'Gender',
  language: 'Language',
  livedExperience: 'Lived experience',
  diversity: 'Diversity',
};

/** Weights staff can adjust, 0 (ignore) to 10. */
const Weight = z.coerce.number().min(0, 'Use 0 to 10').max(10, 'Use 0 to 10');
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
  /** Human-readable, built from controlled vocabularies and the volunteer's shown fields only. */
  text: z.string(),
});
export type Reason = z.infer<typeof Reason>;

export const EXCLUSIONS = ['paused', 'at_capacity', 'same_organisation', 'already_declined'] as const;
export const Exclusion = z.enum(EXCLUSIONS);
export type Exclusion = z.infer<typeof Exclusion>;
export const EXCLUSION_LABELS: Record<Exclusion, string> = {
  paused: 'Paused',
  at_capacity: 'At capacity',
  same_organisation: 'Same firm or organisation as the caller (conflict of interest)',
  already_declined: 'Already declined this request',
};

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

export const ProposeBody = z.object({ volunteerId: z.string().uuid('Choose a volunteer') }).strict();
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
