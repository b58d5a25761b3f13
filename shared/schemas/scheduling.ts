import { z } from 'zod';
import type { MessageId } from '../i18n/catalog';
import { Doors } from './circles';
import { Venue, VenueView } from './venue';

/**
 * Validation messages here are message ids (scheduling.validation.*), rendered in the person's locale where they
 * are shown: the server's error body, or a form with `t()`. `id()` keeps each one checked against the catalog.
 */
const id = (m: MessageId): MessageId => m;

/** A real calendar date, "YYYY-MM-DD" (no 30 February). */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, id('scheduling.validation.dateFormat'))
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
  }, id('scheduling.validation.dateExists'));

/** A local wall time, "HH:mm" on a 24-hour clock. */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, id('scheduling.validation.timeFormat'));

/** A session topic: one line, short enough for a calendar title. */
export const Topic = z.string().trim().min(1, id('scheduling.validation.topicRequired')).max(120, id('scheduling.validation.topicTooLong'));

/**
 * Who may attend: everyone; articling students only; or articling students and lawyers up to N years of call.
 * Volunteers and staff may attend any circle.
 */
/** Who a series is for; `volunteers` is the program's informal volunteer meetings (volunteers and staff only, no public feed). */
export const Audience = z.enum(['everyone', 'articling_students', 'early_career', 'volunteers']);
export type Audience = z.infer<typeof Audience>;

export const Format = z.enum(['online', 'in_person']);
export type Format = z.infer<typeof Format>;

export const SeriesStatus = z.enum(['active', 'paused', 'ended']);
export type SeriesStatus = z.infer<typeof SeriesStatus>;

const Title = z.string().trim().min(1, id('scheduling.validation.titleRequired')).max(80, id('scheduling.validation.titleTooLong'));
const Description = z.string().trim().max(1000, id('scheduling.validation.descriptionTooLong'));
const Location = z.string().trim().min(1).max(80, id('scheduling.validation.locationTooLong'));
/** IANA zone name; the server checks it exists (400 UNKNOWN_TIMEZONE). */
const Zone = z.string().min(1).max(64);

const DropInMinutes = z.number().int().min(0, id('scheduling.validation.dropInMinutes')).max(120, id('scheduling.validation.dropInMinutes'));

/** Fields every circle (weekly or pop-up) has. */
const CircleFields = z.object({
  title: Title,
  description: Description.default(''),
  audience: Audience.default('everyone'),
  audienceMaxYears: z.number().int().min(0).max(60).nullable().default(null),
  format: Format.default('online'),
  location: Location.nullable().default(null),
  /** Where an in-person circle meets (required for one; ignored and stored as none for an online circle). */
  venue: Venue.nullable().default(null),
  startLocal: LocalTime.default('12:00'),
  endLocal: LocalTime.default('13:00'),
  /** The circle's zone; left out, the program's own (the server fills it in from the program configuration). */
  timezone: Zone.optional(),
  capacityHint: z.number().int().min(1).max(1000).nullable().default(null),
  /** The drop-in window; null means the platform default (10 minutes before, until the end). */
  dropInOpensMinutesBefore: DropInMinutes.nullable().default(null),
  dropInClosesMinutesAfterEnd: DropInMinutes.nullable().default(null),
});

type CircleChecked = {
  startLocal: string;
  endLocal: string;
  format: Format;
  location: string | null;
  venue: Venue | null;
  audience: Audience;
  audienceMaxYears: number | null;
};
function checkCircle<T extends CircleChecked>(v: T, ctx: z.RefinementCtx): void {
  if (v.endLocal <= v.startLocal) ctx.addIssue({ code: 'custom', path: ['endLocal'], message: id('scheduling.validation.endAfterStart') });
  if (v.format === 'in_person' && !v.location) ctx.addIssue({ code: 'custom', path: ['location'], message: id('scheduling.validation.locationRequired') });
  if (v.format === 'in_person' && !v.venue) ctx.addIssue({ code: 'custom', path: ['venue', 'address'], message: id('scheduling.validation.addressRequired') });
  if (v.audience === 'early_career' && v.audienceMaxYears === null)
    ctx.addIssue({ code: 'custom', path: ['audienceMaxYears'], message: id('scheduling.validation.yearsRequired') });
}

/** POST /api/scheduling/series — a weekly circle series (default: Mondays 12:00–13:00 in the program's zone). */
export const SeriesInput = CircleFields.extend({
  weekday: z.number().int().min(1).max(7).default(1),
  startsOn: LocalDate,
  skipHolidays: z.boolean().default(true),
  defaultTopic: Topic.nullable().default(null),
})
  .strict()
  .superRefine(checkCircle);
export type SeriesInput = z.infer<typeof SeriesInput>;

/** POST /api/scheduling/series/:id — a changed series; `status` pauses, resumes or ends it. */
export const SeriesUpdate = z
  .object({
    title: Title,
    description: Description,
    audience: Audience,
    audienceMaxYears: z.number().int().min(0).max(60).nullable(),
    format: Format,
    location: Location.nullable(),
    venue: Venue.nullable(),
    capacityHint: z.number().int().min(1).max(1000).nullable(),
    skipHolidays: z.boolean(),
    defaultTopic: Topic.nullable(),
    status: SeriesStatus,
    dropInOpensMinutesBefore: DropInMinutes.nullable(),
    dropInClosesMinutesAfterEnd: DropInMinutes.nullable(),
    /**
     * When neither the host nor the backup has arrived by the grace after the start, any current red-mug volunteer
     * present may take over hosting (not only the backup).
     */
    anyVolunteerMayHost: z.boolean(),
  })
  .partial()
  .strict();
export type SeriesUpdate = z.infer<typeof SeriesUpdate>;

/** POST /api/scheduling/popups — a one-off circle, e.g. articling students with senior volunteers. */
export const PopupInput = CircleFields.extend({
  date: LocalDate,
  topic: Topic.nullable().default(null),
  hostId: z.string().uuid().nullable().default(null),
  backupId: z.string().uuid().nullable().default(null),
})
  .strict()
  .superRefine(checkCircle);
export type PopupInput = z.infer<typeof PopupInput>;

export const SeriesView = z.object({
  id: z.string(),
  kind: z.enum(['weekly', 'popup']),
  title: z.string(),
  description: z.string(),
  audience: Audience,
  audienceMaxYears: z.number().nullable(),
  format: Format,
  location: z.string().nullable(),
  /** Where an in-person circle meets; null online. */
  venue: VenueView.nullable(),
  weekday: z.number(),
  startLocal: z.string(),
  endLocal: z.string(),
  timezone: z.string(),
  capacityHint: z.number().nullable(),
  skipHolidays: z.boolean(),
  status: SeriesStatus,
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  defaultTopic: z.string().nullable(),
  dropInOpensMinutesBefore: z.number().nullable(),
  dropInClosesMinutesAfterEnd: z.number().nullable(),
  /** Any current red-mug volunteer present may take over hosting when neither host nor backup has come. */
  anyVolunteerMayHost: z.boolean(),
  /** Path of the subscribable iCalendar feed; null when the series has none (paused, or not open to everyone). */
  feedPath: z.string().nullable(),
});
export type SeriesView = z.infer<typeof SeriesView>;
export const SeriesList = z.object({ series: z.array(SeriesView) });

export const SessionStatus = z.enum(['scheduled', 'moved', 'cancelled', 'skipped']);

/** Who hosts: only staff see it. Members see only whether a red mug volunteer hosts. */
export const Roster = z.object({
  hostId: z.string().nullable(),
  hostName: z.string().nullable(),
  backupId: z.string().nullable(),
  backupName: z.string().nullable(),
  hostDeclined: z.boolean(),
  backupDeclined: z.boolean(),
});
export type Roster = z.infer<typeof Roster>;

/** One session in a schedule. Instants are ISO UTC; `wallClock` is the same in the circle's zone, by the server. */
export const ScheduledSession = z.object({
  id: z.string(),
  seriesId: z.string(),
  kind: z.enum(['weekly', 'popup']),
  title: z.string(),
  /** The original occurrence date (a moved session keeps it). */
  localDate: z.string(),
  topic: z.string().nullable(),
  /** True when staff set this session's topic (not the series' default). */
  topicSet: z.boolean(),
  status: SessionStatus,
  /** For members: why it does not meet, or a note about a move. */
  note: z.string().nullable(),
  holiday: z.string().nullable(),
  format: Format,
  location: z.string().nullable(),
  /** Where an in-person circle meets (address, room, directions, accessibility, what to expect); null online. */
  venue: VenueView.nullable(),
  audience: Audience,
  audienceMaxYears: z.number().nullable(),
  timezone: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  wallClock: z.object({ startsAt: z.string(), endsAt: z.string() }),
  /** The drop-in window (ISO UTC): a page showing the session asks again when it opens and when it closes. */
  opensAt: z.string(),
  closesAt: z.string(),
  /**
   * What the doors say to the person asking, now, by the join's own rules (see `Doors`); once the drop-in window
   * has passed, 'ended' whether or not a host ended it, so a schedule never calls a past circle "not open yet".
   * 'upcoming' also for a session that does not meet (its `status` says why).
   */
  doors: Doors,
  /** A red mug volunteer hosts it. */
  hosted: z.boolean(),
  roster: Roster.nullable(),
});
export type ScheduledSession = z.infer<typeof ScheduledSession>;
export const SessionList = z.object({ sessions: z.array(ScheduledSession) });
export type SessionList = z.infer<typeof SessionList>;

/** GET /api/scheduling/sessions — from (default: today in the program's zone) to `to`, or `weeks` ahead (default 12). */
export const SessionsQuery = z
  .object({
    from: LocalDate.optional(),
    to: LocalDate.optional(),
    weeks: z.coerce.number().int().min(1).max(56).optional(),
    seriesId: z.string().max(40).optional(),
  })
  .strict();

export const TopicBody = z.object({ topic: Topic.nullable() }).strict();
/** Paste many: one topic per upcoming session that meets, in order, from `from` (default today). */
export const TopicsBody = z.object({ topics: z.array(Topic).min(1).max(52), from: LocalDate.optional() }).strict();
export const HostsBody = z.object({ hostId: z.string().uuid().nullable(), backupId: z.string().uuid().nullable() }).strict();

const Note = z.string().trim().min(1, id('scheduling.validation.noteRequired')).max(200, id('scheduling.validation.noteTooLong'));
/** Changes to one session; none touches another. */
export const SessionChange = z.discriminatedUnion('action', [
  z.object({ action: z.literal('cancel'), note: Note }).strict(),
  z.object({ action: z.literal('skip'), note: Note }).strict(),
  /** Holds the session as usual: undoes a cancel, a skip or a holiday skip, and a move. */
  z.object({ action: z.literal('restore') }).strict(),
  z
    .object({ action: z.literal('move'), date: LocalDate, startLocal: LocalTime, endLocal: LocalTime, note: Note.nullable().default(null) })
    .strict()
    .refine((v) => v.endLocal > v.startLocal, { path: ['endLocal'], message: id('scheduling.validation.endAfterStart') }),
]);
export type SessionChange = z.infer<typeof SessionChange>;

export const LibraryTopic = z.object({ id: z.string(), topic: z.string() });
export const TopicLibrary = z.object({ topics: z.array(LibraryTopic) });
export const LibraryTopicBody = z.object({ topic: Topic }).strict();

/** A volunteer in the host and backup pickers; only a `current` one can be assigned (`missing` says what is not). */
export const Volunteer = z.object({
  id: z.string(),
  firstName: z.string(),
  current: z.boolean(),
  missing: z.array(z.enum(['training', 'undertaking'])),
});
export type VolunteerChoice = z.infer<typeof Volunteer>;
export const VolunteerList = z.object({ volunteers: z.array(Volunteer) });

/** A volunteer's own upcoming assignment. */
export const Assignment = z.object({ role: z.enum(['host', 'backup']), session: ScheduledSession });
export const AssignmentList = z.object({ assignments: z.array(Assignment) });
export type Assignment = z.infer<typeof Assignment>;

/** The personal feed's secret URL, shown once when made or rotated. */
export const FeedUrl = z.object({ url: z.string() });
export const FeedStatus = z.object({ active: z.boolean() });
