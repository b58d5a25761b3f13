import type { MessageId } from '../../../shared/i18n/catalog';

export const STAFF_SCHEDULE = '/staff/schedule';

/** The views of "Run the schedule", each a page of its own under /staff/schedule, in the order they are offered. */
export const STAFF_VIEWS = [
  { path: 'sessions', label: 'scheduling.staff.view.sessions' },
  { path: 'topics', label: 'scheduling.staff.view.topics' },
  { path: 'hosts', label: 'scheduling.staff.view.hosts' },
  { path: 'new', label: 'scheduling.staff.view.new' },
] as const satisfies ReadonlyArray<{ path: string; label: MessageId }>;
export type StaffView = (typeof STAFF_VIEWS)[number]['path'];

/** Where a view of one series is: `/staff/schedule/<view>?series=<id>`. */
export const viewPath = (view: StaffView, seriesId?: string) =>
  `${STAFF_SCHEDULE}/${view}${seriesId ? `?series=${encodeURIComponent(seriesId)}` : ''}`;
