import type { SupportRequest } from '../../../shared/schemas/live';

/** Adds a live request to the queue once (a reconnect may list it and announce it), oldest first. */
export function addRequest(list: SupportRequest[], r: SupportRequest): SupportRequest[] {
  if (r.handledAt || list.some((x) => x.id === r.id)) return list;
  return [...list, r].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
