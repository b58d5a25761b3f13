import type { VolunteerChoice } from '../../../shared/schemas/scheduling';
import { NewSeriesForm, PopupForm } from './StaffForms';

/**
 * Staff: a new circle. A pop-up (a one-off, e.g. for right now) first, as it is the one made most often; a new
 * weekly series below it. Each confirms beside its button and links to the new circle's sessions.
 */
export function NewCircleView({ volunteers, onCreated }: { volunteers: VolunteerChoice[]; onCreated: () => void }) {
  return (
    <>
      <PopupForm volunteers={volunteers} onCreated={onCreated} />
      <NewSeriesForm onCreated={onCreated} />
    </>
  );
}
