import { NavLink } from 'react-router';
import type { ParticipantRole } from '../../../shared/schemas/auth';

/** Links to the schedule pages each role uses; the server authorizes every action regardless. */
export function ScheduleNav({ role }: { role: ParticipantRole }) {
  return (
    <nav className="schedule-nav" aria-label="Schedule">
      <NavLink to="/schedule">Schedule</NavLink>
      {role !== 'member' && <NavLink to="/assignments">My assignments</NavLink>}
      {role === 'staff' && <NavLink to="/staff/schedule">Run the schedule</NavLink>}
    </nav>
  );
}
