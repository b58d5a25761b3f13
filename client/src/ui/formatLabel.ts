import type { CircleSession } from '../../../shared/schemas/circles';
import type { MessageId } from '../../../shared/i18n/catalog';
import type { MsgValues } from '../../../shared/i18n/translate';
import { tNow } from '../i18n/useT';

/** "Online", or "In person, Edmonton": how a circle meets, for the home page and the schedule alike. */
export function formatLabel(
  s: Pick<CircleSession, 'format' | 'location'>,
  t: (id: MessageId, values?: MsgValues) => string = tNow,
): string {
  if (s.format !== 'in_person') return t('common.format.online');
  return s.location ? t('common.format.inPersonAt', { location: s.location }) : t('common.format.inPerson');
}
