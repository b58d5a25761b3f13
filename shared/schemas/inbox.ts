import { z } from 'zod';
import type { MessageId } from '../i18n/catalog';
import { MemberKind } from './auth';
import { SupportRequest } from './live';
import { RequestCategory } from './matching';

/** The two kinds of request staff answer, as the inbox labels them (message ids). */
export const INBOX_KIND_LABELS = {
  /** Asked for with "Ask for one-on-one support" (in a circle or not): staff contact the person privately. */
  contact: 'inbox.kind.contact',
  /** A peer-support request (the request form): staff match the caller with a volunteer. */
  peer: 'inbox.kind.peer',
} as const satisfies Record<string, MessageId>;
export type InboxKind = keyof typeof INBOX_KIND_LABELS;

/**
 * One waiting request in staff's inbox. A one-on-one request carries who asked (staff contact them); a peer-support
 * request carries only its topic and the caller's kind — what the caller wrote is read on its own page, audited.
 */
export const InboxItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('contact'), request: SupportRequest }),
  z.object({
    kind: z.literal('peer'),
    request: z.object({
      id: z.string(),
      category: RequestCategory,
      callerKind: MemberKind.nullable(),
      createdAt: z.string(),
      /** Staff proposed a volunteer who has not answered yet. */
      pendingProposal: z.boolean(),
    }),
  }),
]);
export type InboxItem = z.infer<typeof InboxItem>;

/** GET /api/inbox — staff: every request still waiting, of both kinds, oldest first. */
export const InboxResponse = z.object({ items: z.array(InboxItem) });
export type InboxResponse = z.infer<typeof InboxResponse>;

/** GET /api/inbox/count — staff: how many requests wait (the header's badge). */
export const InboxCount = z.object({ waiting: z.number().int().nonnegative() });
export type InboxCount = z.infer<typeof InboxCount>;

/** When an inbox item arrived. */
export const inboxItemCreatedAt = (item: InboxItem): string => item.request.createdAt;
