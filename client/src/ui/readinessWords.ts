import type { ItemStatus, Readiness } from '../../../shared/schemas/readiness';
import type { MessageId } from '../../../shared/i18n/catalog';
import type { MsgValues } from '../../../shared/i18n/translate';
import { tNow } from '../i18n/useT';

type Words = (id: MessageId, values?: MsgValues) => string;

/**
 * How one item's state reads: "completed 2026-10-01, valid until 2027-09-30", "Lapsed (signed …)", "Not on record".
 * `done` says which item it is (training is completed, the undertaking signed); `t` is the page's translator.
 */
export function itemWords(s: ItemStatus, done: 'completed' | 'signed', t: Words = tNow): string {
  if (s.state === 'missing' || !s.on) return t('common.readiness.missing');
  const values = { done, on: s.on, until: s.validUntil ?? '' };
  if (s.state === 'lapsed') return t('common.readiness.lapsed', values);
  if (s.state === 'due') return t('common.readiness.due', values);
  return t('common.readiness.current', values);
}

/** A one-line summary: current, due by a date, or what is missing. */
export function readinessSummary(r: Readiness, t: Words = tNow): string {
  if (!r.current) return t('common.readiness.notCurrent');
  if (r.training.state === 'due' || r.undertaking.state === 'due') return t('common.readiness.renewBy', { date: r.validUntil ?? '' });
  return t('common.readiness.currentUntil', { date: r.validUntil ?? '' });
}
