/** Picks a volunteer (or nobody) for a host or backup role; named by `label`, or else by a label for its `id`. */
export function VolunteerSelect(props: {
  id?: string;
  label?: string;
  none: string;
  value: string;
  volunteers: Array<{ id: string; firstName: string }>;
  onChange: (id: string) => void;
}) {
  return (
    <select id={props.id} aria-label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      <option value="">{props.none}</option>
      {props.volunteers.map((v) => (
        <option key={v.id} value={v.id}>
          {v.firstName}
        </option>
      ))}
    </select>
  );
}
