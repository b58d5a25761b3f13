import { Router } from 'express';
import type { HelpInfo } from '../../../shared/schemas/help';
import type { I18n } from '../i18n/i18n';

/** The digits a `tel:` link dials: "1-877-555-0100" → "18775550100", "+1 (403) 555-0100" → "+14035550100". */
export function telOf(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return phone.trim().startsWith('+') ? `+${digits}` : digits;
}

/**
 * The right door to help, open to anyone: a person who cannot sign in (or has no account yet) may need it most.
 * It says only what the program file gives (`counselling`), in the request's language; it takes no input and
 * knows nobody.
 */
export function helpRoutes(deps: { i18n: I18n }): Router {
  const { counselling } = deps.i18n.program;
  const router = Router();
  router.get('/', (req, res) => {
    const info: HelpInfo = {
      counselling: counselling
        ? { phone: counselling.phone, tel: telOf(counselling.phone), hours: counselling.hours ? deps.i18n.programText(counselling.hours, req.locale) : null }
        : null,
    };
    res.json(info);
  });
  return router;
}
