import type { StateCreator } from 'zustand';

/**
 * How many requests wait in staff's inbox (null until first counted), and a revision that moves whenever one may
 * have arrived or been handled, so the inbox page loads again. Written against itself, like the live slice.
 */
export interface InboxSlice {
  waitingRequests: number | null;
  inboxRevision: number;
  setWaitingRequests: (n: number) => void;
  /** Something changed (a request arrived, one was handled): counted again and the inbox reloaded. */
  inboxChanged: () => void;
}

export const createInboxSlice: StateCreator<InboxSlice, [], [], InboxSlice> = (set) => ({
  waitingRequests: null,
  inboxRevision: 0,
  setWaitingRequests: (waitingRequests) => set({ waitingRequests }),
  inboxChanged: () => set((s) => ({ inboxRevision: s.inboxRevision + 1 })),
});
