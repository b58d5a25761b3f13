export const STAFF_SCHEDULE = '/staff/schedule';

/** The views of "Run the schedule", each a page of its own under /staff/schedule, in the order they are offered. */
export const STAFF_VIEWS = [
  { path: 'sessions', label: 'Sessions' },
  { path: 'topics', label: 'Topics' },
  { path: 'hosts', label: 'Hosts' },
  { path: 'new', label: 'New circle' },
] as const;
export type StaffView = (typeof STAFF_VIEWS)[number]['path'];

/** Where a view of one series is: `/staff/schedule/<view>?series=<id>`. */
export const viewPath = (view: StaffView, seriesId?: string) =>
  `${STAFF_SCHEDULE}/${view}${seriesId ? `?series=${encodeURIComponent(seriesId)}` : ''}`;
