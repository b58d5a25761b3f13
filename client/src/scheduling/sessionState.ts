import type { MessageId } from '../../../shared/i18n/catalog';
import type { ScheduledSession } from '../../../shared/schemas/scheduling';

/** Whether a session meets: scheduled, or moved to another day or time (not cancelled or skipped). */
export function meets(s: Pick<ScheduledSession, 'status'>): boolean {
  return s.status === 'scheduled' || s.status === 'moved';
}

/** How a session's state reads on the schedule, and whether its pre-join page is worth offering. */
export interface SessionState {
  /** One word or two, shown beside the time: what the doors say now (a message id, shown with `t`). */
  label: MessageId;
  /** A style hook: open, closed (locked, ended, removed) or later. */
  tone: 'open' | 'closed' | 'later' | 'off';
  /** The pre-join page has something to offer: an online circle that is open, or will be (never an in-person one). */
  offersJoin: boolean;
}

/**
 * What the schedule says about a session now, from its status (does it meet at all?) and the doors the server
 * reported (the join's own rule): never "open" for a circle its host locked or ended, never "not open yet" for
 * one that is over.
 */
export function sessionState(s: Pick<ScheduledSession, 'status' | 'doors'> & Partial<Pick<ScheduledSession, 'format'>>): SessionState {
  const state = doorsState(s);
  // An in-person circle has no online room to join, whatever its doors say.
  return s.format === 'in_person' ? { ...state, offersJoin: false } : state;
}

function doorsState(s: Pick<ScheduledSession, 'status' | 'doors'>): SessionState {
  if (s.status === 'cancelled') return { label: 'scheduling.doors.cancelled', tone: 'off', offersJoin: false };
  if (s.status === 'skipped') return { label: 'scheduling.doors.noCircle', tone: 'off', offersJoin: false };
  switch (s.doors) {
    case 'open':
      return { label: 'scheduling.doors.open', tone: 'open', offersJoin: true };
    case 'locked':
      return { label: 'scheduling.doors.locked', tone: 'closed', offersJoin: false };
    case 'ended':
      return { label: 'scheduling.doors.ended', tone: 'closed', offersJoin: false };
    case 'removed':
      return { label: 'scheduling.doors.removed', tone: 'closed', offersJoin: false };
    case 'upcoming':
      return { label: 'scheduling.doors.upcoming', tone: 'later', offersJoin: true };
  }
}

/**
 * The next instant after `now` at which some session's doors open or close by the clock, in ms since the epoch;
 * null when none lies ahead. A page asks again then, so its states stay true without a reload.
 */
export function nextDoorsChange(sessions: Array<Pick<ScheduledSession, 'opensAt' | 'closesAt'>>, now: number): number | null {
  let next: number | null = null;
  for (const s of sessions) {
    for (const at of [Date.parse(s.opensAt), Date.parse(s.closesAt)]) {
      if (at > now && (next === null || at < next)) next = at;
    }
  }
  return next;
}
