import { z } from 'zod';

/** A blank optional text field is "not given": forms send '' and the store keeps null. */
const optionalText = (max: number, message: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.string().trim().max(max, message).nullable().default(null));

/** A directions link (a map, the building's own page): https only, so a member's phone never opens a plain or script link. */
export const DirectionsUrl = z
  .string()
  .trim()
  .max(500, 'Keep the link under 500 characters')
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'https:' && u.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'Use a web link that starts with https://');

/**
 * Where an in-person circle meets, as staff enter it and members read it: the street address (required), the room,
 * a directions link, accessibility notes (step-free entrance, elevator, washrooms…) and what to expect on arrival.
 */
export const Venue = z
  .object({
    address: z.string().trim().min(1, 'Enter the street address').max(200, 'Keep the address under 200 characters'),
    room: optionalText(80, 'Keep the room under 80 characters'),
    directionsUrl: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), DirectionsUrl.nullable().default(null)),
    accessibility: optionalText(1000, 'Keep the accessibility notes under 1000 characters'),
    whatToExpect: optionalText(1000, 'Keep “what to expect” under 1000 characters'),
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
