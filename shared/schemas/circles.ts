import { z } from 'zod';
import type { MessageId } from '../i18n/catalog';
import { claimsARole, hasHiddenCharacters } from '../displayName';
import { ParticipantRole } from './auth';
import { VenueView } from './venue';

/**
 * Display names are chosen by the person at each join; never derived from email. Nobody's name may pass for a
 * role the circle shows itself (the red mug, host, staff, volunteer), nor hide or reorder text. Its messages are
 * message ids, rendered in the person's locale where they are shown.
 */
export const DisplayName = z
  .string()
  .trim()
  .min(1, 'circles.validation.nameRequired' satisfies MessageId)
  .max(40, 'circles.validation.nameTooLong' satisfies MessageId)
  // Markup brackets and control characters have no place in a name shown on others' screens.
  // eslint-disable-next-line no-control-regex
  .regex(/^[^<>\u0000-\u001f\u007f]+$/u, 'circles.validation.nameCharacters' satisfies MessageId)
  .refine((name) => !hasHiddenCharacters(name), 'circles.validation.nameHidden' satisfies MessageId)
  .refine((name) => !claimsARole(name), 'circles.validation.nameRole' satisfies MessageId);

/** One occurrence of a circle, as the home page shows it. All instants are ISO-8601 UTC. */
/**
 * What a session's doors say to the person asking, now: not open yet ('upcoming'), open to them, closed by the
 * host to newcomers ('locked'), ended by the host, or closed to them because a host removed them.
 */
export const Doors = z.enum(['upcoming', 'open', 'locked', 'ended', 'removed']);
export type Doors = z.infer<typeof Doors>;

export const CircleSession = z.object({
  /** Opaque, URL-safe id of this occurrence. */
  id: z.string(),
  seriesId: z.string(),
  title: z.string(),
  topic: z.string().nullable(),
  timezone: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  opensAt: z.string(),
  /**
   * The same instants as wall-clock times in the series' zone ("2026-11-30T12:00"), computed by the server. The
   * circle's own time is shown from these, so it reads right even where a browser's zone data differ.
   */
  wallClock: z.object({ startsAt: z.string(), endsAt: z.string(), opensAt: z.string() }),
  /** Whether the drop-in window is open now (server clock). */
  isOpen: z.boolean(),
  /** What the doors say to this person now: the schedule's window and the live circle's state together. */
  doors: Doors,
  /** A red mug volunteer is assigned to host. */
  hosted: z.boolean(),
  format: z.enum(['online', 'in_person']),
  /** Where an in-person circle meets (e.g. Edmonton); null online. */
  location: z.string().nullable(),
  /** Where an in-person circle meets; null online. An in-person circle has no online join. */
  venue: VenueView.nullable(),
});
export type CircleSession = z.infer<typeof CircleSession>;

/**
 * GET /api/circles/next: the circle to show first (open now, else the next to open; never one that has ended), and
 * every other circle open now.
 */
export const NextCircleResponse = z.object({ session: CircleSession.nullable(), alsoOpen: z.array(CircleSession), now: z.string() });
export type NextCircleResponse = z.infer<typeof NextCircleResponse>;

export const JoinBody = z.object({ displayName: DisplayName }).strict();
export type JoinBody = z.infer<typeof JoinBody>;

/** Media details when LiveKit can be reached; otherwise a plain reason, and the circle page says so. */
export const JoinMedia = z.discriminatedUnion('available', [
  z.object({ available: z.literal(true), serverUrl: z.string(), token: z.string(), expiresAt: z.string() }),
  z.object({ available: z.literal(false), message: z.string() }),
]);
export type JoinMedia = z.infer<typeof JoinMedia>;

/** POST /api/circles/sessions/:id/join — admission to one session. */
export const JoinResponse = z.object({
  session: CircleSession,
  /** This person's opaque LiveKit identity in this session (never a name or email). */
  identity: z.string(),
  media: JoinMedia,
});
export type JoinResponse = z.infer<typeof JoinResponse>;

/** The 409 IN_PERSON body's `data`: where the circle meets instead. */
export const InPersonData = z.object({ location: z.string().nullable(), venue: VenueView });
export type InPersonData = z.infer<typeof InPersonData>;

/** The 409 body's `data` when someone tries to join outside the drop-in window. */
export const OutsideWindowData = z.object({
  opensAt: z.string(),
  startsAt: z.string(),
  /** Wall-clock opening time in the series' zone, "2026-11-30T11:50". */
  opensAtLocal: z.string(),
  nextSessionId: z.string(),
});
export type OutsideWindowData = z.infer<typeof OutsideWindowData>;

/** Participant attributes set by the server in the LiveKit token; participants cannot change them. */
export const ParticipantAttributes = z.object({
  /** Only roles that take part: an auditor never gets a token. */
  role: ParticipantRole,
  /** 'red-mug' for trained peer-support volunteers, '' otherwise. */
  badge: z.enum(['red-mug', '']),
});
export type ParticipantAttributes = z.infer<typeof ParticipantAttributes>;

export const MediaStatus = z.object({ available: z.boolean(), message: z.string().nullable() });
export type MediaStatus = z.infer<typeof MediaStatus>;
