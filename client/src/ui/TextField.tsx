import type { InputHTMLAttributes, Ref } from 'react';
import { ariaOf, Field, splitField, type FieldProps } from './Field';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> & { ref?: Ref<HTMLInputElement> };

/** A labelled text input (or, `multiline`, a text area) that hands its new value to `onChange`. */
export function TextField(props: FieldProps & InputProps & { value: string; onChange: (value: string) => void; multiline?: boolean }) {
  const [field, { value, onChange, multiline = false, type = 'text', ...input }] = splitField(props);
  const control = { id: field.id, value, ...ariaOf(field) };
  return (
    <Field {...field}>
      {multiline ? (
        <textarea {...control} maxLength={input.maxLength} rows={5} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...control} type={type} {...input} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}
