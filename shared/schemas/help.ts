import { z } from 'zod';

/** GET /api/help — what the "Which kind of help fits?" page needs from the society's configuration. Public. */
export const HelpInfo = z.object({
  /** The professional counselling intake line; null when the society has not configured one. */
  counselling: z
    .object({
      /** As people read it, e.g. "1-877-555-0100". */
      phone: z.string(),
      /** For a `tel:` link: digits, with a leading + when the number has one. */
      tel: z.string(),
      hours: z.string().nullable(),
    })
    .nullable(),
});
export type HelpInfo = z.infer<typeof HelpInfo>;
