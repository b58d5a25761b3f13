import type { MessageId } from '../../../shared/i18n/catalog';
import type { MsgValues } from '../../../shared/i18n/translate';
import { tNow } from '../i18n/useT';

/** What to tell someone whose camera or microphone would not start, and what they can do about it. */
export function mediaErrorMessage(
  device: 'camera' | 'microphone',
  err: unknown,
  t: (id: MessageId, values?: MsgValues) => string = tNow,
): string {
  const name = err instanceof Error || err instanceof DOMException ? err.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
      return t('common.media.blocked', { device });
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return t('common.media.notFound', { device });
    case 'NotReadableError':
    case 'TrackStartError':
      return t('common.media.busy', { device });
    default:
      return t('common.media.failed', { device });
  }
}
