import { z } from 'zod';

/**
 * The confidentiality pledge everyone agrees to before their first circle, and again each year (issue #15). Two
 * sentences, the same on the page and in the API, so what was agreed to is what was shown.
 */
export const CONFIDENTIALITY_PLEDGE = [
  'What is said in the circle stays in the circle: I will not record it, repeat it or say who I saw there.',
  'I will treat everyone here as I would want to be treated, and take anything more personal to the private support the society offers.',
] as const;

/** How long an agreement holds before the pledge is asked again. */
export const PLEDGE_VALID_DAYS = 365;

/** GET /api/circles/pledge — whether this person must agree before joining, and the text. */
export const PledgeStatus = z.object({
  required: z.boolean(),
  /** When they last agreed (null if never, or it has lapsed with the year). */
  agreedAt: z.string().nullable(),
  text: z.array(z.string()),
});
export type PledgeStatus = z.infer<typeof PledgeStatus>;

/** POST /api/circles/pledge — agreeing; nothing but the agreement itself. */
export const PledgeBody = z.object({ agree: z.literal(true) }).strict();
export type PledgeBody = z.infer<typeof PledgeBody>;
