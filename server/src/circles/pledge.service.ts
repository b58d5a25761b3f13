import type { MessageId } from '../../../shared/i18n/catalog';
import { PLEDGE_VALID_DAYS, type PledgeStatus } from '../../../shared/schemas/pledge';
import type { Clock } from '../clock';
import { wordsNow } from '../live/wordsNow';
import type { Queryable } from '../store/db';
import { pledgeRepository } from './pledge.repository';

export type PledgeService = ReturnType<typeof createPledgeService>;

/** The pledge's sentences (CONFIDENTIALITY_PLEDGE in English), as the person reads them: agreed to as shown. */
const PLEDGE_LINES: readonly MessageId[] = ['live.pledge.confidential', 'live.pledge.respect'];

/**
 * The confidentiality pledge as a rule: an agreement holds for PLEDGE_VALID_DAYS, then is asked again. Admission
 * asks `holds` before anyone enters a circle (media or live), so no way in skips it.
 */
export function createPledgeService(deps: { db: Queryable; clock: Clock }) {
  const repo = pledgeRepository(deps.db);

  /** The last agreement, if it still holds. */
  async function current(userId: string): Promise<Date | null> {
    const at = await repo.agreedAt(userId);
    return at && deps.clock.now().getTime() - at.getTime() < PLEDGE_VALID_DAYS * 86_400_000 ? at : null;
  }
  async function status(userId: string): Promise<PledgeStatus> {
    const at = await current(userId);
    const t = wordsNow();
    return { required: !at, agreedAt: at?.toISOString() ?? null, text: PLEDGE_LINES.map((id) => t(id)) };
  }

  return {
    status,
    async holds(userId: string): Promise<boolean> {
      return (await current(userId)) !== null;
    },
    /** Records that this person agreed, and when; nothing about which circle they are about to join. */
    async agree(userId: string): Promise<PledgeStatus> {
      await repo.agree(userId, deps.clock.now());
      return status(userId);
    },
  };
}
