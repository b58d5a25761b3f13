import type { ReactNode } from 'react';

/** What every labelled control of the field kit takes: its id, its label, a hint and the server's message for it. */
export interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

/** The ids a labelled control points its `aria-describedby` at: its hint and its error, when shown. */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined;
}

/** A field's own props apart from those meant for its control. */
export function splitField<P extends FieldProps>({ id, label, hint, error, ...control }: P): [FieldProps, Omit<P, keyof FieldProps>] {
  return [{ id, label, hint, error }, control];
}

/** The attributes that tie a control to its notes, so screen readers read the hint and the error with it. */
export function ariaOf({ id, hint, error }: FieldProps) {
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, hint, error) } as const;
}

/** The hint and the server's message for one field, with the ids `describedBy` names. */
export function FieldNotes({ id, hint, error }: Omit<FieldProps, 'label'>) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}

/** A label, the control it names (wired with `ariaOf`) and the field's notes under it. */
export function Field({ id, label, hint, error, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
