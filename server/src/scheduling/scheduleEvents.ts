import type { SessionChange } from '../../../shared/schemas/scheduling';

/**
 * What the schedule tells others after it changed a session's roster or the session itself (reminders listen).
 * Only ids: a listener reads the session again for anything else. `by` is whoever made the change, `sequence`
 * the session's revision after it, so one change is one event however often it is delivered.
 */
export type ScheduleEvent =
  | {
      type: 'roster';
      sessionId: string;
      sequence: number;
      by: string;
      before: { hostId: string | null; backupId: string | null };
      after: { hostId: string | null; backupId: string | null };
    }
  | {
      type: 'change';
      sessionId: string;
      sequence: number;
      by: string;
      action: SessionChange['action'];
      /** Who is rostered on the session after the change. */
      hostId: string | null;
      backupId: string | null;
    }
  | {
      /**
       * A whole series paused or ended (its coming sessions will not meet: 'cancel') or resumed ('restore'). The
       * coming sessions it touches, with who is rostered on each; `revision` is the series' own after the change.
       */
      type: 'series';
      seriesId: string;
      revision: number;
      by: string;
      action: 'cancel' | 'restore';
      sessions: Array<{ sessionId: string; hostId: string | null; backupId: string | null }>;
    };

export type OnScheduleEvent = (event: ScheduleEvent) => void;
