import { z } from 'zod';

/** A blank optional text field is "not given": forms send '' and the store keeps null. */
const optionalText = (max: number, message: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.string().trim().max(max, message).nullable().default(null));

/** A directions link (a map, the building's own page): https only, so a member's phone never opens a plain or script link. */
export const DirectionsUrl = z
  .string()
  .trim()
  .max(500, 'scheduling.validation.venueLinkTooLong')
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'https:' && u.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'scheduling.validation.venueLink');

/**
 * Where an in-person circle meets, as staff enter it and members read it: the street address (required), the room,
 * a directions link, accessibility notes (step-free entrance, elevator, washrooms…) and what to expect on arrival.
 */
export const Venue = z
  .object({
    address: z.string().trim().min(1, 'scheduling.validation.venueAddress').max(200, 'scheduling.validation.venueAddressTooLong'),
    room: optionalText(80, 'scheduling.validation.venueRoomTooLong'),
    directionsUrl: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), DirectionsUrl.nullable().default(null)),
    accessibility: optionalText(1000, 'scheduling.validation.venueAccessibilityTooLong'),
    whatToExpect: optionalText(1000, 'scheduling.validation.venueExpectTooLong'),
  })
  .strict();
export type Venue = z.infer<typeof Venue>;

/** A venue as the API answers with it (every field present, blanks null). */
export const VenueView = z.object({
  address: z.string(),
  room: z.string().nullable(),
  directionsUrl: z.string().nullable(),
  accessibility: z.string().nullable(),
  whatToExpect: z.string().nullable(),
});
export type VenueView = z.infer<typeof VenueView>;
