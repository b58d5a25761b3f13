import type { Doors } from '../../../shared/schemas/circles';

// The hook lives in ui/: the schedule listens too, and domain folders do not import each other.
export { useDoorsChanged } from '../ui/useDoorsChanged';

/** What closed doors say, in the words the join itself would answer with; null while they are not closed. */
export function closedDoorsMessage(doors: Doors): string | null {
  switch (doors) {
    case 'locked':
      return 'The host has closed this circle to newcomers for now. Try the next one, or ask staff.';
    case 'ended':
      return 'This circle has ended. See you at the next one.';
    case 'removed':
      return 'A host removed you from this circle, so you cannot rejoin it. Staff can help if you think this was a mistake.';
    default:
      return null;
  }
}
