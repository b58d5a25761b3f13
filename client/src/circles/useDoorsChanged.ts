import type { MessageId } from '../../../shared/i18n/catalog';
import type { Doors } from '../../../shared/schemas/circles';

// The hook lives in ui/: the schedule listens too, and domain folders do not import each other.
export { useDoorsChanged } from '../ui/useDoorsChanged';

/** What closed doors say, in the words the join itself would answer with; null while they are not closed. */
export function closedDoorsMessage(doors: Doors): MessageId | null {
  switch (doors) {
    case 'locked':
      return 'circles.doors.locked';
    case 'ended':
      return 'circles.doors.ended';
    case 'removed':
      return 'circles.doors.removed';
    default:
      return null;
  }
}
