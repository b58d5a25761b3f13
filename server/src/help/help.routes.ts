import { Router } from 'express';
import type { HelpInfo } from '../../../shared/schemas/help';
import type { Counselling } from '../config';

/** The digits a `tel:` link dials: "1-877-555-0100" → "18775550100", "+1 (403) 555-0100" → "+14035550100". */
export function telOf(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return phone.trim().startsWith('+') ? `+${digits}` : digits;
}

/**
 * The right door to help, open to anyone: a person who cannot sign in (or has no account yet) may need it most.
 * It says only what the society configured; it takes no input and knows nobody.
 */
export function helpRoutes(deps: { counselling: Counselling | null }): Router {
  const info: HelpInfo = {
    counselling: deps.counselling ? { ...deps.counselling, tel: telOf(deps.counselling.phone) } : null,
  };
  const router = Router();
  router.get('/', (_req, res) => {
    res.json(info);
  });
  return router;
}
