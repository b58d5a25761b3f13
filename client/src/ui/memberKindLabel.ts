import { MEMBER_KINDS, type MemberKind } from '../../../shared/schemas/auth';
import type { MessageId } from '../../../shared/i18n/catalog';
import { tNow } from '../i18n/useT';

const KIND_IDS: Record<MemberKind, MessageId> = { lawyer: 'common.memberKind.lawyer', articling_student: 'common.memberKind.articlingStudent' };

/** How each member kind reads on screen, in the order of MEMBER_KINDS, in the page's language (for pickers). */
export function memberKindLabels(t: (id: MessageId) => string = tNow): Record<MemberKind, string> {
  return Object.fromEntries(MEMBER_KINDS.map((k) => [k, t(KIND_IDS[k])])) as Record<MemberKind, string>;
}

/**
 * "Lawyer" or "Articling student"; "Unknown" when none was recorded. A kind this client does not know yet (a newer
 * server) shows as sent rather than as nothing. `t` is the page's translator (`useT()`); outside React, the store's.
 */
export function memberKindLabel(kind: string | null, t: (id: MessageId) => string = tNow): string {
  if (kind === null) return t('common.memberKind.unknown');
  return Object.hasOwn(KIND_IDS, kind) ? t(KIND_IDS[kind as MemberKind]) : kind;
}
