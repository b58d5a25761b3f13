import type { ReadinessItem } from '../../../shared/schemas/readiness';
import { useT, type T } from '../i18n/useT';

/** "Vic (not current: peer-support training missing or lapsed)": a volunteer who cannot be assigned yet, as the picker says it. */
function notCurrent(t: T, name: string, missing: readonly ReadinessItem[]): string {
  const items = new Intl.ListFormat(t.locale, { type: 'conjunction' }).format(missing.map((m) => t(`scheduling.readinessItem.${m}` as const)));
  return t('scheduling.volunteer.notCurrent', { name, missing: items });
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
  const t = useT();
  return (
    <select id={props.id} aria-label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      <option value="">{props.none}</option>
      {props.volunteers.map((v) => (
        <option key={v.id} value={v.id} disabled={!v.current && v.id !== props.value}>
          {v.current ? v.firstName : notCurrent(t, v.firstName, v.missing)}
        </option>
      ))}
    </select>
  );
}
