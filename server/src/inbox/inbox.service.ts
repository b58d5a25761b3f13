import type { InboxCount, InboxItem, InboxResponse } from '../../../shared/schemas/inbox';
import type { SupportRequest } from '../../../shared/schemas/live';
import type { QueueItem } from '../../../shared/schemas/matching';

export type InboxService = ReturnType<typeof createInboxService>;

/**
 * Staff's one inbox: open one-on-one requests and peer-support requests still waiting for a match, oldest first.
 * It owns no table: each kind is read through the domain that keeps it.
 */
export function createInboxService(deps: {
  /** Open one-on-one requests (the live domain's, oldest first). */
  contactRequests: () => Promise<SupportRequest[]>;
  /** The matching queue (open and matched requests, oldest first). */
  peerRequests: () => Promise<QueueItem[]>;
}) {
  async function items(): Promise<InboxItem[]> {
    const [contact, peer] = await Promise.all([deps.contactRequests(), deps.peerRequests()]);
    const all: InboxItem[] = [
      ...contact.map((request): InboxItem => ({ kind: 'contact', request })),
      // A matched request is being served; only those waiting for a match are in the inbox.
      ...peer
        .filter((r) => r.status === 'open')
        .map((r): InboxItem => ({
          kind: 'peer',
          request: { id: r.id, category: r.category, callerKind: r.callerKind, createdAt: r.createdAt, pendingProposal: r.pendingProposal },
        })),
    ];
    return all.sort((a, b) => Date.parse(a.request.createdAt) - Date.parse(b.request.createdAt) || a.request.id.localeCompare(b.request.id));
  }

  return {
    async list(): Promise<InboxResponse> {
      return { items: await items() };
    },
    async count(): Promise<InboxCount> {
      return { waiting: (await items()).length };
    },
  };
}
