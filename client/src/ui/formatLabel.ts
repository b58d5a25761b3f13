import type { CircleSession } from '../../../shared/schemas/circles';

/** "Online", or "In person, Edmonton": how a circle meets, for the home page and the schedule alike. */
export function formatLabel(s: Pick<CircleSession, 'format' | 'location'>): string {
  return s.format === 'in_person' ? `In person${s.location ? `, ${s.location}` : ''}` : 'Online';
}
