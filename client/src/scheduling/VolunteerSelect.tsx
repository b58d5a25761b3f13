import { READINESS_ITEM_LABELS, type ReadinessItem } from '../../../shared/schemas/readiness';

/** What a volunteer who cannot be assigned yet is missing, as the picker says it. */
function notCurrent(missing: readonly ReadinessItem[]): string {
  return `not current: ${missing.map((m) => READINESS_ITEM_LABELS[m]).join(' and ')} missing or lapsed`;
}

/**
 * Picks a volunteer (or nobody) for a host or backup role; named by `label`, or else by a label for its `id`. A
 * volunteer whose readiness is not current is shown, marked and not choosable (unless already chosen), so staff see
 * why someone is missing from the choice.
 */
export function VolunteerSelect(props: {
  id?: string;
  label?: string;
  none: string;
  value: string;
  volunteers: Array<{ id: string; firstName: string; current: boolean; missing: ReadinessItem[] }>;
  onChange: (id: string) => void;
}) {
  return (
    <select id={props.id} aria-label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      <option value="">{props.none}</option>
      {props.volunteers.map((v) => (
        <option key={v.id} value={v.id} disabled={!v.current && v.id !== props.value}>
          {v.current ? v.firstName : `${v.firstName} (${notCurrent(v.missing)})`}
        </option>
      ))}
    </select>
  );
}
