import type { ReactNode } from 'react';
import { describedBy, FieldNotes } from '../ui/FormField';

/** Labelled controls for the matching forms; each shows its server-side field error under it. */
interface Base {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
}

export function TextField(p: Base & { value: string; onChange: (v: string) => void; maxLength?: number; type?: string; multiline?: boolean }) {
  const common = {
    id: p.id,
    value: p.value,
    maxLength: p.maxLength,
    'aria-invalid': p.error ? true : undefined,
    'aria-describedby': describedBy(p.id, p.hint, p.error),
  };
  return (
    <div className="field">
      <label htmlFor={p.id}>{p.label}</label>
      {p.multiline ? (
        <textarea {...common} rows={5} onChange={(e) => p.onChange(e.target.value)} />
      ) : (
        <input {...common} type={p.type ?? 'text'} onChange={(e) => p.onChange(e.target.value)} />
      )}
      <FieldNotes id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}

export function SelectField<K extends string>(
  p: Base & { value: K | ''; onChange: (v: K | '') => void; options: Record<K, string>; emptyLabel?: string },
) {
  return (
    <div className="field">
      <label htmlFor={p.id}>{p.label}</label>
      <select
        id={p.id}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value as K | '')}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
      >
        <option value="">{p.emptyLabel ?? 'No preference'}</option>
        {(Object.entries(p.options) as Array<[K, string]>).map(([k, label]) => (
          <option key={k} value={k}>
            {label}
          </option>
        ))}
      </select>
      <FieldNotes id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}

/** A fieldset of checkboxes (many) or radios (one). */
export function ChoiceGroup<K extends string>(
  p: Base & { options: Record<K, string>; chosen: K[]; onChange: (v: K[]) => void; single?: boolean; children?: ReactNode },
) {
  const toggle = (k: K, on: boolean) =>
    p.onChange(p.single ? [k] : on ? [...p.chosen, k] : p.chosen.filter((c) => c !== k));
  return (
    <fieldset className="field choice-group" aria-describedby={describedBy(p.id, p.hint, p.error)} aria-invalid={p.error ? true : undefined}>
      <legend>{p.label}</legend>
      {(Object.entries(p.options) as Array<[K, string]>).map(([k, label]) => (
        <label key={k} className="choice">
          <input
            type={p.single ? 'radio' : 'checkbox'}
            name={p.id}
            value={k}
            checked={p.chosen.includes(k)}
            onChange={(e) => toggle(k, e.target.checked)}
          />{' '}
          {label}
        </label>
      ))}
      {p.children}
      <FieldNotes id={p.id} hint={p.hint} error={p.error} />
    </fieldset>
  );
}

/** "Black, Muslim" ⇄ ['Black', 'Muslim']. */
export const wordsOf = (s: string): string[] =>
  s
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);

/** Drops empty strings so optional fields are left out rather than sent blank. */
export const optional = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());
