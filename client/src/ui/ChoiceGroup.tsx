import { ariaOf, FieldNotes, splitField, type FieldProps } from './Field';

/** A fieldset of checkboxes (many may be chosen) or, `single`, radios (one). */
export function ChoiceGroup<K extends string>(
  props: FieldProps & { options: Record<K, string>; chosen: K[]; onChange: (v: K[]) => void; single?: boolean },
) {
  const [field, { options, chosen, onChange, single = false }] = splitField(props);
  const toggle = (k: K, on: boolean) => onChange(single ? [k] : on ? [...chosen, k] : chosen.filter((c) => c !== k));
  return (
    <fieldset className="field choice-group" {...ariaOf(field)}>
      <legend>{field.label}</legend>
      {(Object.entries(options) as Array<[K, string]>).map(([k, text]) => (
        <label key={k} className="choice">
          <input
            type={single ? 'radio' : 'checkbox'}
            name={field.id}
            value={k}
            checked={chosen.includes(k)}
            onChange={(e) => toggle(k, e.target.checked)}
          />
          <span className="choice-text">{text}</span>
        </label>
      ))}
      <FieldNotes {...field} />
    </fieldset>
  );
}
