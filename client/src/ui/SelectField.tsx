import type { Ref, SelectHTMLAttributes } from 'react';
import { ariaOf, Field, splitField, type FieldProps } from './Field';

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'> & { ref?: Ref<HTMLSelectElement> };

/**
 * A labelled select of `options` (value → label, in their order). With `emptyLabel` it starts with an empty
 * choice whose value is '' (so `V` should include ''); without, one of the options is always chosen.
 */
export function SelectField<V extends string>(
  props: FieldProps & SelectProps & { value: V; onChange: (value: V) => void; options: Partial<Record<V, string>>; emptyLabel?: string },
) {
  const [field, { value, onChange, options, emptyLabel, ...select }] = splitField(props);
  return (
    <Field {...field}>
      <select id={field.id} value={value} onChange={(e) => onChange(e.target.value as V)} {...ariaOf(field)} {...select}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {(Object.entries(options) as Array<[V, string]>).map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
}
